#pragma once
// Reading a PDF back with poppler's command-line tools, the outside oracle
// the tests compare Lettrine's output with.
#include <string>

#include <boost/filesystem.hpp>

namespace lettrine::test_support {

// The text pdftotext finds in `pdf` (UTF-8), with `options` (e.g. "-layout").
std::string pdf_text(const boost::filesystem::path& pdf, const std::string& options = "");

// The same for a PDF held in memory (written to a private temporary file).
std::string pdf_text_of_bytes(const std::string& pdf, const std::string& options = "");

// The page count pdfinfo reports; -1 when pdfinfo cannot read the file.
int pdf_page_count(const boost::filesystem::path& pdf);

}  // namespace lettrine::test_support
