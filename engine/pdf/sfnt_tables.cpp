#include "pdf/sfnt_tables.hpp"

#include <cstdint>

namespace lettrine::pdf {

namespace {

struct Reader {
    const std::string& bytes;
    bool has(std::size_t offset, std::size_t size) const {
        return offset <= bytes.size() && size <= bytes.size() - offset;
    }
    uint32_t u8(std::size_t at) const { return static_cast<unsigned char>(bytes[at]); }
    uint32_t u16(std::size_t at) const { return u8(at) << 8 | u8(at + 1); }
    int32_t s16(std::size_t at) const { return static_cast<int16_t>(static_cast<uint16_t>(u16(at))); }
    uint32_t u32(std::size_t at) const { return u16(at) << 16 | u16(at + 2); }
};

struct Table {
    std::size_t offset = 0, length = 0;
    bool found = false;
};

}  // namespace

SfntTables read_sfnt_tables(const std::string& font_file) {
    SfntTables result;
    Reader in{font_file};
    if (!in.has(0, 12)) return result;
    const std::size_t table_count = in.u16(4);
    Table post, os2;
    for (std::size_t i = 0; i < table_count; ++i) {
        const std::size_t record = 12 + 16 * i;
        if (!in.has(record, 16)) break;
        const std::string tag = font_file.substr(record, 4);
        Table table{in.u32(record + 8), in.u32(record + 12), true};
        if (!in.has(table.offset, table.length)) continue;
        if (tag == "post") post = table;
        else if (tag == "OS/2") os2 = table;
        else if (tag == "CFF " || tag == "CFF2") result.cff_outlines = true;
        else if (tag == "glyf") result.has_glyf = true;
    }
    if (post.found && post.length >= 16) {
        result.underline_position = in.s16(post.offset + 8);
        result.underline_thickness = in.s16(post.offset + 10);
        result.fixed_pitch = in.u32(post.offset + 12) != 0;
    }
    if (os2.found && os2.length >= 32) {
        result.weight_class = static_cast<int>(in.u16(os2.offset + 4));
        result.family_class = in.s16(os2.offset + 30);
        if (in.u16(os2.offset) >= 2 && os2.length >= 90) result.x_height = in.s16(os2.offset + 86);
    }
    return result;
}

}  // namespace lettrine::pdf
