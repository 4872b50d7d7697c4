#include "data/programme_reader.hpp"

#include <algorithm>
#include <cctype>

#include "core/output_files.hpp"
#include "data/csv_reader.hpp"
#include "data/ods_reader.hpp"
#include "data/programme_source.hpp"
#include "data/programme_validation.hpp"
#include "data/xml_reader.hpp"

namespace lettrine {

namespace {

ProgrammeCheck finish(const ProgrammeSource& source) {
    ProgrammeCheck check;
    Programme programme = validate_programme(source, check.diagnostics);
    for (const Diagnostic& d : check.diagnostics.items())
        if (d.severity == Severity::Warning) programme.warnings.add(d);
    if (!check.diagnostics.has_errors()) check.programme = std::move(programme);
    return check;
}

ProgrammeSource source_of(const std::string& bytes, const std::string& file_name, ProgrammeFormat format) {
    switch (format) {
        case ProgrammeFormat::Xlsx: return programme_source_from_workbook(read_xlsx(bytes, file_name));
        case ProgrammeFormat::Ods: return programme_source_from_workbook(read_ods(bytes, file_name));
        case ProgrammeFormat::Xml: return programme_source_from_xml(read_xml(bytes, file_name), file_name);
        case ProgrammeFormat::CsvFolder: break;
    }
    throw LettrineError(ErrorKind::Data, SourcePosition::in_file(file_name),
                        "un programme en CSV est un dossier de fichiers : indiquer le dossier");
}

// Reads a data problem as diagnostics; other errors (I/O) go up.
template <typename F>
ProgrammeCheck checked(F&& read_source) {
    try {
        return finish(read_source());
    } catch (const LettrineError& e) {
        if (e.kind() != ErrorKind::Data) throw;
        ProgrammeCheck check;
        check.diagnostics = e.diagnostics();
        return check;
    }
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
    if (extension == ".ods") return ProgrammeFormat::Ods;
    boost::system::error_code ec;
    if (boost::filesystem::is_directory(file, ec)) return ProgrammeFormat::CsvFolder;
    return std::nullopt;
}

ProgrammeCheck check_programme_bytes(const std::string& bytes, const std::string& file_name, ProgrammeFormat format) {
    return checked([&] { return source_of(bytes, file_name, format); });
}

ProgrammeCheck check_programme_workbook(const Workbook& workbook) {
    return finish(programme_source_from_workbook(workbook));
}

ProgrammeCheck check_programme(const boost::filesystem::path& file) {
    const std::string name = file.filename().string();
    const auto format = programme_format_of(file);
    if (format == ProgrammeFormat::CsvFolder) {
        ProgrammeCheck check = checked([&] { return programme_source_from_workbook(read_csv_folder(file)); });
        if (check.programme) check.programme->source_file = file.string();
        return check;
    }
    if (!format) {
        ProgrammeCheck check;
        std::string extension = file.extension().string();
        std::transform(extension.begin(), extension.end(), extension.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        const bool csv = extension == ".csv";
        check.diagnostics.error(SourcePosition::in_file(name),
                                csv ? "un programme en CSV est un dossier de fichiers (Programme.csv, Secteurs.csv, …) : "
                                      "indiquer le dossier, pas un de ses fichiers"
                                    : "format de programme non reconnu : l’extension doit être .xlsx, .ods ou .xml, "
                                      "ou le chemin un dossier de fichiers CSV");
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
