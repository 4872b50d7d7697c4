#include "markup/document_walk.hpp"

#include <type_traits>

namespace lettrine {

void for_each_block(std::vector<Block>& blocks, const std::function<void(Block&)>& visit) {
    for (Block& b : blocks) {
        visit(b);
        std::visit(
            [&](auto& c) {
                using T = std::decay_t<decltype(c)>;
                if constexpr (std::is_same_v<T, List>) {
                    for (ListItem& item : c.items) for_each_block(item.content, visit);
                } else if constexpr (std::is_same_v<T, Table>) {
                    for (TableRow& row : c.rows)
                        for (TableCell& cell : row.cells) for_each_block(cell.content, visit);
                } else if constexpr (std::is_same_v<T, Box> || std::is_same_v<T, Positioned>) {
                    for_each_block(c.content, visit);
                } else if constexpr (std::is_same_v<T, Columns>) {
                    for (Column& column : c.columns) for_each_block(column.content, visit);
                }
            },
            b.content);
    }
}

void for_each_inline(std::vector<Block>& blocks, const std::function<void(Inline&)>& visit) {
    for_each_block(blocks, [&](Block& b) {
        if (auto* p = std::get_if<Paragraph>(&b.content))
            for (Inline& in : p->inlines) visit(in);
    });
}

}  // namespace lettrine
