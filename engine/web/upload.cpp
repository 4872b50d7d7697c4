#include "web/upload.hpp"

#include <algorithm>
#include <map>

#include "core/diagnostic.hpp"
#include "core/output_files.hpp"
#include "core/text.hpp"
#include "data/names.hpp"
#include "data/programme_schema.hpp"

namespace fs = boost::filesystem;

namespace lettrine::web {

namespace {

}  // namespace

std::string lower_extension(const std::string& name) {
    const auto dot = name.rfind('.');
    if (dot == std::string::npos || name.find_first_of("/\\", dot) != std::string::npos) return "";
    std::string extension = name.substr(dot);
    for (char& c : extension) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return extension;
}

namespace {

// The name without folders a browser may send ("C:\\Users\\x\\Secteurs.csv") and without extension.
std::string stem_of(const std::string& name) {
    const auto slash = name.find_last_of("/\\");
    std::string base = slash == std::string::npos ? name : name.substr(slash + 1);
    const auto dot = base.rfind('.');
    return dot == std::string::npos ? base : base.substr(0, dot);
}

// The contract's table a CSV file holds: its name is the table's
// (« Secteurs.csv ») or ends with "-" and it (« programme-2016-Secteurs.csv »,
// as LibreOffice names its exports); empty when none.
std::string csv_table_of(const std::string& name) {
    std::vector<const TableSpec*> tables = list_table_specs();
    tables.insert(tables.begin(), &programme_fields_spec());
    const std::string wanted = normalize_name(stem_of(name));
    for (const TableSpec* table : tables) {
        const std::string sheet = normalize_name(table->sheet);
        if (wanted == sheet) return table->sheet;
        if (wanted.size() > sheet.size() && wanted.compare(wanted.size() - sheet.size() - 1, std::string::npos, "-" + sheet) == 0)
            return table->sheet;
    }
    return "";
}

std::string contract_csv_names() {
    std::string names = "« " + programme_fields_spec().sheet + ".csv »";
    for (const TableSpec* table : list_table_specs()) names += ", « " + table->sheet + ".csv »";
    return names;
}

SourcePosition at(const UploadedFile& file) { return SourcePosition::in_file(shown_name(file.name)); }

}  // namespace

std::string shown_name(const std::string& name) {
    std::string shown;
    for (unsigned char c : name)
        if (c >= 0x20 && c != 0x7f) shown += static_cast<char>(c);
    if (shown.size() > 120) {
        std::size_t cut = 120;
        while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) --cut;
        shown = shown.substr(0, cut) + "…";
    }
    return shown.empty() ? "(fichier sans nom)" : shown;
}

std::string size_text(std::size_t bytes) {
    if (bytes < 1024 * 1024) return std::to_string((bytes + 1023) / 1024) + "\u00A0Kio";
    const std::size_t tenths = (bytes * 10 + (1 << 20) - 1) >> 20;
    std::string text = std::to_string(tenths / 10);
    if (tenths % 10) text += "," + std::to_string(tenths % 10);
    return text + "\u00A0Mio";
}

SavedProgramme save_programme_upload(const std::vector<UploadedFile>& files, const fs::path& scratch,
                                     const UploadLimits& limits) {
    Diagnostics problems;
    std::vector<const UploadedFile*> workbooks, csv;
    std::map<std::string, const UploadedFile*> tables;
    for (const UploadedFile& file : files) {
        const std::string extension = lower_extension(file.name);
        if (extension == ".xlsx" || extension == ".ods" || extension == ".xml") {
            workbooks.push_back(&file);
        } else if (extension == ".csv") {
            csv.push_back(&file);
            const std::string table = csv_table_of(file.name);
            if (table.empty())
                problems.error(at(file), "ce fichier CSV n’est aucune des tables du programme : ses noms possibles sont " +
                                             contract_csv_names());
            else if (!tables.emplace(table, &file).second)
                problems.error(at(file), "la table « " + table + " » est déjà donnée par « " +
                                             shown_name(tables[table]->name) + " »");
        } else {
            problems.error(at(file), "format non reconnu : choisissez un classeur .xlsx ou .ods, un fichier .xml, "
                                     "ou les fichiers .csv du programme");
        }
    }
    if (files.empty()) problems.error({}, "aucun fichier reçu : choisissez le classeur du programme");
    if (files.size() > limits.max_files)
        problems.error({}, std::to_string(files.size()) + " fichiers reçus ; au plus " + std::to_string(limits.max_files));
    if (workbooks.size() > 1 || (!workbooks.empty() && !csv.empty()))
        problems.error({}, "un seul programme à la fois : un classeur (.xlsx, .ods), un fichier .xml, ou les fichiers "
                           ".csv d’un même programme");
    if (problems.has_errors()) throw LettrineError(ErrorKind::Usage, problems);

    SavedProgramme saved;
    if (!workbooks.empty()) {
        const std::string extension = lower_extension(workbooks.front()->name);
        saved.format = extension == ".xml" ? ProgrammeFormat::Xml : extension == ".ods" ? ProgrammeFormat::Ods
                                                                                          : ProgrammeFormat::Xlsx;
        // A name of ours: the browser's is only shown.
        saved.data = scratch / ("programme" + extension);
        write_file_atomically(saved.data, workbooks.front()->bytes);
        saved.received = shown_name(workbooks.front()->name) + " (" + size_text(workbooks.front()->bytes.size()) + ")";
        return saved;
    }
    saved.format = ProgrammeFormat::CsvFolder;
    saved.data = scratch / "programme-csv";
    fs::create_directory(saved.data);
    for (const auto& [table, file] : tables) {
        write_file_atomically(saved.data / (table + ".csv"), file->bytes);
        saved.received += (saved.received.empty() ? "" : ", ") + shown_name(file->name) + " (" +
                          size_text(file->bytes.size()) + ")";
    }
    return saved;
}

std::vector<SavedUpload> save_named_uploads(const std::vector<UploadedFile>& files, const fs::path& folder,
                                           const std::vector<std::string>& extensions, std::size_t max_files,
                                           const std::string& what) {
    Diagnostics problems;
    std::string accepted;
    for (const std::string& e : extensions) accepted += (accepted.empty() ? "" : ", ") + e;
    for (const UploadedFile& file : files)
        if (std::find(extensions.begin(), extensions.end(), lower_extension(file.name)) == extensions.end())
            problems.error(at(file), "format non reconnu pour " + what + " : formats acceptés " + accepted);
    if (files.size() > max_files)
        problems.error({}, std::to_string(files.size()) + " fichiers reçus pour " + what + " ; au plus " +
                               std::to_string(max_files));
    if (problems.has_errors()) throw LettrineError(ErrorKind::Usage, problems);
    fs::create_directories(folder);
    std::vector<SavedUpload> saved;
    for (const UploadedFile& file : files) {
        // The browser's name only gives words (a PDF note is matched to its
        // sector by them): slugified, it names a file of ours in `folder`.
        std::string stem = slugify(stem_of(file.name));
        if (stem.empty()) stem = "fichier";
        const std::string extension = lower_extension(file.name);
        std::string name = stem + extension;
        for (int n = 2; fs::exists(folder / name); ++n) name = stem + "-" + std::to_string(n) + extension;
        write_file_atomically(folder / name, file.bytes);
        saved.push_back({folder / name, shown_name(file.name), file.bytes.size()});
    }
    return saved;
}

}  // namespace lettrine::web
