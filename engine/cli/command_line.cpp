// Parsing a command line against the tables: which command, which options,
// their values; then the command's own rules. Nothing here knows a command
// or an option by name except --aide and --version.
#include "cli/command_line.hpp"

#include <algorithm>
#include <string>

#include "core/diagnostic.hpp"
#include "core/suggestion.hpp"
#include "cli/project.hpp"

namespace lettrine {

namespace {

const CommandSpec* find_command(const std::string& name) {
    for (const CommandSpec& command : command_table())
        for (const std::string& n : command.names)
            if (n == name) return &command;
    return nullptr;
}

// « a, b et c »
std::string french_list(const std::vector<std::string>& items, const std::string& last_separator) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i == 0 ? "" : i + 1 == items.size() ? last_separator : ", ") + items[i];
    return out;
}

std::string command_list() {
    std::vector<std::string> names;
    for (const CommandSpec& command : command_table())
        if (!command.help.empty()) names.push_back(command.names.front());
    return french_list(names, ", ");
}

// « la commande atelier », « les commandes atelier et rapport »
std::string commands_accepting(const std::string& option) {
    std::vector<std::string> names;
    for (const CommandSpec& command : command_table())
        if (command.option(option)) names.push_back(command.names.front());
    return (names.size() == 1 ? "la commande " : "les commandes ") + french_list(names, " et ");
}

void check_jobs(const std::string& value) {
    try {
        std::size_t used = 0;
        const int n = std::stoi(value, &used);
        if (used == value.size() && n >= 1 && n <= 256) return;
    } catch (...) {
    }
    usage_error("--jobs attend un nombre entier de 1 à 256, pas « " + value + " »");
}

// An option the command does not take is an error, never silently ignored.
void refuse_foreign_options(const Invocation& in) {
    for (const auto& given : in.given) {
        const std::string& name = given.first;
        if (find_option(name)->everywhere || in.command->option(name)) continue;
        for (const auto& refused : in.command->refused)
            if (refused.first == name) usage_error(refused.second);
        usage_error(name + " ne s’emploie qu’avec " + commands_accepting(name));
    }
}

std::vector<std::string> command_names() {
    std::vector<std::string> names;
    for (const CommandSpec& command : command_table())
        for (const std::string& name : command.names) names.push_back(name);
    return names;
}

std::vector<std::string> option_spellings() {
    std::vector<std::string> spellings;
    for (const OptionSpec& option : option_table())
        for (const std::string& spelling : option.spellings) spellings.push_back(spelling);
    return spellings;
}

[[noreturn]] void unknown_command(const std::string& word) {
    const std::string suggestion = did_you_mean(word, command_names());
    usage_error("commande inconnue « " + word + " »" +
                (suggestion.empty() ? " (commandes : " + command_list() + ")" : suggestion));
}

// A word that is neither an option nor its value: the command written after
// the options (« lettrine --donnees X lettres ») is the usual reason.
[[noreturn]] void unexpected_word(const std::vector<std::string>& args, std::size_t at, bool command_given) {
    const std::string& word = args[at];
    if (!command_given && find_command(word)) {
        std::string fixed = "lettrine " + word;
        for (std::size_t i = 0; i < args.size(); ++i)
            if (i != at) fixed += " " + args[i];
        usage_error("argument inattendu « " + word + " » : la commande vient en premier (" + fixed + ")");
    }
    usage_error("argument inattendu « " + word + " »");
}

bool starts_a_value_less_option(const std::string& word) { return word.size() > 1 && word.rfind("--", 0) == 0; }

}  // namespace

void usage_error(const std::string& message) {
    throw LettrineError(ErrorKind::Usage, SourcePosition{}, message + "\n(« lettrine --aide » affiche l’aide)");
}

const CommandOption* CommandSpec::option(const std::string& name) const {
    for (const CommandOption& o : options)
        if (o.name == name) return &o;
    return nullptr;
}

std::string Invocation::value(const std::string& option) const {
    const auto it = given.find(option);
    if (it != given.end()) return it->second.back();
    const CommandOption* o = command->option(option);
    return o ? project_default(*this, option, o->default_value) : std::string();
}

std::vector<std::string> Invocation::values(const std::string& option) const {
    const auto it = given.find(option);
    return it == given.end() ? std::vector<std::string>{} : it->second;
}

bool Invocation::archival() const { return value("--pdfa") != "non"; }

int Invocation::jobs() const { return has("--jobs") ? std::stoi(value("--jobs")) : 0; }

Verbosity Invocation::verbosity() const {
    return has("--quiet") ? Verbosity::Quiet : has("--verbose") ? Verbosity::Verbose : Verbosity::Normal;
}

publication::Job Invocation::output_job() const {
    std::string key = command->names.front();
    std::vector<std::string> sectors = values("--secteur");
    std::sort(sectors.begin(), sectors.end());
    sectors.erase(std::unique(sectors.begin(), sectors.end()), sectors.end());
    for (const std::string& sector : sectors) key += " --secteur " + sector;
    if (flag("--badges")) key += " --badges";
    if (has("--chaque")) key += " --chaque " + value("--chaque");
    return {key, flag("--nettoyer")};
}

Invocation parse_arguments(const std::vector<std::string>& args) {
    Invocation in;
    in.command = &command_table().front();
    std::size_t i = 0;
    const bool command_given = !args.empty() && !args[0].empty() && args[0][0] != '-';
    if (command_given) {
        in.command = find_command(args[i]);
        if (!in.command) unknown_command(args[i]);
        if (in.command->own_options) {
            in.rest.assign(args.begin() + 1, args.end());
            return in;
        }
        ++i;
    }
    const CommandSpec* shown = nullptr;  // --aide, --version: shown instead of running the command
    for (; i < args.size(); ++i) {
        std::string option = args[i], value;
        bool has_inline = false;
        const auto equals = option.find('=');
        if (option.rfind("--", 0) == 0 && equals != std::string::npos) {
            value = option.substr(equals + 1);
            option = option.substr(0, equals);
            has_inline = true;
        }
        const OptionSpec* spec = find_option(option);
        if (!spec || (spec->takes == Takes::Nothing && has_inline)) {
            if (!args[i].empty() && args[i][0] == '-')
                usage_error("option inconnue « " + args[i] + " »" + did_you_mean(option, option_spellings()));
            unexpected_word(args, i, command_given);
        }
        const std::string& name = spec->spellings.front();
        if (name == "--help" || name == "--version") {
            shown = find_command(name == "--help" ? "aide" : "version");
            continue;
        }
        if (spec->takes != Takes::Nothing && !has_inline) {
            if (i + 1 >= args.size() || starts_a_value_less_option(args[i + 1]))
                usage_error("l’option " + option + " attend une valeur");
            value = args[++i];
        }
        if (name == "--jobs") check_jobs(value);
        if (name == "--pdfa" && value != "oui" && value != "non")
            usage_error("--pdfa attend « oui » ou « non », pas « " + value + " »");
        in.given[name].push_back(value);
    }
    if (shown) return Invocation{shown, {}, {}};
    if (in.has("--quiet") && in.has("--verbose")) usage_error("--quiet et --verbose s’excluent");
    refuse_foreign_options(in);
    if (in.command->check) in.command->check(in);
    return in;
}

}  // namespace lettrine
