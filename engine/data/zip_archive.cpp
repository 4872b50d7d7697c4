#include "data/zip_archive.hpp"

#include <zip.h>

#include <cstring>
#include <memory>

#include "core/diagnostic.hpp"

namespace lettrine {

namespace {

// An entry name that is absolute or climbs out of the archive.
bool is_unsafe_entry_name(const std::string& name) {
    if (name.empty()) return false;
    if (name[0] == '/' || name[0] == '\\') return true;
    if (name.size() >= 2 && name[1] == ':' &&
        ((name[0] >= 'A' && name[0] <= 'Z') || (name[0] >= 'a' && name[0] <= 'z')))
        return true;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= name.size(); ++i) {
        if (i == name.size() || name[i] == '/' || name[i] == '\\') {
            if (name.compare(start, i - start, "..") == 0 && i - start == 2) return true;
            start = i + 1;
        }
    }
    return false;
}

// Printable form of a name taken from a hostile archive (control bytes shown as '?').
std::string printable(const std::string& name) {
    std::string out;
    for (char c : name.substr(0, 200)) out += static_cast<unsigned char>(c) < 0x20 ? '?' : c;
    return out;
}

}  // namespace

std::string describe_byte_count(std::size_t bytes) {
    if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " Mio";
    if (bytes >= (1u << 10) && bytes % (1u << 10) == 0) return std::to_string(bytes >> 10) + " Kio";
    return std::to_string(bytes) + " octets";
}

bool is_ole_compound_file(const std::string& bytes) {
    static const unsigned char signature[] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    return bytes.size() >= sizeof signature && std::memcmp(bytes.data(), signature, sizeof signature) == 0;
}

std::string ole_compound_file_message(const std::string& bytes, const std::string& kind) {
    // An encrypted OOXML package is an OLE file holding the streams
    // "EncryptionInfo" and "EncryptedPackage" (MS-OFFCRYPTO), named in UTF-16LE.
    std::string marker;
    for (char c : std::string("EncryptedPackage")) { marker += c; marker += '\0'; }
    if (bytes.find(marker) != std::string::npos)
        return "le classeur est protégé par un mot de passe (fichier chiffré) : ouvrez-le dans Excel ou "
               "LibreOffice et enregistrez-le sans mot de passe";
    return "ce fichier est au format Excel 97-2003 (.xls) ou un autre format OLE, pas un " + kind +
           " : enregistrez-le au format .xlsx ou .ods";
}

ZipArchive::ZipArchive(const std::string& bytes, std::string file_name, ZipLimits limits, std::string kind)
    : bytes_(bytes), file_(std::move(file_name)), kind_(std::move(kind)), limits_(limits) {
    const SourcePosition where = SourcePosition::in_file(file_);
    if (is_ole_compound_file(bytes_)) throw LettrineError(ErrorKind::Data, where, ole_compound_file_message(bytes_, kind_));
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes_.data(), bytes_.size(), 0, &error);
    if (source) {
        // ZIP_CHECKCONS: the local headers must agree with the central directory.
        archive_ = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
        if (!archive_) zip_source_free(source);
    }
    zip_error_fini(&error);
    if (!archive_)
        throw LettrineError(ErrorKind::Data, where,
                            "ce fichier n’est pas un " + kind_ + " lisible (archive ZIP invalide ou endommagée)");
    const zip_int64_t count = zip_get_num_entries(archive_, 0);
    if (count < 0 || static_cast<std::size_t>(count) > kMaxZipEntries) {
        zip_discard(archive_);
        archive_ = nullptr;
        throw LettrineError(ErrorKind::Data, where,
                            "l’archive contient plus de " + std::to_string(kMaxZipEntries) + " éléments : fichier refusé");
    }
    for (zip_int64_t i = 0; i < count; ++i) {
        const char* name = zip_get_name(archive_, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW);
        if (name && is_unsafe_entry_name(name)) {
            const std::string shown = printable(name);
            zip_discard(archive_);
            archive_ = nullptr;
            throw LettrineError(ErrorKind::Data, where,
                                "l’archive contient un élément au chemin dangereux « " + shown +
                                    " » (chemin absolu ou remontant hors de l’archive) : fichier refusé");
        }
    }
}

void ZipArchive::check_limits(const std::string& element, std::uint64_t entry_bytes, std::size_t more) const {
    const SourcePosition where = SourcePosition::in_file(file_);
    if (entry_bytes > limits_.max_entry_bytes)
        throw LettrineError(ErrorKind::Data, where,
                            element + " dépasse " + describe_byte_count(limits_.max_entry_bytes) +
                                " une fois décompressé : fichier refusé");
    // Before inflating (more == 0) the declared size is checked against what is left.
    if (total_read_ + (more == 0 ? entry_bytes : more) > limits_.max_total_bytes)
        throw LettrineError(ErrorKind::Data, where,
                            "le contenu décompressé du classeur dépasse " +
                                describe_byte_count(limits_.max_total_bytes) + " : fichier refusé");
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
    const std::string element = "l’élément « " + entry + " » du classeur";
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive_, static_cast<zip_uint64_t>(index), 0, &stat) == 0 &&
        (stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE)
        throw LettrineError(ErrorKind::Data, where,
                            element + " est chiffré (classeur protégé par un mot de passe) : enregistrez-le sans mot de passe");
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen_index(archive_, static_cast<zip_uint64_t>(index), 0),
                                                           zip_fclose);
    if (!file) throw LettrineError(ErrorKind::Data, where, element + " est illisible (archive endommagée ou chiffrée)");
    const bool declared = (stat.valid & ZIP_STAT_SIZE) != 0;
    if (declared) check_limits(element, stat.size, 0);
    std::string out;
    if (declared) out.reserve(static_cast<std::size_t>(stat.size));  // one allocation, not a doubling series
    std::size_t inflated = 0;
    char buffer[64 * 1024];
    for (;;) {
        const zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
        if (n < 0) {
            const int code = zip_error_code_zip(zip_file_get_error(file.get()));
            if (code == ZIP_ER_CRC)
                throw LettrineError(ErrorKind::Data, where,
                                    element + " est endommagé (somme de contrôle CRC incorrecte)");
            throw LettrineError(ErrorKind::Data, where, element + " est illisible (archive endommagée)");
        }
        if (n == 0) break;
        const auto count = static_cast<std::size_t>(n);
        check_limits(element, inflated + count, count);
        inflated += count;
        total_read_ += count;
        // Past its declared size the entry is refused below: count, keep nothing.
        if (!declared || inflated <= stat.size) out.append(buffer, count);
    }
    if (declared && stat.size != inflated)
        throw LettrineError(ErrorKind::Data, where,
                            element + " annonce " + std::to_string(stat.size) + " octets mais en contient " +
                                std::to_string(inflated) + " (archive endommagée ou falsifiée)");
    return out;
}

}  // namespace lettrine
