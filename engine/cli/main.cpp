// `lettrine`: parses the command line against the table of commands
// (commands.cpp), runs the one named, prints what failed in French and
// returns the documented exit code. No command is known here.
#include <iostream>
#include <string>
#include <vector>

#include "cli/command_line.hpp"
#include "cli/console.hpp"
#include "cli/project.hpp"
#include "core/diagnostic.hpp"
#include "core/output_batch.hpp"

using namespace lettrine;

int main(int argc, char** argv) {
    const std::vector<std::string> words(argv + 1, argv + argc);
    try {
        const Invocation invocation = parse_arguments(words);
        check_templates_present(invocation);
        Console console(invocation.verbosity());
        return invocation.command->run(invocation, console);
    } catch (const LettrineError& e) {
        for (const auto& d : e.diagnostics().items()) std::cerr << d.describe() << "\n";
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
