#pragma once
// The command line as a table: every option once (its spellings, whether it
// takes a value, its line in the help), every command once (its names, its
// options and their defaults, its own rules, the function that runs it).
// Adding a command is one entry in command_table() (commands.cpp) and its
// handler; adding an option is one entry in option_table() (options.cpp).
//
// Why not CLI11: Debian's CLI11 2.1 prints its messages in English and
// suggests nothing for a mistyped command or option; wrapping it would take
// more code than this small table, which gives French messages with a
// suggestion (« vouliez-vous dire « lettres » ? »).
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/manifest.hpp"
#include "pipeline/progress.hpp"

namespace lettrine {

enum class Takes { Value, Values, Nothing };  // --x V ; --x V, repeatable ; a flag

struct OptionSpec {
    std::vector<std::string> spellings;  // the first is the canonical name: {"--donnees", "--données"}
    Takes takes = Takes::Value;
    std::string help;                    // its lines in `lettrine --aide`, laid out; empty: not listed there
    bool everywhere = false;             // accepted by every command (--jobs, --quiet, ...)
};

// Every option, in the order of the help's « Options » section.
const std::vector<OptionSpec>& option_table();
const OptionSpec* find_option(const std::string& spelling);

class Console;
struct CommandSpec;

// One command line, parsed and checked against its command's entry.
struct Invocation {
    const CommandSpec* command = nullptr;
    std::map<std::string, std::vector<std::string>> given;  // canonical option → values, in order
    std::vector<std::string> rest;  // the words after a command that parses its own options (serveur)

    bool has(const std::string& option) const { return given.count(option) > 0; }
    // The last value given, else the command's default, else "".
    std::string value(const std::string& option) const;
    std::vector<std::string> values(const std::string& option) const;
    bool flag(const std::string& option) const { return has(option); }
    int jobs() const;  // --jobs, 0 (as many as cores) when not given
    bool archival() const;  // --pdfa: false for « non »
    Verbosity verbosity() const;
    // The job this run is for the output folder's manifest: the command and
    // what selects its files (--secteur, --badges, --chaque), so that a
    // `--secteur habitat` run never calls the other sectors' letters stale;
    // --nettoyer removes the stale files.
    publication::Job output_job() const;
};

struct CommandOption {
    std::string name;            // canonical option name
    std::string default_value;   // "" : none
};

struct CommandSpec {
    std::vector<std::string> names;  // the first is the canonical name
    std::string help;                // its lines in `lettrine --aide`; empty: not listed
    std::vector<CommandOption> options;
    // Options this command refuses with a reason of its own, rather than
    // « --x ne s'emploie qu'avec les commandes … ».
    std::vector<std::pair<std::string, std::string>> refused;
    void (*check)(const Invocation&) = nullptr;  // its own rules; throws usage errors
    int (*run)(const Invocation&, Console&) = nullptr;
    bool own_options = false;        // the words after the name go to `run` untouched (Invocation::rest)

    const CommandOption* option(const std::string& name) const;
};

// Every command, in the help's order; the first is the default command.
const std::vector<CommandSpec>& command_table();

// Throws LettrineError(ErrorKind::Usage) with a French message.
Invocation parse_arguments(const std::vector<std::string>& args);

// A usage error: the message and how to get the help.
[[noreturn]] void usage_error(const std::string& message);

std::string help_text();
std::string version_text();

}  // namespace lettrine
