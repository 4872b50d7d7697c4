#pragma once
// Helpers for the PDF writer's tests: laid-out glyph runs built from real
// fonts, tiny PNG/JPEG images made on the spot, and the external tools
// (poppler, qpdf, pdfminer) that read the written files back.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <boost/filesystem.hpp>

#include "layout/pages.hpp"
#include "support/process.hpp"

namespace lettrine::pdf_test {

// `text` set in `font` from (x, y) (left end of the baseline), each glyph at
// the font's own advance (no kerning), one PlacedGlyph per character.
GlyphRun text_run(const std::shared_ptr<const Font>& font, double size, double x, double y,
                  const std::string& text);

// The same run, justified to `width`: the slack is shared among its U+0020 spaces.
GlyphRun justified_run(const std::shared_ptr<const Font>& font, double size, double x, double y,
                       const std::string& text, double width);

// Runs a shell command (tests/support); returns its standard output.
// `status` gets the exit status.
inline std::string run_command(const std::string& command, int* status = nullptr) {
    test_support::CommandResult result = test_support::run_command(command);
    if (status) *status = result.code;
    return result.out;
}

// A fresh directory under the system's temporary directory, removed on destruction.
class ScratchDirectory {
public:
    ScratchDirectory();
    ~ScratchDirectory();
    ScratchDirectory(const ScratchDirectory&) = delete;
    ScratchDirectory& operator=(const ScratchDirectory&) = delete;
    // Writes `bytes` to `name` in the directory; returns the full path.
    std::string write(const std::string& name, const std::string& bytes) const;
    std::string path(const std::string& name) const { return (root_ / name).string(); }

private:
    boost::filesystem::path root_;
};

struct Rgba {
    uint8_t r = 0, g = 0, b = 0, a = 255;
};

// An 8-bit RGBA PNG (zlib-compressed, no filtering), pixel(x, y) gives each pixel.
std::string make_png(int width, int height, const std::function<Rgba(int, int)>& pixel);
// A baseline RGB JPEG of one colour (libjpeg, quality 95).
std::string make_jpeg(int width, int height, uint8_t r, uint8_t g, uint8_t b);

// Pixels of a binary PPM (P6) image, as written by `pdftoppm`.
struct Raster {
    int width = 0, height = 0;
    std::vector<uint8_t> rgb;
    Rgba at(int x, int y) const;
};
Raster read_ppm(const std::string& path);

// A word box from `pdftotext -bbox`: top-left origin, points.
struct WordBox {
    std::string text;
    double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
};
std::vector<WordBox> word_boxes(const std::string& pdf_path);

}  // namespace lettrine::pdf_test
