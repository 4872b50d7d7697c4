#include "package/zip_package.hpp"

#include <set>

#include <zip.h>

#include "core/diagnostic.hpp"

namespace lettrine::package {

namespace {

// 2000-01-01 00:00 UTC: any fixed date keeps the package reproducible.
constexpr time_t kFixedTime = 946684800;

[[noreturn]] void fail(const std::string& package_name, const std::string& what) {
    throw LettrineError(ErrorKind::Io, SourcePosition::in_file(package_name),
                        "paquet ZIP impossible à composer : " + what);
}

// Owns the archive and its in-memory source until the bytes are taken out.
class MemoryZip {
public:
    explicit MemoryZip(const std::string& package_name) : name_(package_name) {
        zip_error_t error;
        zip_error_init(&error);
        source_ = zip_source_buffer_create(nullptr, 0, 0, &error);
        if (source_) zip_ = zip_open_from_source(source_, ZIP_TRUNCATE, &error);
        if (!zip_) {
            const std::string why = zip_error_strerror(&error);
            zip_error_fini(&error);
            if (source_) zip_source_free(source_);
            fail(name_, why);
        }
        zip_error_fini(&error);
        zip_source_keep(source_);  // still ours after zip_close, to read the bytes back
    }
    ~MemoryZip() {
        if (zip_) zip_discard(zip_);
        zip_source_free(source_);
    }
    MemoryZip(const MemoryZip&) = delete;
    MemoryZip& operator=(const MemoryZip&) = delete;

    // `entry.bytes` must outlive close(): libzip reads it only then.
    void add(const PackageEntry& entry) {
        zip_source_t* data = zip_source_buffer(zip_, entry.bytes.data(), entry.bytes.size(), 0);
        if (!data) fail(name_, entry.name + " : " + zip_strerror(zip_));
        const zip_int64_t index = zip_file_add(zip_, entry.name.c_str(), data, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(data);
            fail(name_, entry.name + " : " + zip_strerror(zip_));
        }
        const auto at = static_cast<zip_uint64_t>(index);
        const zip_int32_t method = entry.compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE;
        if (zip_set_file_compression(zip_, at, method, entry.compress ? 9 : 0) != 0 ||
            zip_file_set_mtime(zip_, at, kFixedTime, 0) != 0)
            fail(name_, entry.name + " : " + zip_strerror(zip_));
    }

    std::string close() {
        if (zip_close(zip_) != 0) fail(name_, zip_strerror(zip_));
        zip_ = nullptr;
        zip_stat_t stat;
        if (zip_source_open(source_) != 0 || zip_source_stat(source_, &stat) != 0)
            fail(name_, zip_error_strerror(zip_source_error(source_)));
        std::string bytes(static_cast<size_t>(stat.size), '\0');
        const zip_int64_t read = zip_source_read(source_, bytes.data(), bytes.size());
        zip_source_close(source_);
        if (read != static_cast<zip_int64_t>(bytes.size())) fail(name_, "lecture du paquet composé");
        return bytes;
    }

private:
    std::string name_;
    zip_source_t* source_ = nullptr;
    zip_t* zip_ = nullptr;
};

}  // namespace

std::string zip_package(const std::vector<PackageEntry>& entries, const std::string& package_name) {
    std::set<std::string> names;
    for (const PackageEntry& entry : entries)
        if (!names.insert(entry.name).second) fail(package_name, "l’entrée « " + entry.name + " » figure deux fois");
    MemoryZip zip(package_name);
    for (const PackageEntry& entry : entries) zip.add(entry);
    return zip.close();
}

}  // namespace lettrine::package
