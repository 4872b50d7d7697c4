#include "data/zip_archive.hpp"

#include <zip.h>

#include <memory>

#include "core/diagnostic.hpp"

namespace lettrine {

std::string describe_byte_count(std::size_t bytes) {
    if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " Mio";
    if (bytes >= (1u << 10) && bytes % (1u << 10) == 0) return std::to_string(bytes >> 10) + " Kio";
    return std::to_string(bytes) + " octets";
}

ZipArchive::ZipArchive(const std::string& bytes, std::string file_name, ZipLimits limits)
    : bytes_(bytes), file_(std::move(file_name)), limits_(limits) {
    const SourcePosition where = SourcePosition::in_file(file_);
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes_.data(), bytes_.size(), 0, &error);
    if (source) {
        archive_ = zip_open_from_source(source, ZIP_RDONLY, &error);
        if (!archive_) zip_source_free(source);
    }
    zip_error_fini(&error);
    if (!archive_)
        throw LettrineError(ErrorKind::Data, where,
                            "ce fichier n'est pas un classeur XLSX lisible (archive ZIP invalide ou endommagée)");
}

ZipArchive::~ZipArchive() {
    if (archive_) zip_discard(archive_);
}

bool ZipArchive::contains(const std::string& entry) const {
    return zip_name_locate(archive_, entry.c_str(), 0) >= 0;
}

std::optional<std::string> ZipArchive::read(const std::string& entry) {
    const SourcePosition where = SourcePosition::in_file(file_);
    const zip_int64_t index = zip_name_locate(archive_, entry.c_str(), 0);
    if (index < 0) return std::nullopt;
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen_index(archive_, static_cast<zip_uint64_t>(index), 0),
                                                           zip_fclose);
    if (!file)
        throw LettrineError(ErrorKind::Data, where,
                            "l'élément « " + entry + " » du classeur est illisible (archive endommagée ou chiffrée)");
    std::string out;
    char buffer[64 * 1024];
    for (;;) {
        const zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
        if (n < 0)
            throw LettrineError(ErrorKind::Data, where,
                                "l'élément « " + entry + " » du classeur est illisible (archive endommagée)");
        if (n == 0) break;
        const auto count = static_cast<std::size_t>(n);
        if (out.size() + count > limits_.max_entry_bytes)
            throw LettrineError(ErrorKind::Data, where,
                                "l'élément « " + entry + " » du classeur dépasse " +
                                    describe_byte_count(limits_.max_entry_bytes) +
                                    " une fois décompressé : fichier refusé");
        if (total_read_ + count > limits_.max_total_bytes)
            throw LettrineError(ErrorKind::Data, where,
                                "le contenu décompressé du classeur dépasse " +
                                    describe_byte_count(limits_.max_total_bytes) + " : fichier refusé");
        out.append(buffer, count);
        total_read_ += count;
    }
    return out;
}

}  // namespace lettrine
