// Test-only command line: the sample lettres de mission as DOCX (and PDF),
// through the same template and markup steps as the December batch
// (engine/pipeline/document_pipeline.cpp), until `--format docx` exists.
//
//   docx_letters OUTDIR [--pdf] [--time N]
//   docx_letters --markup FILE.xml OUT.docx
//
// Writes OUTDIR/lettre-de-mission-YEAR-SECTOR.docx for every letter of
// input/programme-2016.xlsx (with --pdf, the PDF beside it). With --time N,
// writes nothing and prints the mean processor milliseconds per letter of N rounds,
// for the DOCX (template, markup, DOCX) and the PDF (template, markup,
// layout, PDF), and of the steps they share (template, markup).
#include <ctime>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>

#include "core/default_paths.hpp"
#include "core/text.hpp"
#include "data/programme_reader.hpp"
#include "docx/docx_writer.hpp"
#include "markup/markup_parser.hpp"
#include "pipeline/document_pipeline.hpp"
#include "pipeline/output_formats.hpp"
#include "template/template.hpp"
#include "views/programme_view.hpp"
#include "views/resolved_logo.hpp"

namespace fs = boost::filesystem;
using namespace lettrine;

namespace {

struct Letter {
    std::string name;
    DataValue data;
};

Document letter_document(const Template& letter, const DataValue& data) {
    return parse_markup(letter.render(data), letter.source_name());
}


void write(const fs::path& file, const std::string& bytes) {
    std::ofstream out(file.string(), std::ios::binary);
    out << bytes;
    if (!out) throw std::runtime_error("cannot write " + file.string());
}

// Processor time (the machine is shared: wall time would measure the
// neighbours), after one round that fills the caches (images, fonts).
template <class F>
double mean_ms(int rounds, std::size_t letters, F&& make) {
    make();
    const std::clock_t start = std::clock();
    for (int r = 0; r < rounds; ++r) make();
    const double spent = 1000.0 * static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
    return spent / (rounds * static_cast<double>(letters));
}

}  // namespace

int main(int argc, char** argv) try {
    if (argc < 2) {
        std::cerr << "usage: docx_letters OUTDIR [--pdf] [--time N]\n";
        return 2;
    }
    if (std::strcmp(argv[1], "--markup") == 0 && argc == 4) {  // one markup file, images beside it
        std::ifstream in(argv[2], std::ios::binary);
        const std::string markup((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        EditableInputs inputs;
        inputs.image_directory = fs::absolute(argv[2]).parent_path().string();
        write(argv[3], docx_bytes(parse_markup(markup, fs::path(argv[2]).filename().string()), inputs));
        return 0;
    }
    const fs::path output = argv[1];
    bool pdf = false;
    int rounds = 0;
    for (int k = 2; k < argc; ++k) {
        if (std::strcmp(argv[k], "--pdf") == 0) pdf = true;
        else if (std::strcmp(argv[k], "--time") == 0 && k + 1 < argc) rounds = std::atoi(argv[++k]);
    }
    const fs::path data = kDefaultProgramme, template_file = fs::path("templates") / "lettre-de-mission.xml.mustache";
    const PipelineContext context = context_for_run(data, template_file);
    const Programme programme = with_resolved_logo(read_programme(data), *context.resources);
    const Template letter = Template::load(template_file);
    Diagnostics warnings;
    std::vector<Letter> letters;
    for (const Sector* sector : letter_sectors(programme, {}, warnings))
        letters.push_back({"lettre-de-mission-" + std::to_string(programme.year) + "-" + slugify(sector->id),
                           letter_view(programme, *sector)});
    const EditableInputs inputs = editable_inputs(context);
    if (rounds > 0) {
        const double docx_ms = mean_ms(rounds, letters.size(), [&] {
            for (const Letter& l : letters) docx_bytes(letter_document(letter, l.data), inputs);
        });
        const double pdf_ms = mean_ms(rounds, letters.size(), [&] {
            for (const Letter& l : letters) render_pdf(letter, l.data, context, l.name);
        });
        const double markup_ms = mean_ms(rounds, letters.size(), [&] {
            for (const Letter& l : letters) letter_document(letter, l.data);
        });
        std::vector<Document> documents;
        for (const Letter& l : letters) documents.push_back(letter_document(letter, l.data));
        const double writer_ms = mean_ms(rounds, letters.size(), [&] {
            for (const Document& d : documents) docx_bytes(d, inputs);
        });
        std::printf("letters %zu rounds %d docx_ms %.2f pdf_ms %.2f markup_ms %.2f docx_writer_ms %.2f\n",
                    letters.size(), rounds, docx_ms, pdf_ms, markup_ms, writer_ms);
        return 0;
    }
    fs::create_directories(output);
    for (const Letter& l : letters) {
        write(output / (l.name + ".docx"), docx_bytes(letter_document(letter, l.data), inputs));
        if (pdf) write(output / (l.name + ".pdf"), render_pdf(letter, l.data, context, l.name));
        std::cout << l.name << "\n";
    }
    return 0;
} catch (const LettrineError& e) {
    for (const Diagnostic& d : e.diagnostics().items()) std::cerr << d.describe() << "\n";
    return 1;
} catch (const std::exception& e) {
    std::cerr << e.what() << "\n";
    return 1;
}
