#include "bilan/bilan_reader.hpp"

#include <algorithm>
#include <cctype>

#include "core/output_files.hpp"
#include "data/ods_reader.hpp"

namespace lettrine {

namespace {

BilanSource source_of(const std::string& bytes, const std::string& file_name, BilanFormat format) {
    switch (format) {
        case BilanFormat::Xlsx: return bilan_source_from_workbook(read_xlsx(bytes, file_name));
        case BilanFormat::Ods: return bilan_source_from_workbook(read_ods(bytes, file_name));
        case BilanFormat::Xml: break;
    }
    return bilan_source_from_xml(read_xml(bytes, file_name), file_name);
}

}  // namespace

std::optional<BilanFormat> bilan_format_of(const boost::filesystem::path& file) {
    std::string extension = file.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension == ".xlsx") return BilanFormat::Xlsx;
    if (extension == ".ods") return BilanFormat::Ods;
    if (extension == ".xml") return BilanFormat::Xml;
    return std::nullopt;
}

BilanCheck check_bilan_bytes(const std::string& bytes, const std::string& file_name, BilanFormat format) {
    BilanCheck check;
    try {
        const BilanSource source = source_of(bytes, file_name, format);
        Bilan bilan = validate_bilan(source, check.diagnostics);
        if (!check.diagnostics.has_errors()) check.bilan = std::move(bilan);
    } catch (const LettrineError& e) {
        if (e.kind() != ErrorKind::Data) throw;
        check.diagnostics.append(e.diagnostics());
    }
    return check;
}

BilanCheck check_bilan(const boost::filesystem::path& file) {
    const std::string name = file.filename().string();
    const auto format = bilan_format_of(file);
    if (!format) {
        BilanCheck check;
        check.diagnostics.error(SourcePosition::in_file(name),
                                "format de bilan non reconnu : l’extension doit être .xlsx, .ods ou .xml");
        return check;
    }
    BilanCheck check = check_bilan_bytes(read_file(file), name, *format);
    if (check.bilan) check.bilan->source_file = file.string();
    return check;
}

Bilan read_bilan_bytes(const std::string& bytes, const std::string& file_name, BilanFormat format) {
    BilanCheck check = check_bilan_bytes(bytes, file_name, format);
    if (!check.bilan) throw LettrineError(ErrorKind::Data, std::move(check.diagnostics));
    return std::move(*check.bilan);
}

Bilan read_bilan(const boost::filesystem::path& file) {
    BilanCheck check = check_bilan(file);
    if (!check.bilan) throw LettrineError(ErrorKind::Data, std::move(check.diagnostics));
    return std::move(*check.bilan);
}

}  // namespace lettrine
