#include "layout/images.hpp"

#include "core/diagnostic.hpp"
#include "core/output_files.hpp"
#include "core/resources.hpp"

namespace lettrine {

namespace {

uint32_t big_endian(const std::string& b, std::size_t at, int bytes) {
    uint32_t v = 0;
    for (int k = 0; k < bytes; ++k) v = (v << 8) | static_cast<unsigned char>(b[at + static_cast<std::size_t>(k)]);
    return v;
}

}  // namespace

std::optional<ImageInfo> read_image_info(const std::string& b) {
    static const char png_signature[] = "\x89PNG\r\n\x1a\n";
    if (b.size() >= 24 && b.compare(0, 8, png_signature, 8) == 0 && b.compare(12, 4, "IHDR") == 0) {
        ImageInfo info{ImageFormat::Png, {static_cast<int>(big_endian(b, 16, 4)), static_cast<int>(big_endian(b, 20, 4))}};
        if (info.size.width > 0 && info.size.height > 0) return info;
        return std::nullopt;
    }
    if (b.size() >= 4 && static_cast<unsigned char>(b[0]) == 0xFF && static_cast<unsigned char>(b[1]) == 0xD8) {
        std::size_t i = 2;
        while (i + 4 <= b.size()) {
            if (static_cast<unsigned char>(b[i]) != 0xFF) return std::nullopt;
            const unsigned marker = static_cast<unsigned char>(b[i + 1]);
            if (marker == 0xFF) { ++i; continue; }  // fill byte
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { i += 2; continue; }
            const uint32_t length = big_endian(b, i + 2, 2);
            // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                if (i + 9 > b.size()) return std::nullopt;
                ImageInfo info{ImageFormat::Jpeg,
                               {static_cast<int>(big_endian(b, i + 7, 2)), static_cast<int>(big_endian(b, i + 5, 2))}};
                if (info.size.width > 0 && info.size.height > 0) return info;
                return std::nullopt;
            }
            if (marker == 0xD9 || marker == 0xDA || length < 2) return std::nullopt;
            i += 2 + length;
        }
    }
    return std::nullopt;
}

std::shared_ptr<const LoadedImage> ImageCache::load(const std::string& path, std::string& problem) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        auto it = images_.find(path);
        if (it != images_.end()) return it->second;
    }
    std::shared_ptr<const std::string> bytes;
    try {
        bytes = std::make_shared<const std::string>(read_file(path, kMaxResourceBytes));
    } catch (const LettrineError& e) {
        problem = e.diagnostics().items().front().message;
        return nullptr;
    }
    const auto info = read_image_info(*bytes);
    if (!info) {
        problem = "ce fichier n’est ni une image PNG ni une image JPEG lisible";
        return nullptr;
    }
    auto image = std::make_shared<const LoadedImage>(LoadedImage{path, bytes, *info});
    std::lock_guard<std::mutex> lock(mutex_);
    return images_.emplace(path, image).first->second;
}

}  // namespace lettrine
