#pragma once
// PDF files made by hand for the import tests: odd page boxes, lying page
// trees, decompression bombs. Written byte by byte here (with zlib) rather
// than by a PDF library, so that they can be as wrong as a hostile file is.
#include <cstdint>
#include <string>
#include <vector>

namespace lettrine::pdfimport_test {

// A PDF file whose objects are `objects` (object i + 1 is objects[i], given
// without "obj"/"endobj"), object 1 being the catalog, with a correct
// cross-reference table.
std::string handmade_pdf(const std::vector<std::string>& objects);

// A stream object: dictionary entries (without << >>) and data; /Length added.
std::string stream_object(const std::string& dictionary_entries, const std::string& data);

// A document of `pages` pages whose page dictionaries get `page_entries`
// (besides /Type, /Parent), its /Pages node saying /Count `claimed_count`
// (pass the real count for an honest tree). Each page draws "page N" in
// Helvetica.
std::string pages_pdf(const std::vector<std::string>& page_entries, long long claimed_count);

// Data for a stream with /Filter [/FlateDecode /FlateDecode] that decodes to
// `decoded_bytes` bytes of `fill` (rounded to whole MiB), built without ever
// holding the decoded data nor the intermediate level: a few hundred kB for
// hundreds of GB. The zlib checksums are right: a decoder that reaches the
// end sees a valid stream.
std::string flate_bomb(std::uint64_t decoded_bytes, char fill = ' ');

}  // namespace lettrine::pdfimport_test
