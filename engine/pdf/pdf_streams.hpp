#pragma once
// Stream objects with FlateDecode data compressed here (zlib), at a level
// chosen for speed: PoDoFo's own filter always deflates at zlib's default.
#include <podofo/podofo.h>

#include <string>

namespace lettrine::pdf {

// zlib level for content streams, font programs and maps. Measured on a
// 500-page text document (thread CPU time of write_pdf): level 1 takes
// 0.11 ms/page, level 3 0.12, level 6 (zlib's default, PoDoFo's filter)
// 0.16, and no compression 0.26 (PoDoFo then copies 14 times more bytes);
// level 1 files are about 3 % larger than level 6 ones.
constexpr int kDeflateLevel = 1;

// Sets `object`'s stream to `data`, deflated, with /Filter /FlateDecode.
void set_deflated_stream(PoDoFo::PdfObject* object, const std::string& data, int level = kDeflateLevel);

}  // namespace lettrine::pdf
