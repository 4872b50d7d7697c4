#pragma once
// Embedding the images of one document as image XObjects, each distinct
// image (by content) once, however many pages show it: JPEG as-is
// (DCTDecode), PNG decoded by libpng and re-compressed (FlateDecode), its
// alpha channel as a soft mask (/SMask).
#include <podofo/podofo.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "layout/pages.hpp"

namespace lettrine::pdf {

struct EmbeddedImage {
    std::string resource_name;  // "Im1", "Im2", ...
    PoDoFo::PdfReference reference;
    std::size_t listed_on_page = 0;  // bookkeeping: last page (index + 1) listing it
};

class DocumentImages {
public:
    explicit DocumentImages(PoDoFo::PdfDocument& document) : document_(document) {}

    // Decodes and embeds every distinct image the pages show, in order of
    // first appearance. Throws LettrineError(Io) naming every unreadable image.
    void embed_all(const LaidOutDocument& document);

    // The embedded image for one placement (after embed_all).
    EmbeddedImage& get(const PlacedImage& image);

private:
    PoDoFo::PdfDocument& document_;
    std::vector<std::unique_ptr<EmbeddedImage>> images_;
    std::vector<std::shared_ptr<const std::string>> keep_alive_;  // owners of the keys below
    std::unordered_map<std::string_view, EmbeddedImage*> by_content_;
    std::unordered_map<const std::string*, EmbeddedImage*> by_buffer_;
};

}  // namespace lettrine::pdf
