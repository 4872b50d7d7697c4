#pragma once
// What the library (external_pdf.cpp) and the import helper
// (lettrine-import-pdf, import_pdf_main.cpp) say to each other. Header-only
// and dependency-free: the helper links qpdf and nothing of Lettrine.
//
// Command line (every limit is mandatory, the helper applies them to itself
// before it opens any file):
//   lettrine-import-pdf LIMITS inspect FILE
//   lettrine-import-pdf LIMITS place LETTRINE_PDF OUTPUT [TARGET FILE SOURCE X Y WIDTH HEIGHT]...
//   LIMITS = --cpu-seconds S --memory-bytes B --max-pages N
// where TARGET and SOURCE are 0-based page indexes and X Y WIDTH HEIGHT the
// rectangle in points, top-left origin, y downwards (layout/pages.hpp).
//
// Standard output, one record per line, numbers in C locale:
//   file I                 work on input I starts (inspect: I = 0; place:
//                          0 = the Lettrine PDF, k = the k-th placement's file)
//   pages N                inspect: number of pages
//   page I WIDTH HEIGHT    inspect: page I's size in points, as displayed
//   done                   success (last line)
//   error CODE I           failure about input I (last line)
// Exit status: 0 after "done", kExitDataError after "error", 2 on a usage
// error, kExitInternal otherwise. Killed by a signal when a limit is hit.
// Standard error: qpdf's own words, for the lead's eyes only.

namespace lettrine::pdfimport_protocol {

inline constexpr const char* kInspect = "inspect";
inline constexpr const char* kPlace = "place";

// Error codes (the second field of an "error" line).
inline constexpr const char* kNotPdf = "not-pdf";              // no %PDF- header
inline constexpr const char* kUnreadable = "unreadable";       // cannot be opened or read
inline constexpr const char* kEncrypted = "encrypted";         // needs a password to open
inline constexpr const char* kDamaged = "damaged";             // qpdf would have to repair it
inline constexpr const char* kTooManyPages = "too-many-pages";  // more than --max-pages
inline constexpr const char* kNoPages = "no-pages";            // a PDF without any page
inline constexpr const char* kNoSuchPage = "no-such-page";     // a placement's page is out of range
inline constexpr const char* kBadRectangle = "bad-rectangle";  // a placement's rectangle is empty or off the page
inline constexpr const char* kMemory = "memory";               // allocation failed (--memory-bytes)
inline constexpr const char* kOutput = "output";               // the output could not be written
inline constexpr const char* kInternal = "internal";           // anything else

inline constexpr int kExitDataError = 3;
inline constexpr int kExitInternal = 70;

// Fields per placement on the command line.
inline constexpr int kPlacementFields = 7;

}  // namespace lettrine::pdfimport_protocol
