#include "xlsx/workbook_file.hpp"

#include <cstdio>
#include <cstdlib>
#include <cerrno>
#include <cstring>
#include <memory>
#include <new>
#include <utility>
#include <vector>

#include <unistd.h>
#include <zip.h>

#include <boost/filesystem.hpp>

#include "core/diagnostic.hpp"
#include "core/output_files.hpp"

namespace lettrine {

namespace {

[[noreturn]] void fail_io(const std::string& message) {
    throw LettrineError(ErrorKind::Io, SourcePosition{}, message);
}

// A private folder (mkdtemp, mode 0700) holding the one file libxlsxwriter
// writes by name: nobody else can plant a link in place of that file.
std::string make_private_folder(const std::string& what) {
    boost::filesystem::path folder;
    try {
        folder = boost::filesystem::temp_directory_path();
    } catch (const boost::filesystem::filesystem_error& e) {
        fail_io("impossible de créer un fichier temporaire pour " + what + "\u00A0: "
                "pas de dossier temporaire utilisable (" + std::string(e.what()) + ")");
    }
    const std::string pattern = (folder / "lettrine-classeur-XXXXXX").string();
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (!::mkdtemp(buffer.data()))
        fail_io("impossible de créer un fichier temporaire pour " + what + "\u00A0: " +
                describe_system_error(errno));
    return std::string(buffer.data());
}

// A zip archive opened on an in-memory source; closed (or discarded) once.
struct ZipInMemory {
    zip_source_t* source = nullptr;
    zip_t* archive = nullptr;
    ~ZipInMemory() {
        if (archive) zip_discard(archive);
        if (source) zip_source_free(source);
    }
};

[[noreturn]] void fail_zip(const std::string& workbook, const std::string& step, zip_error_t* error) {
    const std::string detail = error ? zip_error_strerror(error) : "erreur inconnue";
    fail_io("impossible de compléter " + workbook + " (" + step + ")\u00A0: " + detail);
}

// MS-DOS date of 1980-01-01 (year-1980 << 9 | month << 5 | day), time 00:00.
constexpr zip_uint16_t kDosDate1980 = (0 << 9) | (1 << 5) | 1;
constexpr zip_uint16_t kDosTimeMidnight = 0;

}  // namespace

WorkbookFile::WorkbookFile(std::string what)
    : what_(std::move(what)), folder_(make_private_folder(what_)), path_(folder_ + "/classeur.xlsx") {
    workbook_ = workbook_new(path_.c_str());
    if (!workbook_) {
        ::rmdir(folder_.c_str());
        fail_io("libxlsxwriter n’a pas pu créer " + what_);
    }
}

WorkbookFile::~WorkbookFile() {
    // libxlsxwriter frees a workbook only by closing it (which writes the file).
    if (workbook_) workbook_close(workbook_);
    std::remove(path_.c_str());
    ::rmdir(folder_.c_str());
}

std::string WorkbookFile::finish() {
    lxw_workbook* workbook = workbook_;
    workbook_ = nullptr;
    const lxw_error status = workbook_close(workbook);
    if (status != LXW_NO_ERROR)
        fail_io("libxlsxwriter n’a pas pu écrire " + what_ + "\u00A0: " +
                std::string(lxw_strerror(status)));
    return read_file(path_);
}

std::string set_core_language(const std::string& package, const std::string& language, const std::string& what) {
    static const char* const kCoreEntry = "docProps/core.xml";
    ZipInMemory zip;
    zip_error_t error;
    zip_error_init(&error);
    // libzip 1.7.3 frees the initial buffer after rewriting it even when told
    // not to (freep = 0), so it gets a malloc'd copy it owns.
    void* copy = std::malloc(package.size());
    if (!copy) throw std::bad_alloc();
    std::memcpy(copy, package.data(), package.size());
    zip.source = zip_source_buffer_create(copy, package.size(), 1, &error);
    if (!zip.source) {
        std::free(copy);
        fail_zip(what, "lecture", &error);
    }
    zip_source_keep(zip.source);  // we read the rewritten archive back from it
    zip.archive = zip_open_from_source(zip.source, 0, &error);
    if (!zip.archive) fail_zip(what, "lecture", &error);

    const zip_int64_t index = zip_name_locate(zip.archive, kCoreEntry, 0);
    if (index < 0) fail_zip(what, kCoreEntry, zip_get_error(zip.archive));
    zip_stat_t stat;
    if (zip_stat_index(zip.archive, index, 0, &stat) != 0) fail_zip(what, kCoreEntry, zip_get_error(zip.archive));
    std::string core(static_cast<std::size_t>(stat.size), '\0');
    {
        zip_file_t* file = zip_fopen_index(zip.archive, index, 0);
        if (!file) fail_zip(what, kCoreEntry, zip_get_error(zip.archive));
        const zip_int64_t read = zip_fread(file, core.data(), core.size());
        zip_fclose(file);
        if (read != static_cast<zip_int64_t>(core.size())) fail_zip(what, kCoreEntry, zip_get_error(zip.archive));
    }

    static const std::string kClosing = "</cp:coreProperties>";
    const std::size_t at = core.rfind(kClosing);
    if (at == std::string::npos) fail_zip(what, kCoreEntry, nullptr);
    // Language tags are ASCII letters, digits and '-': nothing to escape.
    core.insert(at, "<dc:language>" + language + "</dc:language>");

    zip_source_t* replacement = zip_source_buffer(zip.archive, core.data(), core.size(), 0);
    if (!replacement) fail_zip(what, kCoreEntry, zip_get_error(zip.archive));
    if (zip_file_replace(zip.archive, static_cast<zip_uint64_t>(index), replacement, 0) != 0) {
        zip_source_free(replacement);
        fail_zip(what, kCoreEntry, zip_get_error(zip.archive));
    }
    // Without these, libzip would stamp the entry with the clock.
    if (zip_file_set_dostime(zip.archive, index, kDosTimeMidnight, kDosDate1980, 0) != 0 ||
        zip_set_file_compression(zip.archive, index, ZIP_CM_DEFLATE, 6) != 0)
        fail_zip(what, kCoreEntry, zip_get_error(zip.archive));
    if (zip_close(zip.archive) != 0) fail_zip(what, "écriture", zip_get_error(zip.archive));
    zip.archive = nullptr;

    std::string out;
    if (zip_source_open(zip.source) != 0) fail_zip(what, "relecture", zip_source_error(zip.source));
    char buffer[16384];
    zip_int64_t n;
    while ((n = zip_source_read(zip.source, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<std::size_t>(n));
    zip_source_close(zip.source);
    if (n < 0) fail_zip(what, "relecture", zip_source_error(zip.source));
    return out;
}

}  // namespace lettrine
