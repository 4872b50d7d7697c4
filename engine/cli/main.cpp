// `lettrine`: a thin shell over the library jobs (engine/jobs). It parses
// the command line, runs one job, prints the diagnostics in French and
// returns the documented exit code.
#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "cli/arguments.hpp"
#include "core/diagnostic.hpp"
#include "ag/workshop_job.hpp"
#include "bilan/note_job.hpp"
#include "jobs/jobs.hpp"
#include "report/report.hpp"

using namespace lettrine;

namespace {

void print(const Diagnostics& diagnostics, std::ostream& err) {
    for (const auto& d : diagnostics.items()) err << d.describe() << "\n";
}

std::string count_phrase(std::size_t n, const std::string& singular, const std::string& plural) {
    return std::to_string(n) + " " + (n > 1 ? plural : singular);
}

int run(const Arguments& args) {
    const Verbosity verbosity = args.quiet ? Verbosity::Quiet : args.verbose ? Verbosity::Verbose : Verbosity::Normal;
    Progress progress(std::cerr, verbosity, ::isatty(STDERR_FILENO) == 1);
    JobOptions options;
    options.data = args.data;
    options.output = args.output;
    options.templates = args.templates;
    options.sectors = args.sectors;
    options.jobs = args.jobs;
    options.progress = &progress;

    JobResult result;
    switch (args.command) {
        case Command::Help: std::cout << help_text(); return 0;
        case Command::Version: std::cout << version_text(); return 0;
        case Command::Check: {
            const CheckReport found = check_december(options);
            print(found.data, std::cerr);
            print(found.templates, std::cerr);
            if (found.has_errors()) {
                const std::size_t count = found.data.error_count() + found.templates.error_count();
                std::cerr << count_phrase(count, "problème trouvé", "problèmes trouvés")
                          << " ; aucun fichier écrit.\n";
                return exit_code_for(found.data.has_errors() ? ErrorKind::Data : ErrorKind::Template);
            }
            progress.say("Données et modèles valides.");
            return 0;
        }
        case Command::December: result = run_december(options, true, true); break;
        case Command::Letters: result = run_december(options, true, false); break;
        case Command::Budget: result = run_december(options, false, true); break;
        case Command::Convert: result = convert_programme(args.data, args.output); break;
        case Command::ConvertAssembly: result = convert_assembly(args.assembly_data, args.output); break;
        case Command::Workshops: {
            WorkshopOptions workshops;
            workshops.programme = args.data;
            workshops.assembly = args.assembly_data;
            workshops.output = args.output;
            workshops.templates = args.templates;
            workshops.sectors = args.sectors;
            workshops.badges = args.badges;
            workshops.duplex = args.duplex;
            workshops.jobs = args.jobs;
            workshops.progress = &progress;
            result = run_workshop_packs(workshops);
            break;
        }
        case Command::Forms: {
            FormOptions forms;
            forms.programme = args.data;
            forms.output = args.output;
            forms.sectors = args.sectors;
            forms.progress = &progress;
            result = run_forms(forms);
            break;
        }
        case Command::Note: {
            NoteOptions note;
            note.bilan = args.data;
            note.output = args.output;
            note.templates = args.templates;
            note.progress = &progress;
            result = run_note(note);
            break;
        }
        case Command::Report: {
            ReportOptions report;
            report.programme = args.data;
            report.notes = args.notes;
            report.output = args.output;
            report.templates = args.templates;
            report.duplex = args.duplex;
            report.progress = &progress;
            result = run_report(report);
            break;
        }
        case Command::Merge: {
            MergeOptions merge;
            merge.template_file = args.merge_template;
            merge.data = args.data;
            merge.output = args.output;
            merge.each = args.each;
            merge.single_file = args.single_file;
            merge.file_name_field = args.file_name_field;
            merge.jobs = args.jobs;
            merge.progress = &progress;
            result = run_merge(merge);
            break;
        }
    }
    print(result.warnings, std::cerr);
    progress.say(count_phrase(result.written.size(), "fichier écrit", "fichiers écrits") + " dans " +
                 (args.command == Command::Convert || args.command == Command::ConvertAssembly || (args.command == Command::Merge && args.single_file)
                      ? args.output
                      : args.output + "/"));
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> words(argv + 1, argv + argc);
    try {
        return run(parse_arguments(words));
    } catch (const LettrineError& e) {
        print(e.diagnostics(), std::cerr);
        if (e.kind() != ErrorKind::Usage)
            std::cerr << "Échec : aucun fichier écrit.\n";
        return exit_code_for(e.kind());
    } catch (const std::exception& e) {
        std::cerr << "erreur interne : " << e.what() << "\n";
        return exit_code_for(ErrorKind::Internal);
    }
}
