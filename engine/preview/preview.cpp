#include "preview/preview.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string_view>

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

bool is_pdf_delimiter(char c) { return std::string_view(" \t\r\n/<>[]()").find(c) != std::string_view::npos; }

// Whether `name` at `at` is the value of a /Type key (« /Type /Pages »).
bool is_type_value(const std::string& pdf, std::size_t at) {
    std::size_t before = at;
    while (before > 0 && std::string_view(" \t\r\n").find(pdf[before - 1]) != std::string_view::npos) --before;
    return before >= 5 && pdf.compare(before - 5, 5, "/Type") == 0;
}

// The /Count of the page tree's root (the last one written, for a file
// updated incrementally), found in the plain-text objects of `pdf`; 0 when
// there is none (compressed object streams, or not a PDF).
int page_tree_count(const std::string& pdf) {
    if (pdf.rfind("%PDF-", 0) != 0 || pdf.find("/ObjStm") != std::string::npos) return 0;
    int count = 0;
    for (std::size_t at = pdf.find("/Pages"); at != std::string::npos; at = pdf.find("/Pages", at + 6)) {
        const std::size_t after = at + 6;
        if (after >= pdf.size() || !is_pdf_delimiter(pdf[after]) || !is_type_value(pdf, at)) continue;
        const std::size_t begin = pdf.rfind(" obj", at), end = pdf.find("endobj", at);
        if (begin == std::string::npos || end == std::string::npos) continue;
        const std::string_view object(pdf.data() + begin, end - begin);
        const std::size_t key = object.find("/Count");
        if (object.find("/Parent") != std::string_view::npos || key == std::string_view::npos) continue;
        const int n = std::atoi(std::string(object.substr(key + 6, 24)).c_str());
        if (n > 0) count = n;
    }
    return count;
}

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

namespace {

// Where page `page` of the PDF whose bytes are `bytes` is kept, at `width`.
std::string cache_key(const std::string& bytes, int page, int width) {
    return sha256_hex(bytes) + "-p" + std::to_string(page) + "-" + std::to_string(width);
}

std::optional<PagePreview> cached(const fs::path& cache_folder, const std::string& key) {
    PagePreview preview;
    preview.png = cache_folder / (key + ".png");
    const fs::path pages_file = cache_folder / (key + ".pages");
    boost::system::error_code error;
    if (!fs::is_regular_file(preview.png, error) || !fs::is_regular_file(pages_file, error)) return std::nullopt;
    preview.pages = parse_pages(read_file(pages_file));
    if (preview.pages == 0) return std::nullopt;
    preview.cached = true;
    return preview;
}

}  // namespace

std::optional<PagePreview> cached_page_preview(const fs::path& pdf, const fs::path& cache_folder, int page, int width) {
    return cached(cache_folder, cache_key(read_file(pdf), page, width));
}

int document_page_count(const fs::path& pdf, const fs::path& cache_folder, int width) {
    const int pages = page_tree_count(read_file(pdf));
    return pages > 0 ? pages : page_preview(pdf, cache_folder, 1, width).pages;
}

PagePreview page_preview(const fs::path& pdf, const fs::path& cache_folder, int page, int width,
                         const PreviewLimits& limits) {
    const std::string key = cache_key(read_file(pdf), page, width);
    if (std::optional<PagePreview> found = cached(cache_folder, key)) return *found;
    PagePreview preview;
    preview.png = cache_folder / (key + ".png");
    const fs::path pages_file = cache_folder / (key + ".pages");
    boost::system::error_code error;
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
