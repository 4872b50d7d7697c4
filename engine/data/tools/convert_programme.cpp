// lettrine_convert_programme INPUT OUTPUT.xlsx
// Reads a programme (XML twin or workbook), validates it, and writes it as
// the documented workbook. A thin shell over read_programme and
// write_programme_xlsx; the lead exposes the same as a CLI command.
#include <iostream>

#include "core/diagnostic.hpp"
#include "core/output_files.hpp"
#include "data/programme_reader.hpp"
#include "data/programme_xlsx_writer.hpp"

int main(int argc, char** argv) {
    using namespace lettrine;
    if (argc != 3) {
        std::cerr << "usage : lettrine_convert_programme PROGRAMME.xml SORTIE.xlsx\n";
        return exit_code_for(ErrorKind::Usage);
    }
    try {
        const ProgrammeCheck check = check_programme(argv[1]);
        for (const auto& d : check.diagnostics.items()) std::cerr << d.describe() << "\n";
        if (!check.programme) return exit_code_for(ErrorKind::Data);
        write_file_atomically(argv[2], write_programme_xlsx(*check.programme));
        return 0;
    } catch (const LettrineError& e) {
        for (const auto& d : e.diagnostics().items()) std::cerr << d.describe() << "\n";
        return exit_code_for(e.kind());
    }
}
