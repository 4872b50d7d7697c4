#pragma once
// Walking a document tree to change it: every block, at any depth (list
// items, table cells, boxes, positioned blocks, columns), and every inline of
// every paragraph. For programs that compose documents as trees (the rapport
// makes each note a chapter) instead of rewriting markup text.
#include <functional>
#include <string>
#include <vector>

#include "markup/document.hpp"

namespace lettrine {

// Calls `visit` on each block of `blocks` and of the blocks they contain,
// parents before children, in document order.
void for_each_block(std::vector<Block>& blocks, const std::function<void(Block&)>& visit);

// The same, to read the tree.
void for_each_block(const std::vector<Block>& blocks, const std::function<void(const Block&)>& visit);

// Calls `visit` on each inline of each paragraph of `blocks`, at any depth.
void for_each_inline(std::vector<Block>& blocks, const std::function<void(Inline&)>& visit);

// A line of a <table-matieres>: a heading (Paragraph of level ≥ 1) or a
// <signet> of the body that does not say sommaire="non". One list for the
// layout, which prints their pages, and for the editable writers, which are
// given those pages in this order (EditableInputs::contents_pages).
struct ListedHeading {
    const Block* block = nullptr;
    std::string title;  // its text, a <br/> as a space
    int level = 1;
};

// Every heading a contents lists, at any depth of the body, in document
// order, whatever the contents' own `levels` (it filters them).
std::vector<ListedHeading> listed_headings(const Document& document);

// Whether the document prints numbers only pagination gives: a
// <table-matieres> or a <renvoi-page>, in the body or its furniture.
bool shows_page_numbers(const Document& document);

}  // namespace lettrine
