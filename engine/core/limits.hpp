#pragma once
// Limits shared by stages that do not depend on one another: one number in
// one place, so that what one stage accepts the next can always take.
#include <cstddef>

namespace lettrine {

// The most pages an external PDF may bring into a document: what the import
// helper reads (ImportLimits::max_pages), what <pages-reservees nombre> can
// reserve for it, and what the messages and docs/IMPORT-PDF.md announce.
inline constexpr std::size_t kMaxExternalPdfPages = 2000;

}  // namespace lettrine
