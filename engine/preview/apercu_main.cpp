// lettrine-apercu: renders one page of a PDF to a PNG file, for the web
// pages' previews. It is the only program that links poppler (GPL, and a
// large parser of files that may have come from outside): the server runs it
// as a child process under limits (engine/preview/preview.hpp), so a crash
// or a hostile file cannot take the server down, and the server's own
// address space never holds poppler.
//
//   lettrine-apercu --cpu-seconds N --memory-bytes N ENTREE.pdf PAGE LARGEUR SORTIE.png
//
// Prints "pages N" (the document's page count) on success. Exit codes and
// the messages on standard error are a protocol with preview.cpp (kExit*).
#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include "preview/preview_protocol.hpp"

#if defined(__SANITIZE_ADDRESS__)
#define LETTRINE_PREVIEW_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LETTRINE_PREVIEW_ASAN 1
#endif
#endif

#if defined(LETTRINE_PREVIEW_ASAN)
#include <sanitizer/lsan_interface.h>
#endif

namespace proto = lettrine::preview_protocol;

namespace {

[[noreturn]] void fail(int code, const std::string& message) {
    std::fprintf(stderr, "%s\n", message.c_str());
    std::exit(code);
}

long long number_argument(const std::string& text, long long low, long long high) {
    try {
        std::size_t used = 0;
        const long long value = std::stoll(text, &used);
        if (used == text.size() && value >= low && value <= high) return value;
    } catch (...) {
    }
    fail(proto::kExitUsage, "nombre attendu, pas « " + text + " »");
}

// Applied before the file is opened. RLIMIT_AS is left alone under
// AddressSanitizer, whose shadow memory reserves terabytes of address space.
void apply_limits(long long cpu_seconds, long long memory_bytes) {
    const rlimit no_core{0, 0};
    setrlimit(RLIMIT_CORE, &no_core);
    const rlimit cpu{static_cast<rlim_t>(cpu_seconds), static_cast<rlim_t>(cpu_seconds + 1)};
    if (setrlimit(RLIMIT_CPU, &cpu) != 0) fail(proto::kExitInternal, "setrlimit(RLIMIT_CPU) impossible");
#if !defined(LETTRINE_PREVIEW_ASAN)
    const rlimit memory{static_cast<rlim_t>(memory_bytes), static_cast<rlim_t>(memory_bytes)};
    if (setrlimit(RLIMIT_AS, &memory) != 0) fail(proto::kExitInternal, "setrlimit(RLIMIT_AS) impossible");
#else
    (void)memory_bytes;
#endif
}

// poppler prints its own warnings on stderr; the protocol wants only ours.
void quiet_poppler() {
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
}

int render(const std::string& input, int page_number, int width, const std::string& output) {
    std::unique_ptr<poppler::document> document(poppler::document::load_from_file(input));
    if (!document || document->is_locked()) fail(proto::kExitUnreadable, "PDF illisible ou protégé par un mot de passe");
    const int pages = document->pages();
    if (page_number < 1 || page_number > pages)
        fail(proto::kExitNoSuchPage, "le document n’a que " + std::to_string(pages) + " pages");
    std::unique_ptr<poppler::page> page(document->create_page(page_number - 1));
    if (!page) fail(proto::kExitUnreadable, "page illisible");
    const double points = page->page_rect(poppler::media_box).width();
    if (points <= 0) fail(proto::kExitUnreadable, "page de largeur nulle");
    const double dpi = 72.0 * width / points;
    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    renderer.set_image_format(poppler::image::format_rgb24);
    const poppler::image image = renderer.render_page(page.get(), dpi, dpi);
    if (!image.is_valid()) fail(proto::kExitRender, "rendu de la page impossible");
    if (!image.save(output, "png")) fail(proto::kExitRender, "écriture de l’image impossible");
    std::printf("pages %d\n", pages);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
#if defined(LETTRINE_PREVIEW_ASAN)
    // Under the sanitizers, poppler's and fontconfig's own one-off
    // allocations would be reported as leaks at exit and turn every preview
    // into a failure; Lettrine's code here allocates nothing it keeps.
    __lsan_disable();
#endif
    std::vector<std::string> args(argv + 1, argv + argc);
    long long cpu_seconds = 5, memory_bytes = 512LL << 20;
    std::vector<std::string> positional;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--cpu-seconds" && i + 1 < args.size()) cpu_seconds = number_argument(args[++i], 1, 3600);
        else if (args[i] == "--memory-bytes" && i + 1 < args.size())
            memory_bytes = number_argument(args[++i], 16LL << 20, 1LL << 40);
        else positional.push_back(args[i]);
    }
    if (positional.size() != 4)
        fail(proto::kExitUsage, "usage : lettrine-apercu [--cpu-seconds N] [--memory-bytes N] ENTREE.pdf PAGE LARGEUR SORTIE.png");
    apply_limits(cpu_seconds, memory_bytes);
    quiet_poppler();
    const int page = static_cast<int>(number_argument(positional[1], 1, 100000));
    const int width = static_cast<int>(number_argument(positional[2], 16, 4000));
    try {
        return render(positional[0], page, width, positional[3]);
    } catch (const std::bad_alloc&) {
        fail(proto::kExitMemory, "mémoire insuffisante");
    }
}
