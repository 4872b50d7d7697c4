#pragma once
// Images as image XObjects (ISO 32000-1, 8.9.5): JPEG as-is (DCTDecode), PNG
// decoded by libpng and re-compressed (FlateDecode), its alpha channel as a
// soft mask (/SMask).
//
// Encoding is the costly part (decoding and deflating a 520 × 160 logo takes
// about 8 ms) and depends on the image's bytes only: each distinct image is
// encoded once per process and shared, read-only, by every document and
// thread. Each document then writes the encoded streams once, however many
// pages show them.
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "layout/pages.hpp"
#include "pdf/pdf_file.hpp"

namespace lettrine::pdf {

// An image XObject ready to be written into any document.
struct EncodedImage {
    std::string dictionary;  // entries, without /Length and /SMask
    std::string data;        // the stream, encoded as /Filter says
    std::shared_ptr<const EncodedImage> soft_mask;  // null when the image is opaque
};

// The encoded image for these bytes, from the process-wide cache; null with
// a French reason in `problem` when the bytes are not a readable PNG or
// JPEG. Thread-safe.
std::shared_ptr<const EncodedImage> encode_image(const std::shared_ptr<const std::string>& bytes,
                                                 std::string& problem);

// An image as embedded in one document.
struct EmbeddedImage {
    std::string resource_name;  // "Im1", "Im2", ...
    uint32_t object = 0;
    std::size_t listed_on_page = 0;  // bookkeeping: last page (global number) listing it
};

// The images of one document, in order of first appearance.
class DocumentImages {
public:
    explicit DocumentImages(PdfFile& file) : file_(file) {}

    // Encodes (or finds in the process cache) every image `pages` show.
    // Throws LettrineError(Io) naming every unreadable image.
    void prepare(const std::vector<LaidOutPage>& pages);

    // The embedded image for one placement (after prepare), written into
    // the file at its first use: just before the first page showing it.
    EmbeddedImage& get(const PlacedImage& image);

private:
    uint32_t write(const EncodedImage& image);

    PdfFile& file_;
    std::vector<std::unique_ptr<EmbeddedImage>> images_;
    std::unordered_map<const EncodedImage*, EmbeddedImage*> by_encoding_;
    // Placements are looked up by their buffer; the buffers are kept alive
    // so that an address is never reused by another image.
    std::unordered_map<const std::string*, std::shared_ptr<const EncodedImage>> encoded_;
    std::unordered_map<const std::string*, EmbeddedImage*> by_buffer_;
    std::vector<std::shared_ptr<const std::string>> keep_alive_;
};

}  // namespace lettrine::pdf
