#include "pdf/image_embedding.hpp"

#include <png.h>

#include <cstring>

#include "core/diagnostic.hpp"

namespace lettrine::pdf {

using namespace PoDoFo;

namespace {

// About an A4 page at 1000 dpi: far beyond any print need; protects memory
// from decompression bombs.
constexpr std::size_t kMaxImagePixels = 100'000'000;

// Why an image could not be embedded (French, shown to the user).
struct ImageProblem {
    std::string message;
};

bool starts_with(const std::string& bytes, const char* signature, std::size_t length) {
    return bytes.size() >= length && std::memcmp(bytes.data(), signature, length) == 0;
}

void set_flate_data(PdfImage& image, unsigned width, unsigned height, const std::vector<unsigned char>& data) {
    PdfMemoryInputStream stream(reinterpret_cast<const char*>(data.data()), static_cast<pdf_long>(data.size()));
    image.SetImageData(width, height, 8, &stream);  // FlateDecode
}

// PNG: decoded to 8-bit gray or RGB, alpha (and tRNS) split into a soft mask.
PdfReference embed_png(PdfDocument& document, const std::string& bytes, ImageProblem& problem) {
    png_image png;
    std::memset(&png, 0, sizeof png);
    png.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&png, bytes.data(), bytes.size())) {
        problem.message = std::string("image PNG illisible (") + png.message + ")";
        return {};
    }
    const bool color = (png.format & PNG_FORMAT_FLAG_COLOR) != 0;
    const bool alpha = (png.format & PNG_FORMAT_FLAG_ALPHA) != 0;
    if (std::size_t{png.width} * png.height > kMaxImagePixels) {
        problem.message = "image PNG trop grande (plus de 100 millions de pixels)";
        png_image_free(&png);
        return {};
    }
    png.format = color ? (alpha ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB) : (alpha ? PNG_FORMAT_GA : PNG_FORMAT_GRAY);
    std::vector<unsigned char> pixels(PNG_IMAGE_SIZE(png));
    if (!png_image_finish_read(&png, nullptr, pixels.data(), 0, nullptr)) {
        problem.message = std::string("image PNG illisible (") + png.message + ")";
        png_image_free(&png);
        return {};
    }
    const unsigned width = png.width, height = png.height;
    const std::size_t count = std::size_t{width} * height;
    const std::size_t channels = color ? 3 : 1;

    std::vector<unsigned char> samples, mask;
    bool opaque = true;
    if (alpha) {
        samples.resize(count * channels);
        mask.resize(count);
        const std::size_t stride = channels + 1;
        for (std::size_t i = 0; i < count; ++i) {
            std::memcpy(&samples[i * channels], &pixels[i * stride], channels);
            mask[i] = pixels[i * stride + channels];
            opaque = opaque && mask[i] == 255;
        }
    } else {
        samples = std::move(pixels);
    }

    PdfImage image(&document);
    image.SetImageColorSpace(color ? ePdfColorSpace_DeviceRGB : ePdfColorSpace_DeviceGray);
    set_flate_data(image, width, height, samples);
    if (alpha && !opaque) {
        PdfImage soft_mask(&document);
        soft_mask.SetImageColorSpace(ePdfColorSpace_DeviceGray);
        set_flate_data(soft_mask, width, height, mask);
        image.SetImageSoftmask(&soft_mask);
    }
    return image.GetObject()->Reference();
}

// JPEG: the frame header gives size and components; the data is embedded as
// it is (DCTDecode). Adobe CMYK JPEGs store inverted values.
PdfReference embed_jpeg(PdfDocument& document, const std::string& bytes, ImageProblem& problem) {
    const auto byte = [&bytes](std::size_t i) { return static_cast<unsigned>(static_cast<unsigned char>(bytes[i])); };
    std::size_t at = 2;
    bool adobe = false;
    unsigned width = 0, height = 0, components = 0, precision = 0;
    while (at + 4 <= bytes.size()) {
        if (byte(at) != 0xFF) break;
        const unsigned marker = byte(at + 1);
        if (marker == 0xFF) {  // fill byte
            ++at;
            continue;
        }
        if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
            at += 2;
            continue;
        }
        if (marker == 0xD9 || marker == 0xDA) break;  // end of image, start of scan
        const std::size_t length = byte(at + 2) << 8 | byte(at + 3);
        if (length < 2 || at + 2 + length > bytes.size()) break;
        const std::size_t segment = at + 4;
        if (marker == 0xEE && length >= 7 && bytes.compare(segment, 5, "Adobe") == 0) adobe = true;
        const bool frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (frame && length >= 8) {
            precision = byte(segment);
            height = byte(segment + 1) << 8 | byte(segment + 2);
            width = byte(segment + 3) << 8 | byte(segment + 4);
            components = byte(segment + 5);
        }
        at += 2 + length;
    }
    if (width == 0 || height == 0 || precision != 8 || (components != 1 && components != 3 && components != 4)) {
        problem.message = "image JPEG illisible (en-tête de trame absent ou non pris en charge)";
        return {};
    }
    PdfImage image(&document);
    image.SetImageColorSpace(components == 1   ? ePdfColorSpace_DeviceGray
                             : components == 3 ? ePdfColorSpace_DeviceRGB
                                               : ePdfColorSpace_DeviceCMYK);
    if (components == 4 && adobe) {
        PdfArray decode;
        for (int i = 0; i < 4; ++i) {
            decode.push_back(static_cast<pdf_int64>(1));
            decode.push_back(PdfObject(static_cast<pdf_int64>(0)));
        }
        image.GetObject()->GetDictionary().AddKey("Decode", decode);
    }
    PdfMemoryInputStream stream(bytes.data(), static_cast<pdf_long>(bytes.size()));
    image.SetImageDataRaw(width, height, 8, &stream);
    image.GetObject()->GetDictionary().AddKey("Filter", PdfName("DCTDecode"));
    return image.GetObject()->Reference();
}

}  // namespace

void DocumentImages::embed_all(const LaidOutDocument& document) {
    Diagnostics problems;
    for (const LaidOutPage& page : document.pages) {
        for (const PageItem& item : page.items) {
            const auto* placed = std::get_if<PlacedImage>(&item);
            if (!placed) continue;
            const std::string* buffer = placed->bytes.get();
            if (by_buffer_.count(buffer)) continue;
            if (!buffer) {
                problems.error(SourcePosition::in_file(placed->path), "le contenu de l'image n'a pas été lu");
                by_buffer_.emplace(buffer, nullptr);
                continue;
            }
            keep_alive_.push_back(placed->bytes);
            auto same = by_content_.find(std::string_view(*buffer));
            if (same != by_content_.end()) {
                by_buffer_.emplace(buffer, same->second);
                continue;
            }
            ImageProblem problem;
            PdfReference reference;
            if (starts_with(*buffer, "\x89PNG\r\n\x1a\n", 8))
                reference = embed_png(document_, *buffer, problem);
            else if (starts_with(*buffer, "\xFF\xD8\xFF", 3))
                reference = embed_jpeg(document_, *buffer, problem);
            else
                problem.message = "format d'image non pris en charge (PNG ou JPEG attendu)";
            EmbeddedImage* embedded = nullptr;
            if (problem.message.empty()) {
                images_.push_back(std::make_unique<EmbeddedImage>(
                    EmbeddedImage{"Im" + std::to_string(images_.size() + 1), reference, 0}));
                embedded = images_.back().get();
            } else {
                problems.error(SourcePosition::in_file(placed->path), problem.message);
            }
            by_content_.emplace(std::string_view(*buffer), embedded);
            by_buffer_.emplace(buffer, embedded);
        }
    }
    if (problems.has_errors()) throw LettrineError(ErrorKind::Io, std::move(problems));
}

EmbeddedImage& DocumentImages::get(const PlacedImage& image) {
    return *by_buffer_.at(image.bytes.get());
}

}  // namespace lettrine::pdf
