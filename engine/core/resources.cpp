#include "core/resources.hpp"

#include <sys/stat.h>

#include <algorithm>

#include "core/output_files.hpp"

namespace fs = boost::filesystem;

namespace lettrine {

namespace {

bool is_folder(const fs::path& path) {
    boost::system::error_code ec;
    return fs::is_directory(path, ec);
}

// `inner` is `outer` or lies under it (both canonical).
bool contains(const fs::path& outer, const fs::path& inner) {
    auto o = outer.begin(), i = inner.begin();
    for (; o != outer.end(); ++o, ++i)
        if (i == inner.end() || *o != *i) return false;
    return true;
}

fs::path defaults_folder() { return installed_defaults_folder(); }

}  // namespace

void ResourceResolver::add(const fs::path& folder) {
    if (folder.empty()) return;
    boost::system::error_code ec;
    const fs::path real = fs::canonical(fs::absolute(folder), ec);
    if (ec || !is_folder(real)) return;
    if (std::find(search_.begin(), search_.end(), real) == search_.end()) search_.push_back(real);
}

void ResourceResolver::add_template_folder(const fs::path& folder) {
    if (folder.empty()) return;
    const fs::path absolute = fs::absolute(folder).lexically_normal();
    add(absolute);
    fs::path project = absolute;
    for (int up = 0; up <= 2 && !project.empty(); ++up, project = project.parent_path()) {
        if (is_folder(project / "templates") || is_folder(project / "input")) {
            add(project);
            add(project / "input");
            break;
        }
        if (!project.has_parent_path() || project.parent_path() == project) break;
    }
}

ResourceResolver::ResourceResolver(const fs::path& data_file, const fs::path& template_file) {
    if (!data_file.empty()) add(is_folder(data_file) ? data_file : fs::absolute(data_file).parent_path());
    if (!template_file.empty()) add_template_folder(fs::absolute(template_file).parent_path());
    add(defaults_folder());
    add(defaults_folder() / "input");
}

ResourceResolver ResourceResolver::for_template_folder(const fs::path& folder) {
    ResourceResolver resolver;
    resolver.add_template_folder(folder);
    resolver.add(defaults_folder());
    resolver.add(defaults_folder() / "input");
    return resolver;
}

bool ResourceResolver::inside_a_root(const fs::path& real) const {
    return std::any_of(search_.begin(), search_.end(), [&](const fs::path& root) { return contains(root, real); });
}

ResourceResolver::Resolved ResourceResolver::resolve(const std::string& name) const {
    if (name.empty()) return {{}, "aucun fichier n’est indiqué"};
    const fs::path given(name);
    std::vector<fs::path> candidates;
    if (given.is_absolute()) candidates.push_back(given);
    else
        for (const fs::path& folder : search_) candidates.push_back(folder / given);
    bool outside = false;
    for (const fs::path& candidate : candidates) {
        boost::system::error_code ec;
        const fs::path real = fs::canonical(candidate, ec);
        if (ec) continue;
        if (!inside_a_root(real)) {
            outside = true;
            continue;
        }
        struct stat status {};
        if (::stat(real.c_str(), &status) != 0) continue;
        if (!S_ISREG(status.st_mode))
            return {{}, S_ISDIR(status.st_mode) ? "c’est un dossier, pas un fichier"
                                                : "ce n’est pas un fichier ordinaire (périphérique ou tube) : refusé"};
        if (static_cast<std::uint64_t>(status.st_size) > kMaxResourceBytes)
            return {{}, "fichier trop gros (" + std::to_string(kMaxResourceBytes >> 20) + " Mo au plus)"};
        return {real, {}};
    }
    std::string folders;
    for (const fs::path& folder : search_) folders += (folders.empty() ? "" : ", ") + folder.string();
    if (outside)
        return {{}, "ce fichier est hors des dossiers où Lettrine prend ses ressources (" + folders +
                        ") : il n’est pas lu"};
    return {{}, "fichier introuvable (cherché dans : " + folders + ")"};
}

std::string ResourceResolver::read(const fs::path& resolved) const { return read_file(resolved, kMaxResourceBytes); }

}  // namespace lettrine
