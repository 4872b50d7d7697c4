#pragma once
// The PDF file format's outer layer (ISO 32000-1, 7.5): header, numbered
// indirect objects written one after another as soon as they are complete,
// cross-reference table, trailer. Objects may be written in any order: the
// writer numbers them (allocate) when it needs to refer to them and writes
// them (write_object, write_stream) when their content is known, so that a
// font referred to by every page can be written after the last page.
//
// The bytes go to a ByteSink as they are produced: a document of any length
// is never held whole in memory. The trailer's /ID is the SHA-256 of every
// byte before the trailer, truncated to 16 bytes: the same file content
// always gets the same identifier, different contents different ones.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lettrine::pdf {

// Where the bytes of a PDF file go.
class ByteSink {
public:
    virtual ~ByteSink() = default;
    virtual void write(std::string_view bytes) = 0;
};

// Appends to a string.
class StringSink : public ByteSink {
public:
    explicit StringSink(std::string& out) : out_(out) {}
    void write(std::string_view bytes) override { out_.append(bytes.data(), bytes.size()); }

private:
    std::string& out_;
};

class PdfFile {
public:
    // Writes the header (%PDF-1.7 and a binary comment).
    explicit PdfFile(ByteSink& sink);
    ~PdfFile();
    PdfFile(const PdfFile&) = delete;
    PdfFile& operator=(const PdfFile&) = delete;

    // A new object number, in increasing order from 1.
    uint32_t allocate();

    // "n 0 obj <value> endobj"; `value` is the object's complete PDF syntax.
    void write_object(uint32_t number, std::string_view value);
    // A stream object: `dictionary` holds its entries without << >> and
    // without /Length, which is added; `data` is written as it is (already
    // encoded as its /Filter says).
    void write_stream(uint32_t number, std::string_view dictionary, std::string_view data);

    // Cross-reference table and trailer. Every allocated number must have
    // been written (LettrineError(Internal) otherwise). Nothing may be
    // written afterwards.
    void finish(uint32_t catalog, uint32_t info);

    // Bytes written so far.
    uint64_t size() const { return offset_; }

private:
    void emit(std::string_view bytes);
    void begin_object(uint32_t number);

    ByteSink& sink_;
    uint64_t offset_ = 0;
    std::vector<uint64_t> offsets_;  // by object number - 1; ~0 until written
    std::string scratch_;
    struct Hash;
    Hash* hash_;  // SHA-256 state of every byte before the trailer
    bool finished_ = false;
};

}  // namespace lettrine::pdf
