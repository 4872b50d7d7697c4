#pragma once
// Resources named by data or templates (the Logo cell, <image src="…">):
// found in one documented order, and only inside the run's own folders, so
// that a workbook cannot make Lettrine read /srv/prive/secret.png,
// ../../secret.png, /dev/zero or a FIFO (docs/ROBUSTESSE.md).
//
// A relative name is tried against each folder in this order:
//   1. the data file's folder (a CSV programme: the folder itself);
//   2. the template's folder;
//   3. the project the template belongs to: the nearest folder, the
//      template's own or one of its two parents, holding « templates/ » or
//      « input/ » (samples/fusion/ belongs to the repository);
//   4. that project's « input/ »;
//   5. the installed defaults, then their « input/ ».
// The first that names an existing file wins. Whatever the name (absolute
// or relative), its real path (symbolic links resolved) must lie inside one
// of these folders and be a regular file no larger than kMaxResourceBytes.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/filesystem.hpp>

#include "core/installation.hpp"  // installed_defaults_folder()

namespace lettrine {

inline constexpr std::uint64_t kMaxResourceBytes = 32ull << 20;

class ResourceResolver {
public:
    // Either may be empty. `data_file` may be a file or a folder (CSV).
    ResourceResolver(const boost::filesystem::path& data_file, const boost::filesystem::path& template_file);
    // Only a template folder: layout without a run's resolver.
    static ResourceResolver for_template_folder(const boost::filesystem::path& folder);

    struct Resolved {
        boost::filesystem::path path;  // the real path, inside one of the folders
        std::string problem;           // French, when path is empty
    };
    // Finds `name`; never reads it.
    Resolved resolve(const std::string& name) const;
    // Reads a resolved resource (regular file, size-capped); throws LettrineError(Io).
    std::string read(const boost::filesystem::path& resolved) const;

    const std::vector<boost::filesystem::path>& search_folders() const { return search_; }

private:
    ResourceResolver() = default;
    void add(const boost::filesystem::path& folder);
    void add_template_folder(const boost::filesystem::path& folder);
    bool inside_a_root(const boost::filesystem::path& real) const;

    std::vector<boost::filesystem::path> search_;  // in order, canonical
};

}  // namespace lettrine
