// Cost of one lettre de mission through the whole pipeline (template,
// markup, layout, PDF bytes), and of each stage, on the default programme.
// Run: build/bench/bench_letters  (figures in docs/PERFORMANCE.md)
#include <benchmark/benchmark.h>

#include "data/programme_reader.hpp"
#include "views/programme_view.hpp"
#include "pipeline/document_pipeline.hpp"
#include "layout/layout.hpp"
#include "markup/markup_parser.hpp"
#include "pdf/pdf_writer.hpp"
#include "template/template.hpp"

using namespace lettrine;

namespace {

struct Fixture {
    Programme programme = read_programme(LETTRINE_SOURCE_DIR "/input/programme-2016.xml");
    Template letter = Template::load(LETTRINE_SOURCE_DIR "/templates/lettre-de-mission.xml.mustache");
    PipelineContext context;
    DataValue view;
    Fixture() {
        programme.logo = LETTRINE_SOURCE_DIR "/input/logo-ecossolies.png";
        context.resource_dir = LETTRINE_SOURCE_DIR "/templates";
        view = letter_view(programme, programme.sectors.at(2));
    }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

void BM_WholeLetter(benchmark::State& state) {
    auto& f = fixture();
    std::size_t bytes = 0;
    for (auto _ : state) {
        const std::string pdf = render_pdf(f.letter, f.view, f.context, "bench");
        bytes = pdf.size();
        benchmark::DoNotOptimize(pdf.data());
    }
    state.counters["pdf_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_WholeLetter)->Unit(benchmark::kMillisecond);

void BM_Template(benchmark::State& state) {
    auto& f = fixture();
    for (auto _ : state) benchmark::DoNotOptimize(f.letter.render(f.view));
}
BENCHMARK(BM_Template)->Unit(benchmark::kMicrosecond);

void BM_MarkupAndLayout(benchmark::State& state) {
    auto& f = fixture();
    const std::string markup = f.letter.render(f.view);
    LayoutOptions options;
    options.image_directory = f.context.resource_dir.string();
    options.images = f.context.images;
    for (auto _ : state) {
        const Document document = parse_markup(markup, "bench");
        benchmark::DoNotOptimize(layout_document(document, *f.context.fonts, options));
    }
}
BENCHMARK(BM_MarkupAndLayout)->Unit(benchmark::kMicrosecond);

void BM_PdfWriter(benchmark::State& state) {
    auto& f = fixture();
    const LaidOutDocument laid_out = compose_document(f.letter, f.view, f.context, "bench");
    for (auto _ : state) benchmark::DoNotOptimize(write_pdf(laid_out));
}
BENCHMARK(BM_PdfWriter)->Unit(benchmark::kMicrosecond);

// N letters merged in one PDF: does the cost per letter stay flat?
void BM_MergedLetters(benchmark::State& state) {
    auto& f = fixture();
    for (auto _ : state) {
        LaidOutDocument book;
        for (int i = 0; i < state.range(0); ++i)
            append_laid_out(book, compose_document(f.letter, f.view, f.context, "bench"));
        benchmark::DoNotOptimize(write_pdf(book));
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_MergedLetters)->Arg(10)->Arg(100)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
