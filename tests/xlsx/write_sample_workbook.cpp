// Writes the 2016 budget workbook to argv[1]. test_xlsx runs it under
// faketime to check that the bytes do not depend on the clock.
#include <cstdio>
#include <exception>

#include "core/output_files.hpp"
#include "programme_2016.hpp"
#include "xlsx/budget_workbook.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage : %s FICHIER.xlsx\n", argv[0]);
        return 2;
    }
    try {
        lettrine::write_file_atomically(argv[1], lettrine::write_budget_workbook(lettrine::xlsx_test::programme_2016()));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    return 0;
}
