// Development tool: renders a markup file to PDF, to look at a feature's
// pages (pdftoppm -png -r 80). Usage: render_markup IN.xml OUT.pdf [IMAGES]
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/diagnostic.hpp"
#include "layout/layout.hpp"
#include "markup/markup_parser.hpp"
#include "pdf/pdf_writer.hpp"

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage : render_markup ENTREE.xml SORTIE.pdf [DOSSIER-IMAGES]\n";
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    std::stringstream xml;
    xml << in.rdbuf();
    try {
        lettrine::LayoutOptions options;
        if (argc > 3) options.image_directory = argv[3];
        const auto doc = lettrine::layout_document(lettrine::parse_markup(xml.str(), argv[1]),
                                                   *lettrine::FontSet::default_set(), options);
        std::ofstream(argv[2], std::ios::binary) << lettrine::write_pdf(doc);
    } catch (const lettrine::LettrineError& e) {
        for (const auto& d : e.diagnostics().items()) std::cerr << d.describe() << "\n";
        return 1;
    }
    return 0;
}
