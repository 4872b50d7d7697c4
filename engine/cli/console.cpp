#include "cli/console.hpp"

#include <algorithm>
#include <set>

#include <unistd.h>

#include <iostream>

#include "pipeline/output_formats.hpp"

namespace lettrine {

Console::Console(Verbosity verbosity) : progress_(std::cerr, verbosity, ::isatty(STDERR_FILENO) == 1) {}

void Console::print(const Diagnostics& diagnostics) {
    for (const auto& d : diagnostics.items()) std::cerr << d.describe() << "\n";
}

int Console::report(const JobResult& result, const std::vector<WrittenKind>& kinds) {
    print(result.warnings);
    progress_.say(written_summary(result.written, kinds));
    if (!result.stale.empty()) std::cerr << stale_summary(result.stale, result.stale_removed) << "\n";
    return 0;
}

std::string stale_summary(const std::vector<boost::filesystem::path>& stale, bool removed) {
    const bool one = stale.size() == 1;
    std::string files;
    for (const auto& file : stale) files += (files.empty() ? "" : ", ") + file.string();
    return std::to_string(stale.size()) + (one ? " fichier d’une exécution précédente n’est plus produit : "
                                               : " fichiers d’une exécution précédente ne sont plus produits : ") +
           files + " ; " + (removed ? (one ? "supprimé (--nettoyer)" : "supprimés (--nettoyer)")
                                    : (one ? "--nettoyer le supprime" : "--nettoyer les supprime"));
}

namespace {

// « 4 lettres dans output/lettres/ », or « budget dans output/budget-2016.xlsx ».
std::string phrase(const WrittenKind& kind, const std::vector<boost::filesystem::path>& files) {
    if (kind.many.empty()) {  // named one by one: « budget dans output/budget-2016.xlsx et output/budget-2016.pdf »
        std::string names;
        for (std::size_t i = 0; i < files.size(); ++i)
            names += (i == 0 ? "" : i + 1 == files.size() ? " et " : ", ") + files[i].string();
        return kind.one + " dans " + names;
    }
    // A document written in several formats (--format pdf,odt) counts once:
    // « 4 lettres (pdf, odt) dans output/lettres/ ».
    std::set<std::string> stems;
    std::vector<std::string> formats;
    for (const boost::filesystem::path& f : files) {
        stems.insert(f.stem().string());
        const std::string format = f.extension().string().substr(f.extension().empty() ? 0 : 1);
        if (std::find(formats.begin(), formats.end(), format) == formats.end()) formats.push_back(format);
    }
    std::string in_formats;
    for (const std::string& f : formats) in_formats += (in_formats.empty() ? " (" : ", ") + f;
    const boost::filesystem::path folder = files.front().parent_path();
    // One format is named too when it is not the PDF of the default:
    // « 5 dossiers d'atelier (odt) dans … ».
    const bool named = formats.size() > 1 || std::any_of(output_formats().begin(), output_formats().end(),
                                                         [&](const OutputFormat& f) {
                                                             return !writes_pages(f) && "." + formats[0] == f.extension;
                                                         });
    return count_phrase(stems.size(), kind.one, kind.many.empty() ? kind.one : kind.many) +
           (named ? in_formats + ")" : "") + " dans " +
           (folder.empty() ? std::string("./") : folder.string() + "/");
}

}  // namespace

std::string written_summary(const std::vector<boost::filesystem::path>& written, const std::vector<WrittenKind>& kinds) {
    if (written.empty()) return "aucun fichier écrit";
    std::vector<bool> claimed(written.size(), false);
    std::vector<std::string> parts;
    std::vector<WrittenKind> all = kinds;
    all.push_back({"", "fichier", "fichiers"});
    for (const WrittenKind& kind : all) {
        std::vector<boost::filesystem::path> files;
        for (std::size_t i = 0; i < written.size(); ++i)
            if (!claimed[i] && written[i].filename().string().rfind(kind.prefix, 0) == 0) {
                claimed[i] = true;
                files.push_back(written[i]);
            }
        if (!files.empty()) parts.push_back(phrase(kind, files));
    }
    std::string out;
    for (const std::string& part : parts) out += (out.empty() ? "" : ", ") + part;
    return out;
}

std::string count_phrase(std::size_t n, const std::string& singular, const std::string& plural) {
    return std::to_string(n) + " " + (n > 1 ? plural : singular);
}

}  // namespace lettrine
