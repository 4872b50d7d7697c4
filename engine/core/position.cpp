#include "core/position.hpp"

namespace lettrine {

std::string SourcePosition::describe() const {
    std::string text = file;
    if (!sheet.empty()) {
        text += (text.empty() ? "" : ", ");
        text += "feuille « " + sheet + " »";
        if (!cell.empty()) text += ", cellule " + cell;
    } else if (line > 0) {
        text += ":" + std::to_string(line);
        if (column > 0) text += ":" + std::to_string(column);
    }
    return text;
}

std::string cell_reference(int row, int column) {
    std::string letters;
    for (int c = column + 1; c > 0; c = (c - 1) / 26)
        letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    return letters + std::to_string(row + 1);
}

LineColumn line_column_at(const std::string& text, std::size_t byte_offset) {
    LineColumn lc;
    const std::size_t end = byte_offset < text.size() ? byte_offset : text.size();
    for (std::size_t i = 0; i < end; ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') { ++lc.line; lc.column = 1; }
        else if ((c & 0xC0) != 0x80) ++lc.column;  // count code points, not continuation bytes
    }
    return lc;
}

}  // namespace lettrine
