// The December commands: decembre, lettres, budget, verifier, convertir,
// envoyer.
#include <iostream>

#include "cli/handlers.hpp"
#include "core/output_batch.hpp"
#include "core/output_files.hpp"
#include "ag/assembly_reader.hpp"
#include "data/programme_reader.hpp"
#include "december/december_job.hpp"
#include "report/report.hpp"
#include "mailing/send_job.hpp"
#include "signing/sign_command.hpp"

namespace lettrine {

namespace {

JobOptions december_options(const Invocation& in, Console& console) {
    JobOptions options;
    options.data = in.value("--donnees");
    options.output = in.value("--sortie");
    options.templates = in.value("--modeles");
    options.sectors = in.values("--secteur");
    options.jobs = in.jobs();
    options.archival = in.archival();
    options.progress = &console.progress();
    if (in.command->option("--format")) options.formats = parse_output_formats(in.value("--format"));
    options.job = in.output_job();
    return options;
}

const std::vector<WrittenKind> kDecemberFiles = {{"lettre-de-mission-", "lettre", "lettres"}, {"budget-", "budget", ""}};

int run_batch(const Invocation& in, Console& console, bool letters, bool budget) {
    // --signer: the certificate and its password are checked before anything is written.
    const auto signer = signing::signer_for_batch(in.value("--signer"), in.value("--mot-de-passe-fichier"), std::cerr);
    const JobResult result = run_december(december_options(in, console), letters, budget);
    console.report(result, kDecemberFiles);
    if (!signer || !letters) return 0;
    std::vector<boost::filesystem::path> letter_files;
    for (const auto& file : result.written)
        if (file.extension() == ".pdf" && file.parent_path().filename() == "lettres") letter_files.push_back(file);
    return signer->sign_written(letter_files, std::cerr);
}

}  // namespace

JobResult convert_guarded(const Invocation& in, Console& console, const boost::filesystem::path& input,
                          const std::function<JobResult()>& convert) {
    const boost::filesystem::path destination = in.value("--sortie");
    refuse_unusable_destination(destination, {input});
    if (!boost::filesystem::exists(destination)) return convert();
    const std::string backup = destination.string() + ".bak";
    if (!in.flag("--remplacer"))
        usage_error(in.command->names.front() + " : « " + destination.string() +
                    " » existe déjà et n’est pas remplacé (il a peut-être été modifié à la main) ; --remplacer le "
                    "remplace et garde l’ancien sous « " + backup + " »");
    const std::string previous = read_file(destination);
    JobResult result = convert();
    write_file_atomically(backup, previous);
    console.progress().say("ancien classeur gardé sous " + backup);
    return result;
}

int run_december_command(const Invocation& in, Console& console) { return run_batch(in, console, true, true); }
int run_letters_command(const Invocation& in, Console& console) { return run_batch(in, console, true, false); }
int run_budget_command(const Invocation& in, Console& console) { return run_batch(in, console, false, true); }

namespace {

// What `atelier` and `rapport` would refuse, checked by `verifier` when it is
// given their inputs (issue 13, item 13): the AG workbook against the
// programme, every bilan of a notes folder. Only once the programme is valid.
void check_later_inputs(const Invocation& in, CheckReport& found) {
    if (found.data.has_errors() || (!in.has("--donnees-ag") && !in.has("--notes"))) return;
    const Programme programme = read_programme(in.value("--donnees"));
    if (in.has("--donnees-ag")) found.data.append(check_assembly(in.value("--donnees-ag"), &programme).diagnostics);
    if (in.has("--notes")) found.data.append(scan_notes(in.value("--notes"), programme).diagnostics);
}

}  // namespace

int run_check_command(const Invocation& in, Console& console) {
    CheckReport found = check_december(december_options(in, console));
    check_later_inputs(in, found);
    console.print(found.data);
    console.print(found.templates);
    if (found.has_errors()) {
        const std::size_t count = found.data.error_count() + found.templates.error_count();
        std::cerr << count_phrase(count, "problème trouvé", "problèmes trouvés") << " ; aucun fichier écrit.\n";
        return exit_code_for(found.data.has_errors() ? ErrorKind::Data : ErrorKind::Template);
    }
    console.progress().say("Données et modèles valides.");
    return 0;
}

int run_convert_command(const Invocation& in, Console& console) {
    const JobResult result = convert_guarded(in, console, in.value("--donnees"), [&] { return convert_programme(in.value("--donnees"), in.value("--sortie")); });
    return console.report(result, {{"", "classeur", ""}});
}

// Drafts, or e-mails sent with a summary of what went and what did not
// (exit 6 when something did not).
int run_send_command(const Invocation& in, Console& console) {
    SendOptions send;
    send.data = in.value("--donnees");
    send.output = in.value("--sortie");
    send.sectors = in.values("--secteur");
    if (in.has("--smtp")) send.smtp = in.value("--smtp");
    send.resend = in.flag("--renvoyer");
    send.progress = &console.progress();
    const SendReport report = run_send(send);
    console.print(report.warnings);
    for (const std::string& line : summary_lines(report)) {
        if (report.complete()) console.progress().say(line);
        else std::cerr << line << "\n";
    }
    return report.complete() ? 0 : kExitIncompleteSending;
}

}  // namespace lettrine
