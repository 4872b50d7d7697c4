#include "ag_fixtures.hpp"

#include <xlsxwriter.h>

#include <boost/filesystem.hpp>
#include <cstdio>
#include <stdexcept>

#include "ag/assembly_reader.hpp"
#include "core/output_files.hpp"
#include "core/text.hpp"
#include "data/programme_reader.hpp"

namespace fs = boost::filesystem;
using namespace lettrine;

namespace ag_fixtures {

std::string source_path(const std::string& relative) { return std::string(LETTRINE_SOURCE_DIR) + "/" + relative; }

const Programme& programme() {
    static const Programme p = [] {
        Programme read = read_programme(source_path("input/programme-2016.xml"));
        if (!read.logo.empty()) read.logo = source_path("input/" + read.logo);  // relative to the data file
        return read;
    }();
    return p;
}

const GeneralAssembly& assembly() {
    static const GeneralAssembly a = read_assembly(source_path("input/ag-2016.xml"), &programme());
    return a;
}

std::string assembly_xml(const std::string& registrants) {
    std::string workshops;
    for (const auto& s : programme().sectors) {
        workshops += "    <atelier secteur=\"" + s.id + "\" salle=\"Salle " + s.id + "\" debut=\"14 h\" fin=\"16 h\"" +
                     (s.contact.name.empty() ? " animateur=\"Sacha Exemple\"" : "") + ">\n" +
                     "      <ordre-du-jour><point horaire=\"14 h\">Tour de table</point></ordre-du-jour>\n"
                     "      <questions><question>Que faire ?</question></questions>\n"
                     "    </atelier>\n";
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<assemblee-generale date=\"2016-06-16\" lieu=\"Le Solilab\">\n"
           "  <horaires><horaire debut=\"9 h\" fin=\"12 h\">Assemblée statutaire</horaire></horaires>\n"
           "  <ateliers>\n" + workshops +
           "  </ateliers>\n"
           "  <inscrits>\n" + registrants +
           "  </inscrits>\n"
           "</assemblee-generale>\n";
}

GeneralAssembly read_xml_assembly(const std::string& xml) {
    AssemblyCheck check = check_assembly_bytes(xml, "ag-test.xml", false, &programme());
    if (!check.assembly) throw LettrineError(ErrorKind::Data, check.diagnostics);
    return *check.assembly;
}

std::vector<std::string> problems_of_xml(const std::string& xml) {
    return described(check_assembly_bytes(xml, "ag-test.xml", false, &programme()).diagnostics);
}

std::string workbook(const std::vector<SheetRows>& sheets) {
    const fs::path path = fs::temp_directory_path() / fs::unique_path("lettrine-ag-test-%%%%-%%%%.xlsx");
    lxw_workbook* wb = workbook_new(path.string().c_str());
    lxw_doc_properties properties = {};
    properties.created = 1466078400;  // fixed: 2016-06-16
    workbook_set_properties(wb, &properties);
    for (const auto& sheet : sheets) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.name.c_str());
        for (std::size_t r = 0; r < sheet.rows.size(); ++r)
            for (std::size_t c = 0; c < sheet.rows[r].size(); ++c)
                if (!sheet.rows[r][c].empty())
                    worksheet_write_string(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c),
                                           sheet.rows[r][c].c_str(), nullptr);
    }
    if (workbook_close(wb) != LXW_NO_ERROR) throw std::runtime_error("libxlsxwriter failed");
    std::string bytes = read_file(path);
    fs::remove(path);
    return bytes;
}

std::vector<SheetRows> valid_sheets() {
    std::vector<SheetRows> sheets;
    sheets.push_back({"AG", {{"Champ", "Valeur"}, {"Date", "16/06/2016"}, {"Lieu", "Le Solilab"}}});
    sheets.push_back({"Horaires", {{"Début", "Fin", "Intitulé"}, {"9 h", "12 h", "Assemblée statutaire"}}});
    SheetRows workshops{"Ateliers", {{"Secteur", "Salle", "Début", "Fin", "Animateur"}}};
    SheetRows agenda{"Ordre du jour", {{"Secteur", "Horaire", "Point"}}};
    SheetRows questions{"Questions", {{"Secteur", "Question"}}};
    for (const auto& s : programme().sectors) {
        workshops.rows.push_back({s.id, "Salle " + s.id, "14 h", "16 h", s.contact.name.empty() ? "Sacha Exemple" : ""});
        agenda.rows.push_back({s.id, "14 h", "Tour de table"});
        questions.rows.push_back({s.id, "Que faire ?"});
    }
    sheets.push_back(workshops);
    sheets.push_back(agenda);
    sheets.push_back(questions);
    sheets.push_back({"Inscrits", {{"Nom", "Prénom", "Organisation", "Email", "Atelier"},
                                   {"Exemple", "Léa", "SCIC Modèle", "lea@exemple.org", "habitat"}}});
    return sheets;
}

std::vector<std::string> described(const Diagnostics& diagnostics) {
    std::vector<std::string> out;
    for (const auto& d : diagnostics.items()) out.push_back(d.describe());
    return out;
}

std::vector<std::string> page_lines(const LaidOutPage& page) {
    std::vector<std::string> lines;
    for (const auto& item : page.items)
        if (const auto* run = std::get_if<GlyphRun>(&item)) {
            std::u32string text;
            for (const auto& g : run->glyphs) text += g.text;
            lines.push_back(u32_to_utf8(text));
        }
    return lines;
}

std::string page_text(const LaidOutPage& page) {
    std::string out;
    for (const auto& line : page_lines(page)) out += line + "\n";
    return out;
}

}  // namespace ag_fixtures
