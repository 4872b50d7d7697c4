#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "core/diagnostic.hpp"
#include "layout/images.hpp"
#include "layout_test_support.hpp"

using namespace lettrine;
using namespace lettrine::testing;

namespace {

// The signature and IHDR chunk of a PNG of the given size (enough for its header).
std::string png_header(uint32_t w, uint32_t h) {
    std::string b("\x89PNG\r\n\x1a\n", 8);
    b += std::string("\0\0\0\x0d", 4) + "IHDR";
    for (uint32_t v : {w, h})
        for (int s = 24; s >= 0; s -= 8) b += static_cast<char>((v >> s) & 0xFF);
    b += std::string("\x08\x02\0\0\0", 5);  // 8-bit RGB
    b += std::string("\0\0\0\0", 4);        // CRC (not checked here)
    return b;
}

// SOI, an APP0 segment, then a baseline SOF0 frame header.
std::string jpeg_header(uint16_t w, uint16_t h) {
    std::string b("\xFF\xD8", 2);
    b += std::string("\xFF\xE0\x00\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0", 18);
    b += std::string("\xFF\xC0\x00\x11\x08", 5);
    b += static_cast<char>(h >> 8); b += static_cast<char>(h & 0xFF);
    b += static_cast<char>(w >> 8); b += static_cast<char>(w & 0xFF);
    b += std::string("\x03\x01\x22\0\x02\x11\x01\x03\x11\x01", 10);
    return b;
}

}  // namespace

TEST(Images, ReadsPngAndJpegSizes) {
    const auto png = read_image_info(png_header(640, 480));
    ASSERT_TRUE(png);
    EXPECT_EQ(png->format, ImageFormat::Png);
    EXPECT_EQ(png->size.width, 640);
    EXPECT_EQ(png->size.height, 480);
    const auto jpeg = read_image_info(jpeg_header(300, 1200));
    ASSERT_TRUE(jpeg);
    EXPECT_EQ(jpeg->format, ImageFormat::Jpeg);
    EXPECT_EQ(jpeg->size.width, 300);
    EXPECT_EQ(jpeg->size.height, 1200);
    EXPECT_FALSE(read_image_info("GIF89a......................"));
    EXPECT_FALSE(read_image_info(png_header(640, 480).substr(0, 20)));
}

TEST(Images, PlacedWithTheirAspectRatio) {
    const std::string dir = LETTRINE_BINARY_DIR "/tests/layout";
    std::ofstream(dir + "/logo-test.png", std::ios::binary) << png_header(400, 100);
    std::ofstream(dir + "/photo-test.jpg", std::ios::binary) << jpeg_header(200, 300);
    LayoutOptions options;
    options.image_directory = dir;
    const LaidOutDocument doc = lay_out(
        "<document marges=\"20mm\"><image src=\"logo-test.png\" largeur=\"40mm\"/>"
        "<image src=\"photo-test.jpg\" hauteur=\"30mm\" align=\"droite\"/></document>",
        options);
    std::vector<const PlacedImage*> images;
    for (const PageItem& item : doc.pages.at(0).items)
        if (const auto* i = std::get_if<PlacedImage>(&item)) images.push_back(i);
    ASSERT_EQ(images.size(), 2u);
    EXPECT_NEAR(images[0]->width, mm(40), 1e-9);
    EXPECT_NEAR(images[0]->height, mm(10), 1e-9);
    EXPECT_NEAR(images[0]->x, mm(20), 1e-9);
    EXPECT_NEAR(images[0]->y, mm(20), 1e-9);
    EXPECT_EQ(*images[0]->bytes, png_header(400, 100));
    EXPECT_NEAR(images[1]->width, mm(20), 1e-9);
    EXPECT_NEAR(images[1]->x + images[1]->width, mm(190), 1e-9);
    EXPECT_NEAR(images[1]->y, mm(30), 1e-9);
}

// Issue 16: an image outside the template's folder, its project and the
// defaults is never read, whatever its path.
TEST(Images, AnImageOutsideTheResourceFoldersIsAPositionedError) {
    const std::string dir = LETTRINE_BINARY_DIR "/tests/layout";
    LayoutOptions options;
    options.image_directory = dir;
    for (const std::string& src : {std::string("/dev/zero"), std::string("/etc/passwd"), std::string("../../../../../../etc/passwd")}) {
        try {
            lay_out("<document>\n<image src=\"" + src + "\"/></document>", options);
            FAIL() << "no error for " << src;
        } catch (const LettrineError& e) {
            EXPECT_EQ(e.kind(), ErrorKind::Template);
            EXPECT_NE(std::string(e.what()).find("test.xml:2:1 : l’image « " + src + " » ne peut pas être utilisée : "
                                                 "ce fichier est hors des dossiers"),
                      std::string::npos)
                << e.what();
        }
    }
}

TEST(Images, MissingFileIsAPositionedError) {
    LayoutOptions options;
    options.image_directory = "/nonexistent";
    try {
        lay_out("<document>\n<image src=\"absent.png\"/></document>", options);
        FAIL() << "no error";
    } catch (const LettrineError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Template);
        EXPECT_EQ(std::string(e.what()).rfind("test.xml:2:1 : l’image « absent.png » ne peut pas être utilisée : "
                                              "fichier introuvable (cherché dans : ",
                                              0),
                  0u)
            << e.what();
    }
}
