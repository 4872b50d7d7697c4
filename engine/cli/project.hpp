#pragma once
// A project folder: input/ (programme-<année>.xlsx, ag-<année>.xlsx,
// bilans/), templates/ (the templates to customise), output/. The commands'
// default files are found in it (the current folder, or --projet DOSSIER);
// `lettrine init` creates one for a new year.
#include <string>

#include <boost/filesystem.hpp>

#include "cli/command_line.hpp"
#include "cli/console.hpp"

namespace lettrine {

// --projet DOSSIER, else the current folder (".").
boost::filesystem::path project_folder(const Invocation& in);

// The most recent <project>/input/<stem>-<année>.xlsx (else .ods, else
// .xml for that year). Throws LettrineError(Io) naming the folder looked in
// and what was looked for when there is none.
boost::filesystem::path latest_dated_input(const boost::filesystem::path& project, const std::string& stem);

// An option's default for this run: the dated inputs found in the project,
// the other folders (output, templates, input/bilans) under it.
std::string project_default(const Invocation& in, const std::string& option, const std::string& table_default);

// Before a command runs: each template it needs is in its templates folder
// (--modeles), or a French error names the folder, the file and how to get
// it (`lettrine init`, or a copy of the installed one).
void check_templates_present(const Invocation& in);

// lettrine init DOSSIER [--annee N] [--donnees PRECEDENT]
int run_init_command(const Invocation& in, Console& console);

}  // namespace lettrine
