// The mail merge's outputs: the streamed merged file is byte for byte the
// book the record documents make when appended and written at once, whatever
// the number of threads; separate files are each record's document; a
// failing record leaves nothing behind, not even a temporary file.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <functional>
#include <set>
#include <sstream>

#include <boost/filesystem.hpp>

#include "core/diagnostic.hpp"
#include "data/records.hpp"
#include "layout/layout.hpp"
#include "pipeline/document_pipeline.hpp"
#include "pipeline/file_output.hpp"
#include "merge/merge_job.hpp"
#include "pdf/pdf_writer.hpp"

namespace fs = boost::filesystem;

namespace lettrine {
namespace {

const fs::path kTemplate = fs::path(LETTRINE_SOURCE_DIR) / "samples/fusion/invitation.xml.mustache";

std::string slurp(const fs::path& path) {
    std::ifstream in(path.string(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::set<std::string> names_in(const fs::path& folder) {
    std::set<std::string> names;
    if (fs::exists(folder))
        for (const auto& entry : fs::directory_iterator(folder))
            if (entry.path().filename() != ".lettrine") names.insert(entry.path().filename().string());  // lock, manifest
    return names;
}

class Merge : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("lettrine-merge-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        // Eleven recipients: more records than threads and than the pipeline's window.
        std::ofstream data((dir_ / "destinataires.xml").string());
        data << "<destinataires>\n";
        const char* names[] = {"Exemple", "Modèle", "Fictive", "Témoin", "Leblanc", "Moreau",
                               "Guérin", "Le Goff", "Bénard", "Pérez", "Lefèvre"};
        for (int i = 0; i < 11; ++i)
            data << "<destinataire civilite=\"" << (i % 2 ? "Monsieur" : "Madame") << "\" prenom=\"Camille\" nom=\""
                 << names[i] << "\" organisation=\"Association n° " << i + 1
                 << "\" atelier=\"Habitat\"><adresse>" << i + 1 << " rue de l'Exemple</adresse>"
                 << "<adresse>44000 Nantes</adresse></destinataire>\n";
        data << "</destinataires>\n";
    }
    void TearDown() override { fs::remove_all(dir_); }

    MergeOptions options(const std::string& output, bool single_file, int jobs) const {
        MergeOptions o;
        o.template_file = kTemplate;
        o.data = dir_ / "destinataires.xml";
        o.each = "destinataire";
        o.output = dir_ / output;
        o.single_file = single_file;
        o.jobs = jobs;
        return o;
    }

    // The documents as the merge composes them, one by one, on one thread.
    std::vector<LaidOutDocument> documents() const {
        const Template document_template = Template::load(kTemplate);
        const DataValue records = read_records(dir_ / "destinataires.xml", "destinataire");
        PipelineContext context;
        context.resource_dir = fs::absolute(kTemplate).parent_path();
        std::vector<LaidOutDocument> all;
        const std::size_t total = records.items().size();
        for (std::size_t i = 0; i < total; ++i)
            all.push_back(compose_document(document_template, merge_record_view(records.items()[i], i, total), context,
                                           "l’élément " + std::to_string(i + 1)));
        return all;
    }

    fs::path dir_;
};

TEST_F(Merge, TheStreamedBookIsTheAppendedDocumentsWrittenAtOnce) {
    LaidOutDocument book;
    for (auto& document : documents()) append_laid_out(book, std::move(document));
    const std::string expected = write_pdf(book);
    for (int jobs : {1, 3}) {
        const std::string name = "livre-" + std::to_string(jobs) + ".pdf";
        const JobResult result = run_merge(options(name, true, jobs));
        ASSERT_EQ(result.written, std::vector<fs::path>{dir_ / name});
        EXPECT_TRUE(slurp(dir_ / name) == expected) << jobs << " threads";
    }
    EXPECT_EQ(names_in(dir_), (std::set<std::string>{"destinataires.xml", "livre-1.pdf", "livre-3.pdf"}))
        << "no temporary file left";
}

TEST_F(Merge, SeparateFilesAreEachRecordsDocument) {
    const JobResult result = run_merge(options("lettres", false, 2));
    const auto expected = documents();
    ASSERT_EQ(result.written.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        EXPECT_TRUE(slurp(result.written[i]) == write_pdf(expected[i])) << result.written[i];
    EXPECT_EQ(names_in(dir_ / "lettres").size(), expected.size()) << "no temporary file left";
}

TEST_F(Merge, AFailingRecordLeavesNothingBehind) {
    // The fifth recipient's organisation is not an amount: that record fails.
    std::ofstream(dir_ / "montants.xml.mustache").write(
        "<document><p>{{#en_euros}}{{organisation}}{{/en_euros}}</p></document>", 70);
    std::ofstream data((dir_ / "montants.xml").string());
    data << "<liste>";
    for (int i = 0; i < 9; ++i) data << "<ligne organisation=\"" << (i == 4 ? "mille" : "1000") << "\"/>";
    data << "</liste>";
    data.close();
    for (bool single_file : {true, false}) {
        MergeOptions o = options(single_file ? "montants.pdf" : "montants", single_file, 2);
        o.template_file = dir_ / "montants.xml.mustache";
        o.data = dir_ / "montants.xml";
        o.each = "ligne";
        try {
            run_merge(o);
            FAIL() << "expected a LettrineError";
        } catch (const LettrineError& error) {
            EXPECT_EQ(error.kind(), ErrorKind::Data);
            ASSERT_EQ(error.diagnostics().items().size(), 1u);
            EXPECT_NE(error.diagnostics().items()[0].message.find("« mille »"), std::string::npos)
                << error.diagnostics().items()[0].message;
        }
        EXPECT_TRUE(names_in(dir_ / "montants").empty()) << "no temporary file left";
        EXPECT_FALSE(fs::exists(dir_ / "montants.pdf"));
        for (const auto& name : names_in(dir_))
            EXPECT_TRUE(name == "montants" || name.find(".xml") != std::string::npos) << name;
    }
}

TEST(FileSink, WritesItsBytesAndNamesTheFileItCannotCreate) {
    const fs::path path = fs::temp_directory_path() / ("lettrine-sink-" + std::to_string(::getpid()));
    {
        FileSink sink(path);
        sink.write("%PDF-1.7\n");
        sink.write(std::string(300 * 1024, 'x'));  // larger than the buffer
        sink.write("%%EOF\n");
        sink.close();
    }
    EXPECT_TRUE(slurp(path) == "%PDF-1.7\n" + std::string(300 * 1024, 'x') + "%%EOF\n");
    fs::remove(path);
    try {
        FileSink sink(fs::path("/nonexistent-folder/lettre.pdf"));
        FAIL() << "expected a LettrineError";
    } catch (const LettrineError& error) {
        EXPECT_EQ(error.kind(), ErrorKind::Io);
        EXPECT_EQ(error.diagnostics().items().at(0).position.file, "/nonexistent-folder/lettre.pdf");
        EXPECT_EQ(error.diagnostics().items().at(0).message.rfind("impossible de créer le fichier (", 0), 0u);
    }
}

TEST(FileSink, TheFirstWriteErrorIsFinalInFrenchAndNamesTheDestination) {
    // /dev/full: every write fails with ENOSPC, like a full disk.
    if (!fs::exists("/dev/full")) GTEST_SKIP() << "/dev/full absent";
    FileSink sink("/dev/full", "sortie/lettres.pdf");
    const auto failure = [&](const std::function<void()>& action) {
        try {
            action();
        } catch (const LettrineError& error) {
            EXPECT_EQ(error.kind(), ErrorKind::Io);
            EXPECT_EQ(error.diagnostics().items().at(0).position.file, "sortie/lettres.pdf");
            return error.diagnostics().items().at(0).message;
        }
        return std::string("no error");
    };
    sink.write("%PDF-1.7\n");  // buffered: nothing written yet
    EXPECT_FALSE(sink.failed());
    const std::string first = failure([&] { sink.write(std::string(300 * 1024, 'x')); });
    EXPECT_EQ(first, "écriture impossible (plus de place sur le disque) : aucun fichier partiel n’est laissé");
    EXPECT_TRUE(sink.failed());
    // Later calls fail the same way at once, without trying to write again.
    EXPECT_EQ(failure([&] { sink.write("%%EOF\n"); }), first);
    EXPECT_EQ(failure([&] { sink.close(); }), first);
}

TEST(MergeFileNames, RepeatedNamesGetSuffixesNoOtherNameTakes) {
    EXPECT_EQ(distinct_file_names({"a", "b", "c"}), (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_EQ(distinct_file_names({"a", "a", "a"}), (std::vector<std::string>{"a", "a-2", "a-3"}));
    // A record really named "a-2" keeps its name, wherever it comes.
    EXPECT_EQ(distinct_file_names({"a", "a", "a-2"}), (std::vector<std::string>{"a", "a-3", "a-2"}));
    EXPECT_EQ(distinct_file_names({"a-2", "a", "a", "a-3", "a"}),
              (std::vector<std::string>{"a-2", "a", "a-4", "a-3", "a-5"}));
    // A suffixed name repeated itself.
    EXPECT_EQ(distinct_file_names({"a-2", "a", "a-2", "a"}), (std::vector<std::string>{"a-2", "a", "a-2-2", "a-3"}));
}

TEST_F(Merge, RecordsNamedLikeASuffixedTwinAllGetTheirFile) {
    std::ofstream data((dir_ / "noms.xml").string());
    // Every field the invitation prints: a merge refuses a field no record has.
    const std::string fields = "civilite=\"Madame\" prenom=\"Camille\" organisation=\"O\" atelier=\"Habitat\"><adresse>Nantes</adresse>";
    data << "<liste><ligne nom=\"a\" " << fields << "</ligne><ligne nom=\"a\" " << fields << "</ligne><ligne nom=\"a-2\" "
         << fields << "</ligne></liste>";
    data.close();
    MergeOptions o = options("noms", false, 2);
    o.data = dir_ / "noms.xml";
    o.each = "ligne";
    o.file_name_field = "nom";
    const JobResult result = run_merge(o);
    EXPECT_EQ(result.written,
              (std::vector<fs::path>{dir_ / "noms" / "a.pdf", dir_ / "noms" / "a-3.pdf", dir_ / "noms" / "a-2.pdf"}));
    EXPECT_EQ(names_in(dir_ / "noms"), (std::set<std::string>{"a.pdf", "a-2.pdf", "a-3.pdf"}));
}

}  // namespace
}  // namespace lettrine
