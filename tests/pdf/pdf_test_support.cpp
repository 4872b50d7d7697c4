#include "pdf_test_support.hpp"

#include <jpeglib.h>
#include <unistd.h>
#include <zlib.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "core/text.hpp"

namespace lettrine::pdf_test {

GlyphRun text_run(const std::shared_ptr<const Font>& font, double size, double x, double y,
                  const std::string& text) {
    GlyphRun run;
    run.font = font;
    run.size = size;
    run.x = x;
    run.y = y;
    double pen = 0;
    for (char32_t c : utf8_to_u32(text)) {
        PlacedGlyph glyph;
        glyph.glyph = font->glyph_for(c);
        glyph.text = std::u32string(1, c);
        glyph.x = pen;
        glyph.advance = font->advance_points(c, size);
        pen += glyph.advance;
        run.glyphs.push_back(glyph);
    }
    return run;
}

GlyphRun justified_run(const std::shared_ptr<const Font>& font, double size, double x, double y,
                       const std::string& text, double width) {
    GlyphRun run = text_run(font, size, x, y, text);
    int spaces = 0;
    for (const auto& g : run.glyphs) spaces += g.text == U" ";
    const auto& last = run.glyphs.back();
    const double slack = width - (last.x + last.advance);
    const double extra = spaces ? slack / spaces : 0;
    double shift = 0;
    for (auto& g : run.glyphs) {
        g.x += shift;
        if (g.text == U" ") {
            g.advance += extra;
            shift += extra;
        }
    }
    return run;
}

ScratchDirectory::ScratchDirectory() {
    static std::atomic<int> counter{0};
    root_ = boost::filesystem::temp_directory_path() /
            ("lettrine-pdf-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    boost::filesystem::create_directories(root_);
}

ScratchDirectory::~ScratchDirectory() {
    boost::system::error_code ignored;
    boost::filesystem::remove_all(root_, ignored);
}

std::string ScratchDirectory::write(const std::string& name, const std::string& bytes) const {
    const std::string full = path(name);
    std::ofstream out(full, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + full);
    return full;
}

namespace {

void append_be32(std::string& out, uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((value >> shift) & 0xFF);
}

void append_chunk(std::string& png, const char* type, const std::string& data) {
    append_be32(png, static_cast<uint32_t>(data.size()));
    const std::string body = std::string(type, 4) + data;
    png += body;
    append_be32(png, static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(body.data()),
                                                   static_cast<uInt>(body.size()))));
}

}  // namespace

std::string make_png(int width, int height, const std::function<Rgba(int, int)>& pixel) {
    std::string raw;
    for (int y = 0; y < height; ++y) {
        raw += '\0';  // filter: none
        for (int x = 0; x < width; ++x) {
            const Rgba p = pixel(x, y);
            raw += static_cast<char>(p.r);
            raw += static_cast<char>(p.g);
            raw += static_cast<char>(p.b);
            raw += static_cast<char>(p.a);
        }
    }
    uLongf size = compressBound(static_cast<uLong>(raw.size()));
    std::string deflated(size, '\0');
    compress(reinterpret_cast<Bytef*>(&deflated[0]), &size, reinterpret_cast<const Bytef*>(raw.data()),
             static_cast<uLong>(raw.size()));
    deflated.resize(size);

    std::string header;
    append_be32(header, static_cast<uint32_t>(width));
    append_be32(header, static_cast<uint32_t>(height));
    header += std::string("\x08\x06\x00\x00\x00", 5);  // 8 bits, RGBA, deflate, no filter, no interlace
    std::string png("\x89PNG\r\n\x1a\n", 8);
    append_chunk(png, "IHDR", header);
    append_chunk(png, "IDAT", deflated);
    append_chunk(png, "IEND", "");
    return png;
}

std::string make_jpeg(int width, int height, uint8_t r, uint8_t g, uint8_t b) {
    jpeg_compress_struct info;
    jpeg_error_mgr errors;
    info.err = jpeg_std_error(&errors);
    jpeg_create_compress(&info);
    unsigned char* buffer = nullptr;
    unsigned long size = 0;
    jpeg_mem_dest(&info, &buffer, &size);
    info.image_width = static_cast<JDIMENSION>(width);
    info.image_height = static_cast<JDIMENSION>(height);
    info.input_components = 3;
    info.in_color_space = JCS_RGB;
    jpeg_set_defaults(&info);
    jpeg_set_quality(&info, 95, TRUE);
    jpeg_start_compress(&info, TRUE);
    std::vector<unsigned char> row(static_cast<std::size_t>(width) * 3);
    for (int x = 0; x < width; ++x) {
        row[3 * x] = r;
        row[3 * x + 1] = g;
        row[3 * x + 2] = b;
    }
    while (info.next_scanline < info.image_height) {
        JSAMPROW rows[1] = {row.data()};
        jpeg_write_scanlines(&info, rows, 1);
    }
    jpeg_finish_compress(&info);
    jpeg_destroy_compress(&info);
    std::string jpeg(reinterpret_cast<const char*>(buffer), size);
    free(buffer);
    return jpeg;
}

Rgba Raster::at(int x, int y) const {
    const std::size_t i = (static_cast<std::size_t>(y) * width + x) * 3;
    return Rgba{rgb[i], rgb[i + 1], rgb[i + 2], 255};
}

Raster read_ppm(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string magic;
    int max = 0;
    Raster raster;
    in >> magic >> raster.width >> raster.height >> max;
    in.get();
    if (magic != "P6" || max != 255) throw std::runtime_error("not a P6 image: " + path);
    raster.rgb.resize(static_cast<std::size_t>(raster.width) * raster.height * 3);
    in.read(reinterpret_cast<char*>(raster.rgb.data()), static_cast<std::streamsize>(raster.rgb.size()));
    return raster;
}

std::vector<WordBox> word_boxes(const std::string& pdf_path) {
    const std::string html = run_command("pdftotext -bbox '" + pdf_path + "' -");
    static const std::regex word(
        R"re(<word xMin="([-0-9.]+)" yMin="([-0-9.]+)" xMax="([-0-9.]+)" yMax="([-0-9.]+)">([^<]*)</word>)re");
    std::vector<WordBox> boxes;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), word); it != std::sregex_iterator(); ++it) {
        const auto& m = *it;
        boxes.push_back(WordBox{m[5].str(), std::stod(m[1].str()), std::stod(m[2].str()), std::stod(m[3].str()),
                                std::stod(m[4].str())});
    }
    return boxes;
}

}  // namespace lettrine::pdf_test
