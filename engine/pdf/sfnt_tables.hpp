#pragma once
// The few values a PDF font descriptor needs that lettrine::Font does not
// expose, read straight from the font file's 'post' and 'OS/2' tables
// (OpenType specification, "post" and "OS/2" chapters).
#include <string>

namespace lettrine::pdf {

struct SfntTables {
    // 'post': top of the underline from the baseline (negative: below) and its
    // thickness, font units; monospaced font.
    int underline_position = 0;
    int underline_thickness = 0;
    bool fixed_pitch = false;
    // 'OS/2': weight class (400 regular, 700 bold), IBM family class (high
    // byte 1..7, 10: serif families), x-height (0 when absent).
    int weight_class = 400;
    int family_class = 0;
    int x_height = 0;
    // Outlines in a 'CFF ' / 'CFF2' table rather than 'glyf'.
    bool cff_outlines = false;
    bool has_glyf = false;
};

// Reads what is present; absent tables leave the defaults. Never throws: a
// truncated table is ignored.
SfntTables read_sfnt_tables(const std::string& font_file);

}  // namespace lettrine::pdf
