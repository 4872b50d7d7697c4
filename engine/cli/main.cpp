// `lettrine`: a thin shell over the library jobs (engine/jobs). It parses
// the command line, runs one job, prints the diagnostics in French and
// returns the documented exit code.
#include <unistd.h>

#include <iostream>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "cli/arguments.hpp"
#include "core/diagnostic.hpp"
#include "core/output_batch.hpp"
#include "ag/workshop_job.hpp"
#include "bilan/note_job.hpp"
#include "bilan/note_view.hpp"
#include "data/programme_reader.hpp"
#include "jobs/jobs.hpp"
#include "mailing/send_job.hpp"
#include "report/report.hpp"
#include "signing/sign_command.hpp"
#include "web/server.hpp"

using namespace lettrine;

namespace {

void print(const Diagnostics& diagnostics, std::ostream& err) {
    for (const auto& d : diagnostics.items()) err << d.describe() << "\n";
}

std::string count_phrase(std::size_t n, const std::string& singular, const std::string& plural) {
    return std::to_string(n) + " " + (n > 1 ? plural : singular);
}

// The key figures of every bilan in the notes folder, for the workshop
// packs' « Le secteur en bref ». The folder is read as the rapport reads it
// (same checks, every problem at once); a note given as a PDF has no
// figures Lettrine can read, so its sector's pack has none.
BilanLookup bilans_from_notes(const std::string& folder, const std::string& programme_file, Diagnostics& warnings) {
    const Programme programme = read_programme(programme_file);
    NoteFolder found = scan_notes(folder, programme);
    if (found.diagnostics.has_errors()) throw LettrineError(ErrorKind::Data, std::move(found.diagnostics));
    for (const auto& d : found.diagnostics.items()) warnings.add(d);
    std::map<std::string, SectorBilan> by_sector;
    for (const SectorNote& note : found.notes) {
        if (!note.bilan) continue;
        SectorBilan bilan;
        bilan.year = note.bilan->year;
        for (const NoteFigure& f : note_key_figures(*note.bilan))
            bilan.figures.push_back({f.detail.empty() ? f.caption : f.caption + " (" + f.detail + ")", f.value});
        by_sector.emplace(note.sector_id, std::move(bilan));
    }
    return [by_sector = std::move(by_sector)](const Sector& sector) -> std::optional<SectorBilan> {
        const auto it = by_sector.find(sector.id);
        if (it == by_sector.end()) return std::nullopt;
        return it->second;
    };
}

// `envoyer`: drafts, or e-mails sent with a summary of what went and what
// did not (exit 6 when something did not).
int send_letters(const Arguments& args, Progress& progress) {
    SendOptions send;
    send.data = args.data;
    send.output = args.output;
    send.sectors = args.sectors;
    if (!args.smtp.empty()) send.smtp = args.smtp;
    send.resend = args.resend;
    send.progress = &progress;
    const SendReport report = run_send(send);
    print(report.warnings, std::cerr);
    for (const std::string& line : summary_lines(report)) {
        if (report.complete()) progress.say(line);
        else std::cerr << line << "\n";
    }
    return report.complete() ? 0 : kExitIncompleteSending;
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

    // --signer: the certificate and its password are checked before anything is written.
    const auto signer = signing::signer_for_batch(args.sign_certificate, args.sign_password_file, std::cerr);
    JobResult result;
    switch (args.command) {
        case Command::Help: std::cout << help_text(); return 0;
        case Command::Version: std::cout << version_text(); return 0;
        case Command::Send: return send_letters(args, progress);
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
            Diagnostics note_warnings;
            if (args.notes_given) workshops.bilans = bilans_from_notes(args.notes, args.data, note_warnings);
            result = run_workshop_packs(workshops);
            for (const auto& d : note_warnings.items()) result.warnings.add(d);
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
    return signer ? signer->sign_written(result.written, std::cerr) : 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> words(argv + 1, argv + argc);
    try {
        // The web interface and the signature have their own options (engine/web/options.hpp, engine/signing).
        if (!words.empty() && words.front() == "serveur")
            return web::serve_command(std::vector<std::string>(words.begin() + 1, words.end()));
        if (!words.empty() && words.front() == "signer")
            return signing::sign_command(std::vector<std::string>(words.begin() + 1, words.end()));
        return run(parse_arguments(words));
    } catch (const LettrineError& e) {
        print(e.diagnostics(), std::cerr);
        if (dynamic_cast<const PublicationPending*>(&e))
            std::cerr << "Échec : le dossier de sortie mêle des fichiers anciens et nouveaux ; le prochain lancement "
                         "qui y écrit terminera la publication.\n";
        else if (e.kind() != ErrorKind::Usage)
            std::cerr << "Échec : aucun fichier écrit.\n";
        return exit_code_for(e.kind());
    } catch (const std::exception& e) {
        std::cerr << "erreur interne : " << e.what() << "\n";
        return exit_code_for(ErrorKind::Internal);
    }
}
