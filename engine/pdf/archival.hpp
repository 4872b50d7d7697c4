#pragma once
// What PDF/A-2 (ISO 19005-2) and PDF/UA-1 (ISO 14289-1) ask of a file
// beyond its pages: an XMP metadata packet that repeats the document
// information and identifies the conformance claimed, and the sRGB ICC
// profile of the output intent (the colours are DeviceRGB).
#include <string>
#include <string_view>

#include "layout/pages.hpp"

namespace lettrine::pdf {

// "D:20151201000000Z" -> "2015-12-01T00:00:00Z" (offsets as +01:00); empty
// for an empty or unreadable date.
std::string xmp_date(const std::string& pdf_date);

struct Conformance {
    bool pdfa = false;   // pdfaid:part 2, conformance A
    bool pdfua = false;  // pdfuaid:part 1
};

// The metadata stream's content: UTF-8 XMP (dc, xmp, pdf schemas, and the
// identification of `claims` with the extension schema PDF/A-2 wants for
// pdfuaid). `producer` and `creator` are those of the Info dictionary.
std::string xmp_packet(const DocumentMetadata& metadata, const std::string& creator, const std::string& producer,
                       Conformance claims);

// The bytes of the sRGB IEC61966-2.1 profile from Debian's icc-profiles-free,
// built into the program (engine/pdf/CMakeLists.txt).
std::string_view srgb_profile();

}  // namespace lettrine::pdf
