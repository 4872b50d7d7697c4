#pragma once
// One function per command, each turning an Invocation into its job's
// options, running the job and saying what happened. Named in
// command_table() (commands.cpp).
#include <functional>

#include "cli/command_line.hpp"
#include "cli/console.hpp"

namespace lettrine {

// `lettrine envoyer` returns this when some e-mail could not be sent (the
// others were sent and logged).
inline constexpr int kExitIncompleteSending = 6;

int run_december_command(const Invocation& in, Console& console);  // decembre
int run_letters_command(const Invocation& in, Console& console);   // lettres
int run_budget_command(const Invocation& in, Console& console);    // budget
int run_check_command(const Invocation& in, Console& console);     // verifier
int run_convert_command(const Invocation& in, Console& console);   // convertir
int run_send_command(const Invocation& in, Console& console);      // envoyer
int run_merge_command(const Invocation& in, Console& console);     // fusion
int run_workshops_command(const Invocation& in, Console& console);         // atelier
int run_convert_assembly_command(const Invocation& in, Console& console);  // convertir-ag
// convertir, convertir-ag: `convert` writes the workbook --sortie. An
// existing one (perhaps edited by hand) is replaced only with --remplacer,
// and then kept as <name>.bak once the new one is written. A destination
// that cannot be one (a folder, a device, the input itself) is refused first.
JobResult convert_guarded(const Invocation& in, Console& console, const boost::filesystem::path& input,
                          const std::function<JobResult()>& convert);

int run_forms_command(const Invocation& in, Console& console);   // formulaire
int run_note_command(const Invocation& in, Console& console);    // note
int run_report_command(const Invocation& in, Console& console);  // rapport

}  // namespace lettrine
