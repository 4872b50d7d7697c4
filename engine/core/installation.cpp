#include "core/installation.hpp"

#include <unistd.h>

#include <cstdlib>
#include <string>

#include <boost/filesystem/operations.hpp>

#include "core/diagnostic.hpp"

namespace fs = boost::filesystem;

namespace lettrine {

namespace {

bool is_folder(const fs::path& path) {
    boost::system::error_code error;
    return fs::is_directory(path, error);
}

bool is_executable(const fs::path& path) {
    boost::system::error_code error;
    return fs::is_regular_file(path, error) && ::access(path.c_str(), X_OK) == 0;
}

// <prefix>/<relative>, relative to the installed program's folder
// (<prefix>/bin); empty when the program's path is unknown.
fs::path beside_program(const char* relative) {
    const fs::path program = running_program();
    if (program.empty()) return {};
    return (program.parent_path() / relative).lexically_normal();
}

}  // namespace

fs::path running_program() {
    boost::system::error_code error;
    const fs::path self = fs::read_symlink("/proc/self/exe", error);
    return error ? fs::path() : self;
}

namespace {

// The installed defaults around the running program; empty when it is a
// program of a build tree. An installed program never falls back on the
// tree it was built from, which may still be on the machine.
const fs::path& installed_prefix_data() {
    static const fs::path folder = [] {
#ifdef LETTRINE_BIN_TO_DATA
        const fs::path installed = beside_program(LETTRINE_BIN_TO_DATA);
        if (!installed.empty() && is_folder(installed / "templates")) return installed;
#endif
        return fs::path();
    }();
    return folder;
}

}  // namespace

fs::path installed_defaults_folder() {
    if (!installed_prefix_data().empty()) return installed_prefix_data();
#ifdef LETTRINE_SOURCE_DEFAULTS
    return fs::path(LETTRINE_SOURCE_DEFAULTS);
#else
    return fs::path();
#endif
}

fs::path find_helper_program(const HelperProgram& helper) {
    if (const char* variable = std::getenv(helper.variable); variable && *variable) {
        if (is_executable(variable)) return variable;
        throw LettrineError(ErrorKind::Internal, SourcePosition::in_file(variable),
                            std::string(helper.what) + " introuvable ou non exécutable (désigné par la variable "
                                "d’environnement " + helper.variable + ")");
    }
    const fs::path program = running_program();
    if (!program.empty() && is_executable(program.parent_path() / helper.name)) return program.parent_path() / helper.name;
    const bool installed = !installed_prefix_data().empty();
#ifdef LETTRINE_BIN_TO_HELPERS
    if (installed && is_executable(beside_program(LETTRINE_BIN_TO_HELPERS) / helper.name))
        return beside_program(LETTRINE_BIN_TO_HELPERS) / helper.name;
#endif
    if (!installed && helper.build_path && is_executable(helper.build_path)) return helper.build_path;
    throw LettrineError(ErrorKind::Internal, SourcePosition{},
                        std::string(helper.what) + " introuvable : " + helper.name +
                            " doit être à côté de lettrine (" +
                            (program.empty() ? std::string("?") : program.parent_path().string()) +
                            ") ou dans le dossier des programmes auxiliaires de Lettrine installée, ou désigné par "
                            "la variable d’environnement " + helper.variable);
}

}  // namespace lettrine
