#include "support/pdf_tools.hpp"

#include <fstream>

#include "support/process.hpp"

namespace fs = boost::filesystem;

namespace lettrine::test_support {

std::string pdf_text(const fs::path& pdf, const std::string& options) {
    return command_output("pdftotext -enc UTF-8 " + options + " " + shell_quote(pdf) + " - 2>/dev/null");
}

std::string pdf_text_of_bytes(const std::string& pdf, const std::string& options) {
    const fs::path file = fs::temp_directory_path() / fs::unique_path("lettrine-test-%%%%-%%%%-%%%%.pdf");
    {
        std::ofstream out(file.string(), std::ios::binary);
        out << pdf;
    }
    std::string text = pdf_text(file, options);
    boost::system::error_code ignored;
    fs::remove(file, ignored);
    return text;
}

int pdf_page_count(const fs::path& pdf) {
    const std::string info = command_output("pdfinfo " + shell_quote(pdf) + " 2>/dev/null");
    const auto at = info.find("Pages:");
    return at == std::string::npos ? -1 : std::stoi(info.substr(at + 6));
}

}  // namespace lettrine::test_support
