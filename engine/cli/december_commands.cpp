// The December commands: decembre, lettres, budget, verifier, convertir,
// envoyer.
#include <iostream>

#include "cli/handlers.hpp"
#include "december/december_job.hpp"
#include "mailing/send_job.hpp"

namespace lettrine {

namespace {

JobOptions december_options(const Invocation& in, Console& console) {
    JobOptions options;
    options.data = in.value("--donnees");
    options.output = in.value("--sortie");
    options.templates = in.value("--modeles");
    options.sectors = in.values("--secteur");
    options.jobs = in.jobs();
    options.progress = &console.progress();
    return options;
}

int run_batch(const Invocation& in, Console& console, bool letters, bool budget) {
    return console.report(run_december(december_options(in, console), letters, budget), in.value("--sortie") + "/");
}

}  // namespace

int run_december_command(const Invocation& in, Console& console) { return run_batch(in, console, true, true); }
int run_letters_command(const Invocation& in, Console& console) { return run_batch(in, console, true, false); }
int run_budget_command(const Invocation& in, Console& console) { return run_batch(in, console, false, true); }

int run_check_command(const Invocation& in, Console& console) {
    const CheckReport found = check_december(december_options(in, console));
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
    return console.report(convert_programme(in.value("--donnees"), in.value("--sortie")), in.value("--sortie"));
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
