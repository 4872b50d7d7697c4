#pragma once
// Walking a document tree to change it: every block, at any depth (list
// items, table cells, boxes, positioned blocks, columns), and every inline of
// every paragraph. For programs that compose documents as trees (the rapport
// makes each note a chapter) instead of rewriting markup text.
#include <functional>
#include <vector>

#include "markup/document.hpp"

namespace lettrine {

// Calls `visit` on each block of `blocks` and of the blocks they contain,
// parents before children, in document order.
void for_each_block(std::vector<Block>& blocks, const std::function<void(Block&)>& visit);

// Calls `visit` on each inline of each paragraph of `blocks`, at any depth.
void for_each_inline(std::vector<Block>& blocks, const std::function<void(Inline&)>& visit);

}  // namespace lettrine
