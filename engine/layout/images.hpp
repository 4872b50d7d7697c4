#pragma once
// Image files for the layout: their pixel size, read from the PNG IHDR chunk
// or the JPEG SOFn marker (no decoding), and their bytes, read once per
// process and shared by every document that uses them.
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace lettrine {

struct ImageSize {
    int width = 0, height = 0;  // pixels
};

enum class ImageFormat { Png, Jpeg };

struct ImageInfo {
    ImageFormat format = ImageFormat::Png;
    ImageSize size;
};

// Reads the format and pixel size from the first bytes of a PNG or JPEG
// file; nullopt when the bytes are neither (or are truncated).
std::optional<ImageInfo> read_image_info(const std::string& bytes);

struct LoadedImage {
    std::string path;                            // resolved path
    std::shared_ptr<const std::string> bytes;
    ImageInfo info;
};

// Thread-safe cache of image files by resolved path.
class ImageCache {
public:
    // nullptr and a French reason in `problem` when the file is missing or unreadable.
    std::shared_ptr<const LoadedImage> load(const std::string& path, std::string& problem);

private:
    std::mutex mutex_;
    std::map<std::string, std::shared_ptr<const LoadedImage>> images_;
};

}  // namespace lettrine
