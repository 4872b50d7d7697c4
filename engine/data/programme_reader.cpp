#include "data/programme_reader.hpp"

#include <algorithm>
#include <cctype>

#include "core/output_files.hpp"
#include "data/programme_source.hpp"
#include "data/programme_validation.hpp"
#include "data/xml_reader.hpp"

namespace lettrine {

namespace {

ProgrammeCheck finish(const ProgrammeSource& source) {
    ProgrammeCheck check;
    Programme programme = validate_programme(source, check.diagnostics);
    if (!check.diagnostics.has_errors()) check.programme = std::move(programme);
    return check;
}

ProgrammeSource source_of(const std::string& bytes, const std::string& file_name, ProgrammeFormat format) {
    if (format == ProgrammeFormat::Xlsx) return programme_source_from_workbook(read_xlsx(bytes, file_name));
    return programme_source_from_xml(read_xml(bytes, file_name), file_name);
}

Programme unwrap(ProgrammeCheck check) {
    if (!check.programme) throw LettrineError(ErrorKind::Data, std::move(check.diagnostics));
    return std::move(*check.programme);
}

}  // namespace

std::optional<ProgrammeFormat> programme_format_of(const boost::filesystem::path& file) {
    std::string extension = file.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension == ".xlsx") return ProgrammeFormat::Xlsx;
    if (extension == ".xml") return ProgrammeFormat::Xml;
    return std::nullopt;
}

ProgrammeCheck check_programme_bytes(const std::string& bytes, const std::string& file_name, ProgrammeFormat format) {
    try {
        return finish(source_of(bytes, file_name, format));
    } catch (const LettrineError& e) {
        if (e.kind() != ErrorKind::Data) throw;
        ProgrammeCheck check;
        check.diagnostics = e.diagnostics();
        return check;
    }
}

ProgrammeCheck check_programme_workbook(const Workbook& workbook) {
    return finish(programme_source_from_workbook(workbook));
}

ProgrammeCheck check_programme(const boost::filesystem::path& file) {
    const std::string name = file.filename().string();
    const auto format = programme_format_of(file);
    if (!format) {
        ProgrammeCheck check;
        check.diagnostics.error(SourcePosition::in_file(name),
                                "format de programme non reconnu : l'extension doit être .xlsx ou .xml");
        return check;
    }
    ProgrammeCheck check = check_programme_bytes(read_file(file), name, *format);
    if (check.programme) check.programme->source_file = file.string();
    return check;
}

Programme read_programme_bytes(const std::string& bytes, const std::string& file_name, ProgrammeFormat format) {
    return unwrap(check_programme_bytes(bytes, file_name, format));
}

Programme read_programme(const boost::filesystem::path& file) { return unwrap(check_programme(file)); }

}  // namespace lettrine
