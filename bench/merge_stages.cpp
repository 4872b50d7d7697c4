// Where the time of a mail merge goes, stage by stage, on one thread:
// reading the records, rendering the template, parsing the markup and laying
// out, writing the PDF (streamed, as `lettrine fusion --un-fichier` does).
// The first document is timed apart: it pays the process's one-time loads
// (fonts, hyphenation patterns). Figures in docs/PERFORMANCE.md.
//
// Run: bench_merge_stages DONNEES.xml [MODELE] (defaults: bench/merge/lettre.xml.mustache)
#include <time.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "data/records.hpp"
#include "pipeline/document_pipeline.hpp"
#include "merge/merge_job.hpp"
#include "layout/layout.hpp"
#include "markup/markup_parser.hpp"
#include "pdf/pdf_writer.hpp"
#include "template/template.hpp"

using namespace lettrine;

namespace {

struct Clock {
    double wall = 0, cpu = 0;  // milliseconds
    static Clock now() {
        timespec cpu_time{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu_time);
        const auto wall = std::chrono::steady_clock::now().time_since_epoch();
        return {std::chrono::duration<double, std::milli>(wall).count(),
                cpu_time.tv_sec * 1e3 + cpu_time.tv_nsec / 1e6};
    }
    Clock operator-(const Clock& o) const { return {wall - o.wall, cpu - o.cpu}; }
    Clock& operator+=(const Clock& o) {
        wall += o.wall;
        cpu += o.cpu;
        return *this;
    }
};

// Counts the bytes, keeps none.
class CountingSink : public pdf::ByteSink {
public:
    void write(std::string_view bytes) override { size += bytes.size(); }
    std::size_t size = 0;
};

void row(const char* stage, const Clock& c, std::size_t count) {
    std::printf("| %-34s | %9.1f | %9.1f | %8.3f |\n", stage, c.wall, c.cpu, count ? c.cpu / count : 0.0);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage : bench_merge_stages DONNEES.xml [MODELE]\n");
        return 2;
    }
    const std::string data = argv[1];
    const std::string template_file = argc > 2 ? argv[2] : LETTRINE_SOURCE_DIR "/bench/merge/lettre.xml.mustache";
    try {
        Clock start = Clock::now();
        const DataValue records = read_records(data, "destinataire");
        const Clock read = Clock::now() - start;
        const std::size_t total = records.items().size();

        start = Clock::now();
        const Template document_template = Template::load(template_file);
        PipelineContext context;
        context.resource_dir = boost::filesystem::absolute(template_file).parent_path();
        const Clock load = Clock::now() - start;

        Clock first, render, layout, pdf_time;
        CountingSink sink;
        PdfStreamWriter writer(sink);
        for (std::size_t i = 0; i < total; ++i) {
            Clock t0 = Clock::now();
            const std::string markup = document_template.render(merge_record_view(records.items()[i], i, total));
            Clock t1 = Clock::now();
            const Document document = parse_markup(markup, "bench");
            LayoutOptions options;
            options.image_directory = context.resource_dir.string();
            options.images = context.images;
            const LaidOutDocument part = layout_document(document, *context.fonts, options);
            Clock t2 = Clock::now();
            writer.add(part);
            Clock t3 = Clock::now();
            if (i == 0) {
                first = t3 - t0;
                continue;
            }
            render += t1 - t0;
            layout += t2 - t1;
            pdf_time += t3 - t2;
        }
        Clock t0 = Clock::now();
        writer.finish();
        const Clock finish = Clock::now() - t0;
        pdf_time += finish;

        const std::size_t rest = total > 0 ? total - 1 : 0;
        std::printf("%zu lettres, %zu pages, %.1f Mio de PDF (un fil d'exécution)\n\n", total, writer.page_count(),
                    sink.size / 1048576.0);
        std::printf("| %-34s | %9s | %9s | %8s |\n", "étape", "mur (ms)", "CPU (ms)", "ms/lettre");
        std::printf("|%s|%s|%s|%s|\n", std::string(36, '-').c_str(), std::string(11, '-').c_str(),
                    std::string(11, '-').c_str(), std::string(10, '-').c_str());
        row("lecture des données (XML)", read, total);
        row("chargement du modèle", load, 0);
        row("1re lettre (chargements uniques)", first, 1);
        row("modèle (Mustache)", render, rest);
        row("balisage + mise en page", layout, rest);
        row("PDF (dont fin : polices, arbre)", pdf_time, rest);
        row("  dont fin du PDF", finish, 0);
        Clock all = read;
        all += load;
        all += first;
        all += render;
        all += layout;
        all += pdf_time;
        row("total", all, total);
    } catch (const LettrineError& e) {
        for (const auto& d : e.diagnostics().items()) std::fprintf(stderr, "%s\n", d.describe().c_str());
        return 1;
    }
    return 0;
}
