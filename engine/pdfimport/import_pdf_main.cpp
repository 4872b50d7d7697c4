// lettrine-import-pdf: the only place where Lettrine parses a PDF it did not
// write. Runs as a child process of the library (external_pdf.cpp), under the
// memory and CPU limits it is given, so that a hostile or broken file can at
// worst kill this process, never the run. The protocol it speaks is described
// in import_protocol.hpp; it prints no message meant for a person on stdout.
//
// Every input is opened strictly: qpdf never repairs (setAttemptRecovery
// false), and any warning qpdf emits while reading the whole file (every
// object, every stream decoded with the general filters, every page's content
// stream parsed) makes the file "damaged". A PDF that opens with the empty
// user password (owner password only: "no editing") is read; one that needs a
// password is refused.
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <new>
#include <set>
#include <string>
#include <vector>

#include <sys/resource.h>

#include <qpdf/Constants.h>
#include <qpdf/Pl_Discard.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFAcroFormDocumentHelper.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include "pdfimport/import_protocol.hpp"

#if defined(__SANITIZE_ADDRESS__)
#define LETTRINE_IMPORT_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LETTRINE_IMPORT_ASAN 1
#endif
#endif

namespace proto = lettrine::pdfimport_protocol;

namespace {

// A failure to report as "error CODE INPUT".
struct Failure {
    const char* code;
    int input;
};

// The input being worked on: a crash or a kill is blamed on it.
int current_input = 0;

// Set when an allocation failed (the RLIMIT_AS limit was reached). qpdf
// turns some std::bad_alloc into its own errors or warnings ("error reading
// object: std::bad_alloc"): the flag tells them apart from a damaged file.
bool memory_exhausted = false;

void on_allocation_failure() {
    memory_exhausted = true;
    std::set_new_handler(nullptr);  // the next failure throws std::bad_alloc
    throw std::bad_alloc();
}

void say(const std::string& line) {
    std::fputs(line.c_str(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);  // the parent must see it even if we are killed next
}

void start_input(int input) {
    current_input = input;
    say("file " + std::to_string(input));
}

std::string number(double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.3f", value);
    return buffer;
}

struct Limits {
    long long cpu_seconds = 0;
    long long memory_bytes = 0;
    long long max_pages = 0;
};

// Applied before any file is opened. RLIMIT_AS is left alone under
// AddressSanitizer, whose shadow memory reserves terabytes of address space.
void apply_limits(const Limits& limits) {
    const rlimit no_core{0, 0};
    setrlimit(RLIMIT_CORE, &no_core);
    // SIGXCPU at the soft limit, SIGKILL one second later.
    const rlimit cpu{static_cast<rlim_t>(limits.cpu_seconds), static_cast<rlim_t>(limits.cpu_seconds + 1)};
    if (setrlimit(RLIMIT_CPU, &cpu) != 0) {
        std::perror("setrlimit(RLIMIT_CPU)");
        std::exit(proto::kExitInternal);
    }
#if !defined(LETTRINE_IMPORT_ASAN)
    const rlimit memory{static_cast<rlim_t>(limits.memory_bytes), static_cast<rlim_t>(limits.memory_bytes)};
    if (setrlimit(RLIMIT_AS, &memory) != 0) {
        std::perror("setrlimit(RLIMIT_AS)");
        std::exit(proto::kExitInternal);
    }
#endif
}

// Looks for "%PDF-" in the first 1024 bytes, as readers do.
void check_header(const char* path, int input) {
    std::FILE* file = std::fopen(path, "rb");
    if (!file) {
        std::fprintf(stderr, "%s: %s\n", path, std::strerror(errno));
        throw Failure{proto::kUnreadable, input};
    }
    char buffer[1024];
    const std::size_t size = std::fread(buffer, 1, sizeof buffer, file);
    const bool read_error = std::ferror(file) != 0;
    std::fclose(file);
    if (read_error) throw Failure{proto::kUnreadable, input};
    const std::string head(buffer, size);
    if (head.find("%PDF-") == std::string::npos) throw Failure{proto::kNotPdf, input};
}

// Ignores every token: parsing is done for its side effect, qpdf's warnings.
class IgnoreContent : public QPDFObjectHandle::ParserCallbacks {
public:
    void handleObject(QPDFObjectHandle) override {}
    void handleEOF() override {}
};

// Reads the whole file as `qpdf --check` does, without writing anything:
// every page's content stream parsed (first: what matters most), then every
// object, every stream decoded through its general-purpose filters (Flate,
// LZW, ASCII...; images are not decoded).
void read_everything(QPDF& pdf, std::vector<QPDFPageObjectHelper>& pages) {
    IgnoreContent ignore;
    for (auto& page : pages) page.parseContents(&ignore);
    QPDFWriter writer(pdf);
    Pl_Discard discard;
    writer.setOutputPipeline(&discard);
    writer.setPreserveEncryption(false);
    writer.setDecodeLevel(qpdf_dl_generalized);
    writer.setCompressStreams(false);  // decoded only to be checked: no need to deflate again
    writer.write();
}

// One opened input: the QPDF object must outlive every object copied from it.
struct OpenedPdf {
    std::unique_ptr<QPDF> pdf;
    std::vector<QPDFPageObjectHelper> pages;
};

// max_pages bounds external files only: Lettrine's own PDF (a whole
// activity report) is as long as it is (pass 0).
OpenedPdf open_strictly(const char* path, int input, long long max_pages) {
    check_header(path, input);
    OpenedPdf opened;
    opened.pdf = std::make_unique<QPDF>();
    QPDF& pdf = *opened.pdf;
    pdf.setSuppressWarnings(true);
    pdf.setAttemptRecovery(false);
    try {
        pdf.processFile(path);
        // A page tree that says how big it is, and is too big, is refused
        // before it is walked; one that lies is stopped by the limits.
        QPDFObjectHandle count = pdf.getRoot().getKey("/Pages").getKey("/Count");
        if (max_pages > 0 && count.isInteger() && count.getIntValue() > max_pages) throw Failure{proto::kTooManyPages, input};
        opened.pages = QPDFPageDocumentHelper(pdf).getAllPages();
        if (max_pages > 0 && static_cast<long long>(opened.pages.size()) > max_pages) throw Failure{proto::kTooManyPages, input};
        if (opened.pages.empty()) throw Failure{proto::kNoPages, input};
        read_everything(pdf, opened.pages);
    } catch (const QPDFExc& e) {
        std::fprintf(stderr, "%s\n", e.what());
        if (memory_exhausted) throw std::bad_alloc();
        if (e.getErrorCode() == qpdf_e_password) throw Failure{proto::kEncrypted, input};
        if (e.getErrorCode() == qpdf_e_system) throw Failure{proto::kUnreadable, input};
        throw Failure{proto::kDamaged, input};
    } catch (const Failure&) {
        throw;
    } catch (const std::bad_alloc&) {
        throw;
    } catch (const std::exception& e) {
        // qpdf throws plain exceptions on some impossible structures (a page
        // tree of non-dictionaries...): still the file's fault.
        std::fprintf(stderr, "%s\n", e.what());
        if (memory_exhausted) throw std::bad_alloc();
        throw Failure{proto::kDamaged, input};
    }
    if (pdf.anyWarnings()) {
        for (const auto& warning : pdf.getWarnings()) std::fprintf(stderr, "%s\n", warning.what());
        if (memory_exhausted) throw std::bad_alloc();
        throw Failure{proto::kDamaged, input};
    }
    return opened;
}

// The size a viewer shows: the trim box (which getFormXObjectForPage uses as
// the form's bounding box), times /UserUnit, turned by /Rotate.
void report_page_size(std::size_t index, QPDFPageObjectHelper& page) {
    const QPDFObjectHandle::Rectangle box = page.getTrimBox().getArrayAsRectangle();
    double width = std::fabs(box.urx - box.llx);
    double height = std::fabs(box.ury - box.lly);
    QPDFObjectHandle unit = page.getAttribute("/UserUnit", false);
    if (unit.isNumber() && unit.getNumericValue() > 0) {
        width *= unit.getNumericValue();
        height *= unit.getNumericValue();
    }
    QPDFObjectHandle rotate = page.getAttribute("/Rotate", false);
    if (rotate.isInteger()) {
        const long long quarter = ((rotate.getIntValue() / 90) % 4 + 4) % 4;
        if (quarter % 2 == 1) std::swap(width, height);
    }
    say("page " + std::to_string(index) + " " + number(width) + " " + number(height));
}

int inspect(const char* path, const Limits& limits) {
    start_input(0);
    OpenedPdf opened = open_strictly(path, 0, limits.max_pages);
    say("pages " + std::to_string(opened.pages.size()));
    for (std::size_t i = 0; i < opened.pages.size(); ++i) report_page_size(i, opened.pages[i]);
    say("done");
    return 0;
}

struct Placement {
    long long target = 0;
    std::string file;
    long long source = 0;
    double x = 0, y = 0, width = 0, height = 0;  // top-left origin, y downwards
};

// The rectangle in the target page's PDF space (bottom-up), or a failure
// when it is empty or leaves the page's media box.
QPDFObjectHandle::Rectangle pdf_rectangle(QPDFPageObjectHelper& page, const Placement& placement, int input) {
    const QPDFObjectHandle::Rectangle media = page.getMediaBox().getArrayAsRectangle();
    const double tolerance = 0.01;  // points: rounding of the caller's millimetres
    const double page_width = media.urx - media.llx, page_height = media.ury - media.lly;
    if (!(placement.width > 0) || !(placement.height > 0) || placement.x < -tolerance ||
        placement.y < -tolerance || placement.x + placement.width > page_width + tolerance ||
        placement.y + placement.height > page_height + tolerance)
        throw Failure{proto::kBadRectangle, input};
    const double llx = media.llx + placement.x;
    const double ury = media.ury - placement.y;
    return QPDFObjectHandle::Rectangle(llx, ury - placement.height, llx + placement.width, ury);
}

// The page's own XObject dictionary, made direct if it was shared.
QPDFObjectHandle own_xobjects(QPDFPageObjectHelper& page) {
    QPDFObjectHandle resources = page.getAttribute("/Resources", true);
    if (!resources.isDictionary()) {
        resources = QPDFObjectHandle::newDictionary();
        page.getObjectHandle().replaceKey("/Resources", resources);
    }
    QPDFObjectHandle xobjects = resources.getKey("/XObject");
    if (!xobjects.isDictionary()) {
        xobjects = QPDFObjectHandle::newDictionary();
        resources.replaceKey("/XObject", xobjects);
    } else if (xobjects.isIndirect()) {
        xobjects = xobjects.shallowCopy();
        resources.replaceKey("/XObject", xobjects);
    }
    return resources;
}

// What a printed copy of the page would show of its annotations (filled
// form fields, stamps, the visible part of comments) becomes part of its
// content; annotations themselves (links, fields, pop-ups) are not carried
// over by getFormXObjectForPage. Hidden and non-printing ones are dropped.
void flatten_printed_annotations(OpenedPdf& opened, int input) {
    try {
        QPDFAcroFormDocumentHelper(*opened.pdf).generateAppearancesIfNeeded();
        QPDFPageDocumentHelper(*opened.pdf).flattenAnnotations(an_print, an_invisible | an_hidden);
    } catch (const std::bad_alloc&) {
        throw;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        if (memory_exhausted) throw std::bad_alloc();
        throw Failure{proto::kDamaged, input};
    }
}

// An action dictionary (/S names its type: JavaScript, Launch, URI…).
bool is_action(QPDFObjectHandle value) {
    return value.isDictionary() && (value.hasKey("/S") || value.getKey("/Type").isNameAndEquals("/Action"));
}

// Removes every action reachable from `root` (additional actions /AA, the
// /A of links and widgets, /OpenAction), however deep in the copied objects
// (form XObjects inside form XObjects, annotation appearances): readers
// ignore most of them in a form XObject, but scanners flag the file, and a
// rapport carries no script or launcher. Iterative: a hostile file's nesting
// cannot exhaust the stack.
void drop_actions(QPDFObjectHandle root) {
    std::vector<QPDFObjectHandle> pending{root};
    std::set<QPDFObjGen> seen;
    while (!pending.empty()) {
        QPDFObjectHandle object = pending.back();
        pending.pop_back();
        if (object.isIndirect() && !seen.insert(object.getObjGen()).second) continue;
        QPDFObjectHandle dictionary = object.isStream() ? object.getDict() : object;
        if (dictionary.isDictionary()) {
            for (const char* key : {"/AA", "/OpenAction"})
                if (dictionary.hasKey(key)) dictionary.removeKey(key);
            if (dictionary.hasKey("/A") && is_action(dictionary.getKey("/A"))) dictionary.removeKey("/A");
            for (const std::string& key : dictionary.getKeys()) pending.push_back(dictionary.getKey(key));
        } else if (object.isArray()) {
            for (int i = 0; i < object.getArrayNItems(); ++i) pending.push_back(object.getArrayItem(i));
        }
    }
}

int place(const char* lettrine_pdf, const char* output, const std::vector<Placement>& placements,
          const Limits& limits) {
    start_input(0);
    OpenedPdf document = open_strictly(lettrine_pdf, 0, 0);
    QPDF& pdf = *document.pdf;

    // Every external file is opened (and checked) once, however many of its
    // pages are placed.
    std::map<std::string, OpenedPdf> externals;
    std::vector<OpenedPdf*> source_of(placements.size());
    for (std::size_t k = 0; k < placements.size(); ++k) {
        const int input = static_cast<int>(k) + 1;
        auto found = externals.find(placements[k].file);
        if (found == externals.end()) {
            start_input(input);
            found = externals.emplace(placements[k].file, open_strictly(placements[k].file.c_str(), input, limits.max_pages)).first;
            flatten_printed_annotations(found->second, input);
        }
        source_of[k] = &found->second;
    }

    for (std::size_t k = 0; k < placements.size(); ++k) {
        const Placement& placement = placements[k];
        const int input = static_cast<int>(k) + 1;
        start_input(input);
        OpenedPdf& source = *source_of[k];
        if (placement.target < 0 || placement.target >= static_cast<long long>(document.pages.size()))
            throw Failure{proto::kNoSuchPage, 0};
        if (placement.source < 0 || placement.source >= static_cast<long long>(source.pages.size()))
            throw Failure{proto::kNoSuchPage, input};
        QPDFPageObjectHelper& target = document.pages[static_cast<std::size_t>(placement.target)];
        const QPDFObjectHandle::Rectangle area = pdf_rectangle(target, placement, input);

        // The source page as a form XObject (its annotations, flattened above,
        // are not part of it), copied with everything it uses into the
        // Lettrine PDF.
        QPDFObjectHandle form =
            pdf.copyForeignObject(source.pages[static_cast<std::size_t>(placement.source)].getFormXObjectForPage());
        drop_actions(form);
        QPDFObjectHandle resources = own_xobjects(target);
        int suffix = 1;
        const std::string name = resources.getUniqueResourceName("/LettrineImport", suffix);
        resources.getKey("/XObject").replaceKey(name, form);
        // Scaled down to fit if needed (never up), centred, and drawn first:
        // the page's own content (running header and footer) paints over it.
        const std::string drawing = target.placeFormXObject(form, name, area, true, true, false);
        target.addPageContents(QPDFObjectHandle::newStream(&pdf, drawing), true);
    }

    start_input(0);
    try {
        QPDFWriter writer(pdf, output);
        writer.setDeterministicID(true);
        for (auto& [file, source] : externals) writer.setMinimumPDFVersion(source.pdf->getPDFVersion());
        writer.write();
    } catch (const std::bad_alloc&) {
        throw;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        if (memory_exhausted) throw std::bad_alloc();
        throw Failure{proto::kOutput, 0};
    }
    say("done");
    return 0;
}

bool parse_integer(const char* text, long long& value) {
    char* end = nullptr;
    errno = 0;
    value = std::strtoll(text, &end, 10);
    return errno == 0 && end != text && *end == '\0';
}

bool parse_number(const char* text, double& value) {
    char* end = nullptr;
    errno = 0;
    value = std::strtod(text, &end);
    return errno == 0 && end != text && *end == '\0' && std::isfinite(value);
}

int usage() {
    std::fputs("usage : lettrine-import-pdf --cpu-seconds S --memory-bytes B --max-pages N "
               "(inspect FICHIER | place PDF SORTIE [CIBLE FICHIER SOURCE X Y L H]...)\n"
               "Programme interne de Lettrine : il est lancé par lettrine, pas à la main.\n",
               stderr);
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    Limits limits;
    int arg = 1;
    for (; arg + 1 < argc && std::strncmp(argv[arg], "--", 2) == 0; arg += 2) {
        long long value = 0;
        if (!parse_integer(argv[arg + 1], value) || value <= 0) return usage();
        if (std::strcmp(argv[arg], "--cpu-seconds") == 0) limits.cpu_seconds = value;
        else if (std::strcmp(argv[arg], "--memory-bytes") == 0) limits.memory_bytes = value;
        else if (std::strcmp(argv[arg], "--max-pages") == 0) limits.max_pages = value;
        else return usage();
    }
    if (limits.cpu_seconds == 0 || limits.memory_bytes == 0 || limits.max_pages == 0 || arg >= argc) return usage();
    const std::string command = argv[arg++];

    std::vector<Placement> placements;
    if (command == proto::kInspect) {
        if (argc - arg != 1) return usage();
    } else if (command == proto::kPlace) {
        if (argc - arg < 2 || (argc - arg - 2) % proto::kPlacementFields != 0) return usage();
        for (int i = arg + 2; i < argc; i += proto::kPlacementFields) {
            Placement p;
            p.file = argv[i + 1];
            if (!parse_integer(argv[i], p.target) || !parse_integer(argv[i + 2], p.source) ||
                !parse_number(argv[i + 3], p.x) || !parse_number(argv[i + 4], p.y) ||
                !parse_number(argv[i + 5], p.width) || !parse_number(argv[i + 6], p.height))
                return usage();
            placements.push_back(std::move(p));
        }
    } else {
        return usage();
    }

    apply_limits(limits);
    std::set_new_handler(on_allocation_failure);
    try {
        if (command == proto::kInspect) return inspect(argv[arg], limits);
        return place(argv[arg], argv[arg + 1], placements, limits);
    } catch (const Failure& failure) {
        say(std::string("error ") + failure.code + " " + std::to_string(failure.input));
        return proto::kExitDataError;
    } catch (const std::bad_alloc&) {
        say(std::string("error ") + proto::kMemory + " " + std::to_string(current_input));
        return proto::kExitDataError;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        if (memory_exhausted) {
            say(std::string("error ") + proto::kMemory + " " + std::to_string(current_input));
            return proto::kExitDataError;
        }
        say(std::string("error ") + proto::kInternal + " " + std::to_string(current_input));
        return proto::kExitInternal;
    }
}
