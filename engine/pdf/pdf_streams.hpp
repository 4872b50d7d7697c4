#pragma once
// FlateDecode data (zlib), compressed at a level chosen for speed.
#include <string>
#include <string_view>

namespace lettrine::pdf {

// zlib level for content streams, font programs and maps. Measured on a
// 500-page text document (thread CPU time of write_pdf): level 1 takes
// 0.11 ms/page, level 3 0.12, level 6 (zlib's default) 0.16, and no
// compression 0.26 (the writer then copies 14 times more bytes); level 1
// files are about 3 % larger than level 6 ones.
constexpr int kDeflateLevel = 1;
// Images are compressed once per process (image_embedding.hpp): the default
// level, for the smallest files.
constexpr int kImageDeflateLevel = 6;

// `data` deflated (zlib format, as /FlateDecode wants). Each thread keeps
// one compressor per level and resets it: zlib's 256 KiB of state are not
// allocated and cleared per stream.
std::string deflate_bytes(std::string_view data, int level = kDeflateLevel);

}  // namespace lettrine::pdf
