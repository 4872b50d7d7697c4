#pragma once
// One validation path for every source format: ProgrammeSource -> Programme.
// Every problem is reported (positioned, in French) in `diagnostics`; the
// returned Programme is only meaningful when no error was added.
#include "core/diagnostic.hpp"
#include "data/email_address.hpp"
#include "data/programme.hpp"
#include "data/programme_source.hpp"

namespace lettrine {

// The text keys the December letters need (« Textes » sheet).
const std::vector<std::string>& required_text_keys();  // contexte, coordination, contrat

Programme validate_programme(const ProgrammeSource& source, Diagnostics& diagnostics);

// Checks done on every text field, exposed for tests and other readers:
// a « ? » (anywhere; in running texts only a bare one) or « ... » / « … »
// marks a tentative item left in the data. Returns the French message, or "".
std::string tentative_text_problem(const std::string& line, bool questions_allowed);

bool is_slug_identifier(const std::string& id);  // [a-z0-9-]+
// is_plausible_email: data/email_address.hpp (included above).

}  // namespace lettrine
