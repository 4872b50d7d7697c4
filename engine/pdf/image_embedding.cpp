#include "pdf/image_embedding.hpp"

#include <png.h>

#include <cstring>
#include <mutex>
#include <string_view>

#include "core/diagnostic.hpp"
#include "pdf/pdf_streams.hpp"
#include "pdf/pdf_syntax.hpp"

namespace lettrine::pdf {

namespace {

// About an A4 page at 1000 dpi: far beyond any print need; protects memory
// from decompression bombs.
constexpr std::size_t kMaxImagePixels = 100'000'000;

bool starts_with(const std::string& bytes, const char* signature, std::size_t length) {
    return bytes.size() >= length && std::memcmp(bytes.data(), signature, length) == 0;
}

std::string image_dictionary(unsigned width, unsigned height, const char* color_space) {
    std::string d = " /Type /XObject /Subtype /Image /Width ";
    append_integer(d, width);
    d += " /Height ";
    append_integer(d, height);
    d += " /ColorSpace /";
    d += color_space;
    d += " /BitsPerComponent 8";
    return d;
}

std::shared_ptr<const EncodedImage> flate_image(unsigned width, unsigned height, const char* color_space,
                                                const std::vector<unsigned char>& samples) {
    auto image = std::make_shared<EncodedImage>();
    image->dictionary = image_dictionary(width, height, color_space) + " /Filter /FlateDecode";
    image->data = deflate_bytes(std::string_view(reinterpret_cast<const char*>(samples.data()), samples.size()),
                                kImageDeflateLevel);
    return image;
}

// PNG: decoded to 8-bit gray or RGB, alpha (and tRNS) split into a soft mask.
std::shared_ptr<const EncodedImage> encode_png(const std::string& bytes, std::string& problem) {
    png_image png;
    std::memset(&png, 0, sizeof png);
    png.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&png, bytes.data(), bytes.size())) {
        problem = std::string("image PNG illisible (") + png.message + ")";
        return nullptr;
    }
    const bool color = (png.format & PNG_FORMAT_FLAG_COLOR) != 0;
    const bool alpha = (png.format & PNG_FORMAT_FLAG_ALPHA) != 0;
    if (std::size_t{png.width} * png.height > kMaxImagePixels) {
        problem = "image PNG trop grande (plus de 100 millions de pixels)";
        png_image_free(&png);
        return nullptr;
    }
    png.format = color ? (alpha ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB) : (alpha ? PNG_FORMAT_GA : PNG_FORMAT_GRAY);
    std::vector<unsigned char> pixels(PNG_IMAGE_SIZE(png));
    if (!png_image_finish_read(&png, nullptr, pixels.data(), 0, nullptr)) {
        problem = std::string("image PNG illisible (") + png.message + ")";
        png_image_free(&png);
        return nullptr;
    }
    const unsigned width = png.width, height = png.height;
    const std::size_t count = std::size_t{width} * height;
    const std::size_t channels = color ? 3 : 1;
    const char* space = color ? "DeviceRGB" : "DeviceGray";
    if (!alpha) return flate_image(width, height, space, pixels);

    std::vector<unsigned char> samples(count * channels), mask(count);
    bool opaque = true;
    const std::size_t stride = channels + 1;
    for (std::size_t i = 0; i < count; ++i) {
        std::memcpy(&samples[i * channels], &pixels[i * stride], channels);
        mask[i] = pixels[i * stride + channels];
        opaque = opaque && mask[i] == 255;
    }
    auto image = std::const_pointer_cast<EncodedImage>(flate_image(width, height, space, samples));
    if (!opaque) image->soft_mask = flate_image(width, height, "DeviceGray", mask);
    return image;
}

// JPEG: the frame header gives size and components; the data is embedded as
// it is (DCTDecode). Adobe CMYK JPEGs store inverted values.
std::shared_ptr<const EncodedImage> encode_jpeg(const std::string& bytes, std::string& problem) {
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
        problem = "image JPEG illisible (en-tête de trame absent ou non pris en charge)";
        return nullptr;
    }
    auto image = std::make_shared<EncodedImage>();
    image->dictionary = image_dictionary(width, height,
                                         components == 1   ? "DeviceGray"
                                         : components == 3 ? "DeviceRGB"
                                                           : "DeviceCMYK");
    if (components == 4 && adobe) image->dictionary += " /Decode [1 0 1 0 1 0 1 0]";
    image->dictionary += " /Filter /DCTDecode";
    image->data = bytes;
    return image;
}

std::shared_ptr<const EncodedImage> encode_uncached(const std::string& bytes, std::string& problem) {
    if (starts_with(bytes, "\x89PNG\r\n\x1a\n", 8)) return encode_png(bytes, problem);
    if (starts_with(bytes, "\xFF\xD8\xFF", 3)) return encode_jpeg(bytes, problem);
    problem = "format d’image non pris en charge (PNG ou JPEG attendu)";
    return nullptr;
}

struct CachedImage {
    std::shared_ptr<const std::string> bytes;  // owns the key's characters
    std::shared_ptr<const EncodedImage> image;
    std::string problem;
};

}  // namespace

std::shared_ptr<const EncodedImage> encode_image(const std::shared_ptr<const std::string>& bytes,
                                                 std::string& problem) {
    // By buffer first (the layout shares one buffer per image file), then by
    // content. Entries are never removed: their buffers stay alive, so an
    // address is never reused by other bytes. Encoding happens under the
    // lock: each image is encoded once, and there are few.
    static std::mutex mutex;
    static std::unordered_map<const std::string*, std::shared_ptr<CachedImage>> by_buffer;
    static std::unordered_map<std::string_view, std::shared_ptr<CachedImage>> by_content;
    std::lock_guard<std::mutex> lock(mutex);
    auto known = by_buffer.find(bytes.get());
    if (known == by_buffer.end()) {
        auto same = by_content.find(std::string_view(*bytes));
        std::shared_ptr<CachedImage> entry;
        if (same != by_content.end()) {
            entry = same->second;
        } else {
            entry = std::make_shared<CachedImage>();
            entry->bytes = bytes;
            entry->image = encode_uncached(*bytes, entry->problem);
            by_content.emplace(std::string_view(*entry->bytes), entry);
        }
        known = by_buffer.emplace(bytes.get(), entry).first;
        if (entry->bytes != bytes) {
            // Keep this buffer alive too: its address is now a key.
            auto alias = std::make_shared<CachedImage>(*entry);
            alias->bytes = bytes;
            known->second = alias;
        }
    }
    problem = known->second->problem;
    return known->second->image;
}

void DocumentImages::prepare(const std::vector<LaidOutPage>& pages) {
    Diagnostics problems;
    std::unordered_map<const std::string*, bool> reported;
    for (const LaidOutPage& page : pages) {
        for (const PageItem& item : page.items) {
            const auto* placed = std::get_if<PlacedImage>(&item);
            if (!placed) continue;
            const std::string* buffer = placed->bytes.get();
            if (encoded_.count(buffer) || reported.count(buffer)) continue;
            if (!buffer) {
                problems.error(SourcePosition::in_file(placed->path), "le contenu de l’image n’a pas été lu");
                reported.emplace(buffer, true);
                continue;
            }
            std::string problem;
            auto encoded = encode_image(placed->bytes, problem);
            if (!encoded) {
                problems.error(SourcePosition::in_file(placed->path), problem);
                reported.emplace(buffer, true);
                continue;
            }
            keep_alive_.push_back(placed->bytes);
            encoded_.emplace(buffer, std::move(encoded));
        }
    }
    if (problems.has_errors()) throw LettrineError(ErrorKind::Io, std::move(problems));
}

uint32_t DocumentImages::write(const EncodedImage& image) {
    const uint32_t object = file_.allocate();
    std::string dictionary = image.dictionary;
    if (image.soft_mask) {
        const uint32_t mask = file_.allocate();
        file_.write_stream(mask, image.soft_mask->dictionary, image.soft_mask->data);
        dictionary += " /SMask ";
        append_reference(dictionary, mask);
    }
    file_.write_stream(object, dictionary, image.data);
    return object;
}

EmbeddedImage& DocumentImages::get(const PlacedImage& image) {
    const std::string* buffer = image.bytes.get();
    auto known = by_buffer_.find(buffer);
    if (known != by_buffer_.end()) return *known->second;
    const EncodedImage* encoded = encoded_.at(buffer).get();
    auto same = by_encoding_.find(encoded);
    if (same == by_encoding_.end()) {
        images_.push_back(std::make_unique<EmbeddedImage>(
            EmbeddedImage{"Im" + std::to_string(images_.size() + 1), write(*encoded), 0}));
        same = by_encoding_.emplace(encoded, images_.back().get()).first;
    }
    by_buffer_.emplace(buffer, same->second);
    return *same->second;
}

}  // namespace lettrine::pdf
