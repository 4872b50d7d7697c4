#include "web/workspace.hpp"

#include <ctime>

#include <openssl/rand.h>

#include "core/diagnostic.hpp"
#include "core/output_files.hpp"

namespace fs = boost::filesystem;

namespace lettrine::web {

namespace {

void make_folder(const fs::path& folder) {
    boost::system::error_code error;
    fs::create_directories(folder, error);
    if (error)
        throw LettrineError(ErrorKind::Io, SourcePosition::in_file(folder.string()),
                            "dossier impossible à créer : " + describe_system_error(error.value()));
}

}  // namespace

Workspace::Workspace(const fs::path& folder) : root_(fs::absolute(folder).lexically_normal()) {
    make_folder(scratch_area());
    make_folder(results_area());
    make_folder(preview_cache());
    remove_stale_scratch_folders();
}

// A server killed outright (SIGKILL, power loss) cannot remove its scratch
// folders: the next start removes those left for more than an hour (a
// request never lasts that long; another server on the same folder keeps
// its own).
void Workspace::remove_stale_scratch_folders() const {
    const std::time_t hour_ago = std::time(nullptr) - 3600;
    boost::system::error_code error;
    for (fs::directory_iterator it(scratch_area(), error), end; !error && it != end; it.increment(error)) {
        boost::system::error_code ignored;
        if (is_result_id(it->path().filename().string()) && fs::last_write_time(it->path(), ignored) < hour_ago)
            fs::remove_all(it->path(), ignored);
    }
}

fs::path Workspace::scratch_area() const { return root_ / "output" / "serveur" / "travail"; }
fs::path Workspace::results_area() const { return root_ / "output" / "serveur" / "resultats"; }
fs::path Workspace::preview_cache() const { return root_ / "output" / "serveur" / "apercus"; }

fs::path Workspace::result(const std::string& id) const {
    if (!is_result_id(id))
        throw LettrineError(ErrorKind::Internal, SourcePosition{}, "identifiant de résultat invalide");
    return results_area() / id;
}

std::string random_id() {
    unsigned char bytes[16];
    if (RAND_bytes(bytes, sizeof bytes) != 1)
        throw LettrineError(ErrorKind::Internal, SourcePosition{}, "tirage aléatoire impossible (OpenSSL)");
    static const char* const hex = "0123456789abcdef";
    std::string id;
    for (unsigned char b : bytes) {
        id += hex[b >> 4];
        id += hex[b & 15];
    }
    return id;
}

bool is_result_id(const std::string& text) {
    if (text.size() != 32) return false;
    for (char c : text)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

ScratchFolder::ScratchFolder(const Workspace& workspace) : path_(workspace.scratch_area() / random_id()) {
    boost::system::error_code error;
    if (!fs::create_directory(path_, error) || error)
        throw LettrineError(ErrorKind::Io, SourcePosition::in_file(path_.string()),
                            "dossier de travail impossible à créer : " +
                                describe_system_error(error ? error.value() : EEXIST));
}

ScratchFolder::~ScratchFolder() {
    boost::system::error_code error;
    fs::remove_all(path_, error);
}

}  // namespace lettrine::web
