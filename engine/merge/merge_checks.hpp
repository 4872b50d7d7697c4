#pragma once
// What the mail merge checks before writing anything, so that it never
// prints blanks (issue 13, item 11).
#include <string>

#include "core/diagnostic.hpp"
#include "data/value.hpp"
#include "template/template.hpp"

namespace lettrine {

// Every name the template uses, checked against every record (as
// check_names does, with Mustache's lookup). A name no record has is an
// error positioned in the template, naming the data's fields (and the
// closest one: « civilité » for « civilite »); a name only some records lack
// is a warning listing them, or an error when `strict`. Throws
// LettrineError(Template) with every error; warnings go to `warnings`.
void check_record_fields(const Template& document_template, const DataValue& records, bool strict,
                         Diagnostics& warnings);

// --nom must name a field of at least one record: throws
// LettrineError(Usage) with the data's fields and the closest one.
void check_file_name_field(const std::string& field, const DataValue& records);

}  // namespace lettrine
