#include "pdf/pdf_file.hpp"

// The low-level SHA-256 interface: unlike EVP, it needs no provider lookup
// (about 1.5 ms at the first call of a process with OpenSSL 3).
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

#include <cstdio>

#include "core/diagnostic.hpp"
#include "pdf/pdf_syntax.hpp"

namespace lettrine::pdf {

namespace {

constexpr uint64_t kUnwritten = ~uint64_t{0};

[[noreturn]] void internal_error(const std::string& message) {
    throw LettrineError(ErrorKind::Internal, SourcePosition{}, message);
}

}  // namespace

struct PdfFile::Hash {
    SHA256_CTX context;
};

PdfFile::PdfFile(ByteSink& sink) : sink_(sink), hash_(new Hash) {
    SHA256_Init(&hash_->context);
    // The comment's bytes above 127 tell transfer tools the file is binary (7.5.2).
    emit("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
}

PdfFile::~PdfFile() { delete hash_; }

void PdfFile::emit(std::string_view bytes) {
    if (!finished_) SHA256_Update(&hash_->context, bytes.data(), bytes.size());
    sink_.write(bytes);
    offset_ += bytes.size();
}

uint32_t PdfFile::allocate() {
    offsets_.push_back(kUnwritten);
    return static_cast<uint32_t>(offsets_.size());
}

void PdfFile::begin_object(uint32_t number) {
    if (number == 0 || number > offsets_.size() || offsets_[number - 1] != kUnwritten || finished_)
        internal_error("objet PDF " + std::to_string(number) + " écrit hors de son ordre");
    offsets_[number - 1] = offset_;
    scratch_.clear();
    append_integer(scratch_, number);
    scratch_ += " 0 obj\n";
}

void PdfFile::write_object(uint32_t number, std::string_view value) {
    begin_object(number);
    scratch_.append(value.data(), value.size());
    scratch_ += "\nendobj\n";
    emit(scratch_);
}

void PdfFile::write_stream(uint32_t number, std::string_view dictionary, std::string_view data) {
    begin_object(number);
    scratch_ += "<<";
    scratch_.append(dictionary.data(), dictionary.size());
    scratch_ += " /Length ";
    append_integer(scratch_, static_cast<long long>(data.size()));
    scratch_ += " >>\nstream\n";
    emit(scratch_);
    emit(data);
    emit("\nendstream\nendobj\n");
}

void PdfFile::finish(uint32_t catalog, uint32_t info) {
    if (finished_) internal_error("fichier PDF terminé deux fois");
    for (std::size_t i = 0; i < offsets_.size(); ++i)
        if (offsets_[i] == kUnwritten) internal_error("objet PDF " + std::to_string(i + 1) + " jamais écrit");
    const uint64_t xref = offset_;
    std::string table = "xref\n0 ";
    append_integer(table, static_cast<long long>(offsets_.size() + 1));
    table += "\n0000000000 65535 f \n";
    table.reserve(table.size() + 20 * offsets_.size() + 256);
    char entry[24];
    for (uint64_t offset : offsets_) {
        std::snprintf(entry, sizeof entry, "%010llu 00000 n \n", static_cast<unsigned long long>(offset));
        table.append(entry, 20);
    }
    emit(table);

    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256_Final(digest, &hash_->context);
    finished_ = true;
    std::string id;
    static constexpr char kHex[] = "0123456789ABCDEF";
    for (int i = 0; i < 16; ++i) {
        id += kHex[digest[i] >> 4];
        id += kHex[digest[i] & 15];
    }
    std::string trailer = "trailer\n<< /Size ";
    append_integer(trailer, static_cast<long long>(offsets_.size() + 1));
    trailer += " /Root ";
    append_reference(trailer, catalog);
    trailer += " /Info ";
    append_reference(trailer, info);
    trailer += " /ID [<" + id + "> <" + id + ">] >>\nstartxref\n";
    append_integer(trailer, static_cast<long long>(xref));
    trailer += "\n%%EOF\n";
    emit(trailer);
}

}  // namespace lettrine::pdf
