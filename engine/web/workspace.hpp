#pragma once
// Where the server keeps its work, all of it under --dossier (laid out like
// the command line's input/ and output/, so both see the same files):
//
//   DOSSIER/input/                          the year's inputs (the logo the programme names)
//   DOSSIER/output/serveur/travail/<hasard>/ one scratch folder per request, removed afterwards
//   DOSSIER/output/serveur/resultats/<id>/   what a request produced, downloadable by its id
//   DOSSIER/output/serveur/apercus/          PNG previews, by the PDF's SHA-256
//
// Names that come from a request are never used as paths: scratch folders
// and result ids are 128-bit random values drawn by OpenSSL.
#include <string>

#include <boost/filesystem.hpp>

namespace lettrine::web {

class Workspace {
public:
    // Creates the server's folders under `folder` (made absolute). Throws
    // LettrineError(Io) in French when they cannot be created.
    explicit Workspace(const boost::filesystem::path& folder);

    const boost::filesystem::path& root() const { return root_; }
    boost::filesystem::path inputs() const { return root_ / "input"; }
    boost::filesystem::path scratch_area() const;
    boost::filesystem::path results_area() const;
    boost::filesystem::path preview_cache() const;

    // The folder of result `id`; `id` must satisfy is_result_id.
    boost::filesystem::path result(const std::string& id) const;

private:
    void remove_stale_scratch_folders() const;
    boost::filesystem::path root_;
};

// 32 lowercase hexadecimal digits from 16 random bytes (OpenSSL RAND_bytes).
std::string random_id();
// True for exactly what random_id() returns: 32 characters [0-9a-f].
bool is_result_id(const std::string& text);

// A fresh scratch folder with a random name, removed with everything in it
// when the object is destroyed (whatever happened in between).
class ScratchFolder {
public:
    explicit ScratchFolder(const Workspace& workspace);
    ~ScratchFolder();
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;
    const boost::filesystem::path& path() const { return path_; }

private:
    boost::filesystem::path path_;
};

}  // namespace lettrine::web
