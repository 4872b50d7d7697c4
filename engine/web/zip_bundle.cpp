#include "web/zip_bundle.hpp"

#include <algorithm>

#include <zip.h>

#include "core/diagnostic.hpp"
#include "core/output_files.hpp"

namespace fs = boost::filesystem;

namespace lettrine::web {

namespace {

// 2000-01-01 00:00 local time in DOS terms: any fixed date keeps the archive reproducible.
constexpr time_t kFixedTime = 946684800;

[[noreturn]] void fail(const fs::path& archive, const std::string& what) {
    throw LettrineError(ErrorKind::Io, SourcePosition::in_file(archive.filename().string()),
                        "archive ZIP impossible à écrire : " + what);
}

}  // namespace

void write_zip(const fs::path& archive, const fs::path& folder, std::vector<std::string> files) {
    std::sort(files.begin(), files.end());
    const fs::path partial = archive.parent_path() / ("." + archive.filename().string() + ".partiel");
    int error = 0;
    zip_t* zip = zip_open(partial.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!zip) fail(archive, "création impossible (code libzip " + std::to_string(error) + ")");
    for (const std::string& name : files) {
        zip_source_t* source = zip_source_file(zip, (folder / name).c_str(), 0, -1);
        if (!source) {
            const std::string why = zip_strerror(zip);
            zip_discard(zip);
            fail(archive, name + " : " + why);
        }
        const zip_int64_t index = zip_file_add(zip, name.c_str(), source, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(source);
            const std::string why = zip_strerror(zip);
            zip_discard(zip);
            fail(archive, name + " : " + why);
        }
        zip_file_set_mtime(zip, static_cast<zip_uint64_t>(index), kFixedTime, 0);
    }
    if (zip_close(zip) != 0) {
        const std::string why = zip_strerror(zip);
        zip_discard(zip);
        boost::system::error_code ignored;
        fs::remove(partial, ignored);
        fail(archive, why);
    }
    boost::system::error_code renamed;
    fs::rename(partial, archive, renamed);
    if (renamed) fail(archive, describe_system_error(renamed.value()));
}

}  // namespace lettrine::web
