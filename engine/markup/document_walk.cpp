#include "markup/document_walk.hpp"

#include <type_traits>

namespace lettrine {

namespace {

// Both walks, for a tree to change and a tree to read.
template <typename Blocks, typename Visit>
void walk_blocks(Blocks& blocks, const Visit& visit) {
    for (auto& b : blocks) {
        visit(b);
        std::visit(
            [&](auto& c) {
                using T = std::decay_t<decltype(c)>;
                if constexpr (std::is_same_v<T, List>) {
                    for (auto& item : c.items) walk_blocks(item.content, visit);
                } else if constexpr (std::is_same_v<T, Table>) {
                    for (auto& row : c.rows)
                        for (auto& cell : row.cells) walk_blocks(cell.content, visit);
                } else if constexpr (std::is_same_v<T, Box> || std::is_same_v<T, Positioned>) {
                    walk_blocks(c.content, visit);
                } else if constexpr (std::is_same_v<T, Columns>) {
                    for (auto& column : c.columns) walk_blocks(column.content, visit);
                }
            },
            b.content);
    }
}

}  // namespace

void for_each_block(std::vector<Block>& blocks, const std::function<void(Block&)>& visit) {
    walk_blocks(blocks, visit);
}

void for_each_block(const std::vector<Block>& blocks, const std::function<void(const Block&)>& visit) {
    walk_blocks(blocks, visit);
}

void for_each_inline(std::vector<Block>& blocks, const std::function<void(Inline&)>& visit) {
    for_each_block(blocks, [&](Block& b) {
        if (auto* p = std::get_if<Paragraph>(&b.content))
            for (Inline& in : p->inlines) visit(in);
    });
}


std::vector<ListedHeading> listed_headings(const Document& document) {
    std::vector<ListedHeading> headings;
    for_each_block(document.body, [&](const Block& b) {
        if (const auto* p = std::get_if<Paragraph>(&b.content); p && p->level > 0 && p->in_contents) {
            std::string title;
            for (const Inline& in : p->inlines) {
                if (in.kind == InlineKind::Text) title += in.text;
                else if (in.kind == InlineKind::LineBreak) title += ' ';
            }
            headings.push_back({&b, std::move(title), p->level});
        } else if (const auto* m = std::get_if<OutlineMarker>(&b.content); m && m->in_contents) {
            headings.push_back({&b, m->title, m->level});
        }
    });
    return headings;
}

bool shows_page_numbers(const Document& document) {
    bool shows = false;
    const auto look = [&](const Block& b) {
        if (std::holds_alternative<ContentsTable>(b.content)) shows = true;
        if (const auto* p = std::get_if<Paragraph>(&b.content))
            for (const Inline& in : p->inlines)
                if (in.kind == InlineKind::PageReference) shows = true;
    };
    for_each_block(document.body, look);
    for (const PageFurniture& f : document.headers) for_each_block(f.content, look);
    for (const PageFurniture& f : document.footers) for_each_block(f.content, look);
    return shows;
}

}  // namespace lettrine
