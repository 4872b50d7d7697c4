#pragma once
// Where Lettrine finds its own files, installed or in a build tree.
//
// An installed Lettrine (the Debian package, `cmake --install`, or a package
// unpacked anywhere) lives in a prefix laid out by GNUInstallDirs:
//   <prefix>/bin/lettrine                      the program
//   <prefix>/libexec/lettrine/                 its helper programs (PDF import, previews)
//   <prefix>/share/lettrine/                   templates/, input/, samples/ (the defaults)
// and finds them from its own real path (/proc/self/exe), so that the same
// binary works under /usr, /usr/local or an unpacked copy. A program of the
// build tree (build/lettrine, the tests) has no such prefix around it and
// uses the source tree it was built from, and the helpers beside it.
#include <boost/filesystem/path.hpp>

namespace lettrine {

// The running program's real path (symbolic links resolved); empty if unknown.
boost::filesystem::path running_program();

// The defaults: the example programme (input/), the templates (templates/),
// the samples and the logo. <prefix>/share/lettrine when the running
// program is installed, else the source tree of the build; empty in a build
// without one.
boost::filesystem::path installed_defaults_folder();

// A helper program Lettrine runs as a child process.
struct HelperProgram {
    const char* name;        // its file name (lettrine-apercu)
    const char* variable;    // the environment variable that may name it instead
    const char* build_path;  // where the build tree made it (nullptr: unknown)
    const char* what;        // French: « programme d’aperçu »
};

// Found, in this order: at the path in `variable` when it is set (it must be
// executable), beside the running program, in <prefix>/libexec/lettrine/,
// at `build_path`. Throws LettrineError(Internal) in French when nowhere.
boost::filesystem::path find_helper_program(const HelperProgram& helper);

}  // namespace lettrine
