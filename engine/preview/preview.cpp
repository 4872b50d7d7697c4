#include "preview/preview.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <openssl/evp.h>
#include <unistd.h>

#include "core/diagnostic.hpp"
#include "core/installation.hpp"
#include "core/output_files.hpp"
#include "pdfimport/child_process.hpp"
#include "preview/preview_protocol.hpp"

namespace fs = boost::filesystem;
namespace proto = lettrine::preview_protocol;

namespace lettrine {

namespace {

const char* const kHelperName = "lettrine-apercu";
const char* const kHelperVariable = "LETTRINE_APERCU";

[[noreturn]] void fail(ErrorKind kind, const fs::path& pdf, const std::string& message) {
    throw LettrineError(kind, SourcePosition::in_file(pdf.filename().string()), message);
}

int parse_pages(const std::string& out) {
    std::istringstream in(out);
    std::string word;
    int pages = 0;
    if (in >> word >> pages && word == "pages" && pages > 0) return pages;
    return 0;
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

// Runs the helper into a temporary file of the cache folder; returns the
// page count.
int render_into(const fs::path& pdf, int page, const fs::path& png, int width, const PreviewLimits& limits) {
    const std::vector<std::string> arguments = {
        "--cpu-seconds", std::to_string(limits.cpu_seconds), "--memory-bytes", std::to_string(limits.memory_bytes),
        pdf.string(), std::to_string(page), std::to_string(width), png.string()};
    const pdfimport::ChildRun run = pdfimport::run_child(preview_helper_path(), arguments, limits.wall_seconds);
    if (run.timed_out)
        fail(ErrorKind::Internal, pdf, "aperçu abandonné : le rendu de la page a dépassé le temps permis");
    if (!run.exited)
        fail(ErrorKind::Internal, pdf, "aperçu impossible : le programme d’aperçu s’est arrêté (" +
                                           pdfimport::signal_name(run.signal) + ")");
    switch (run.exit_status) {
        case 0: break;
        case proto::kExitUnreadable:
        case proto::kExitNoSuchPage: fail(ErrorKind::Data, pdf, "aperçu impossible : " + first_line(run.err));
        case proto::kExitMemory: fail(ErrorKind::Internal, pdf, "aperçu impossible : mémoire permise dépassée");
        default: fail(ErrorKind::Internal, pdf, "aperçu impossible : " + first_line(run.err));
    }
    const int pages = parse_pages(run.out);
    if (pages == 0) fail(ErrorKind::Internal, pdf, "aperçu impossible : réponse inattendue du programme d’aperçu");
    return pages;
}

}  // namespace


fs::path preview_helper_path() {
#ifdef LETTRINE_APERCU_BUILD_PATH
    const char* const build_path = LETTRINE_APERCU_BUILD_PATH;
#else
    const char* const build_path = nullptr;
#endif
    return find_helper_program({kHelperName, kHelperVariable, build_path, "programme d’aperçu"});
}

PagePreview first_page_preview(const fs::path& pdf, const fs::path& cache_folder, int width,
                               const PreviewLimits& limits) {
    return page_preview(pdf, cache_folder, 1, width, limits);
}

PagePreview page_preview(const fs::path& pdf, const fs::path& cache_folder, int page, int width,
                         const PreviewLimits& limits) {
    const std::string key = sha256_hex(read_file(pdf)) + "-p" + std::to_string(page) + "-" + std::to_string(width);
    PagePreview preview;
    preview.png = cache_folder / (key + ".png");
    const fs::path pages_file = cache_folder / (key + ".pages");
    boost::system::error_code error;
    if (fs::is_regular_file(preview.png, error) && fs::is_regular_file(pages_file, error)) {
        preview.pages = parse_pages(read_file(pages_file));
        if (preview.pages > 0) {
            preview.cached = true;
            return preview;
        }
    }
    fs::create_directories(cache_folder, error);
    if (error)
        throw LettrineError(ErrorKind::Io, SourcePosition::in_file(cache_folder.string()),
                            "dossier des aperçus impossible à créer : " + describe_system_error(error.value()));
    // Rendered beside under a name of its own, then renamed: two requests
    // for the same PDF (several uploads at once) never see a half-written
    // file, and the last rename wins with identical bytes.
    const fs::path partial = cache_folder / ("." + key + "-" + std::to_string(::getpid()) + "-" +
                                             fs::unique_path("%%%%%%%%").string() + ".png");
    try {
        preview.pages = render_into(pdf, page, partial, width, limits);
    } catch (...) {
        fs::remove(partial, error);
        throw;
    }
    // The page count first: an image without it is rendered again, never trusted.
    const fs::path partial_pages = partial.string() + ".pages";
    {
        std::ofstream out(partial_pages.string(), std::ios::binary);
        out << "pages " << preview.pages << "\n";
    }
    fs::rename(partial_pages, pages_file, error);
    if (!error) fs::rename(partial, preview.png, error);
    if (error) {
        boost::system::error_code ignored;
        fs::remove(partial, ignored);
        fs::remove(partial_pages, ignored);
        throw LettrineError(ErrorKind::Io, SourcePosition::in_file(preview.png.string()),
                            "aperçu impossible à enregistrer : " + describe_system_error(error.value()));
    }
    return preview;
}

}  // namespace lettrine
