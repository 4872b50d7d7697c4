#include "web/merge_desk.hpp"

#include <map>

#include "core/output_files.hpp"
#include "core/text.hpp"
#include "merge/merge_job.hpp"
#include "web/sheet_grid.hpp"
#include "web/staff_jobs.hpp"
#include "web/zip_bundle.hpp"

namespace fs = boost::filesystem;

namespace lettrine::web {

namespace {

DataValue text(const std::string& s) { return DataValue::text(s); }

bool ends_with(const std::string& s, const std::string& end) {
    return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

// "Invitation AG.xml.mustache" -> "invitation-ag.xml.mustache": the name
// the merged PDFs are numbered after (« invitation-ag-0001.pdf »), as the
// command line names them.
std::string template_name(const std::string& sent) {
    std::string base = fs::path(shown_name(sent)).filename().string();
    std::string lower = base;
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    for (const char* suffix : {".mustache", ".xml"})
        if (ends_with(lower, suffix)) {
            base.resize(base.size() - std::string(suffix).size());
            lower.resize(base.size());
        }
    const std::string slug = slugify(base);
    return (slug.empty() ? "modele" : slug) + ".xml.mustache";
}

// The images of DOSSIER/input/, for the template to name.
void bring_images(const Workspace& workspace, const fs::path& folder) {
    fs::create_directories(folder);
    boost::system::error_code error;
    for (fs::directory_iterator it(workspace.inputs(), error), end; !error && it != end; it.increment(error)) {
        const std::string extension = lower_extension(it->path().filename().string());
        if ((extension == ".png" || extension == ".jpg" || extension == ".jpeg") && fs::is_regular_file(it->symlink_status()))
            fs::copy_file(it->path(), folder / it->path().filename(), fs::copy_options::overwrite_existing);
    }
}

// Problems with the form itself, all at once (nothing is read yet).
Diagnostics form_problems(const MergeRequest& request) {
    Diagnostics problems;
    if (request.template_file.size() != 1)
        problems.error({}, "choisissez un seul modèle : le fichier .xml.mustache du document à produire");
    else if (const std::string e = lower_extension(request.template_file.front().name); e != ".mustache" && e != ".xml")
        problems.error(SourcePosition::in_file(shown_name(request.template_file.front().name)),
                       "format non reconnu pour le modèle : un fichier .xml.mustache (docs/MODELES.md)");
    if (request.data.size() != 1)
        problems.error({}, "choisissez un seul fichier de données : un classeur (.xlsx, .ods), un fichier .csv ou .xml");
    if (trim(request.each).empty())
        problems.error({}, "indiquez la liste des éléments : le nom de la feuille du classeur (« Destinataires ») ou "
                           "le chemin des éléments du fichier XML (« destinataires/destinataire »)");
    return problems;
}

// The result page's cards (the first kMergeCards, previewed) and the list of every file.
void documents_view(const Workspace& workspace, const DecemberSettings& settings, const fs::path& output,
                    const std::vector<fs::path>& written, DataValue& view, std::vector<std::string>& served) {
    DataValue cards = DataValue::list(), all = DataValue::list();
    for (std::size_t i = 0; i < written.size(); ++i) {
        const std::string relative = written[i].lexically_relative(output).generic_string();
        const std::string title = written[i].filename().string();
        if (i < kMergeCards) {
            cards.push_back(document_card(workspace, output, relative, title, "Première page de " + title, 1,
                                          settings.preview_width, served));
        } else {
            served.push_back(relative);
        }
        DataValue item = DataValue::map();
        item.set("titre", text(title));
        item.set("pdf", text(relative));
        item.set("taille", text(size_text(static_cast<std::size_t>(fs::file_size(written[i])))));
        all.push_back(item);
    }
    view.set("cartes", cards);
    view.set("fichiers", all);
    view.set("nombre", text(std::to_string(written.size())));
    view.set("plus_de_cartes", DataValue::boolean(written.size() > kMergeCards));
}

}  // namespace

DecemberOutcome merge_from_upload(const Workspace& workspace, const DecemberSettings& settings,
                                  const MergeRequest& request,
                                  const std::function<std::string(const DataValue&)>& render) {
    const Diagnostics problems = form_problems(request);
    if (problems.has_errors()) return refused(problems, std::nullopt, "");
    ScratchFolder scratch(workspace);
    std::vector<SavedUpload> data;
    try {
        data = save_named_uploads(request.data, scratch.path() / "donnees", {".xlsx", ".ods", ".csv", ".xml"}, 1,
                                  "les données");
    } catch (const LettrineError& e) {
        return refused(e.diagnostics(), std::nullopt, "");
    }
    const UploadedFile& sent_template = request.template_file.front();
    // Two levels down, so that « ../../input/logo.png » (as in samples/fusion/) finds the images too.
    const fs::path template_file = scratch.path() / "modele" / "depot" / template_name(sent_template.name);
    write_file_atomically(template_file, sent_template.bytes);
    bring_images(workspace, scratch.path() / "input");
    const std::map<std::string, std::string> shown{{template_file.filename().string(), shown_name(sent_template.name)},
                                                   {data.front().file.filename().string(), data.front().shown}};
    const std::string received = shown_name(sent_template.name) + " (" + size_text(sent_template.bytes.size()) + "), " +
                                 data.front().shown + " (" + size_text(data.front().size) + ")";

    MergeOptions options;
    options.template_file = template_file;
    options.data = data.front().file;
    options.each = trim(request.each);
    options.single_file = request.single_file;
    options.file_name_field = trim(request.name_field);
    options.jobs = settings.jobs;
    options.progress = request.progress;
    const fs::path output = scratch.path() / "sortie";
    options.output = request.single_file ? output / (template_file.stem().stem().string() + ".pdf")
                                         : output / "publipostage";
    JobResult result;
    try {
        result = run_merge(options);
    } catch (const LettrineError& e) {
        if (e.kind() == ErrorKind::Internal) throw;
        const bool grid = lower_extension(data.front().file.string()) != ".xml";
        return refused(shown_positions(e.diagnostics(), shown, false), grid ? read_back(data.front().file) : std::nullopt,
                       received);
    }

    DecemberOutcome outcome;
    outcome.result_id = random_id();
    DataValue& view = outcome.view;
    view = DataValue::map();
    view.set("base", text("/resultats/" + outcome.result_id + "/"));
    view.set("recu", text(received));
    std::vector<std::string> served;
    documents_view(workspace, settings, output, result.written, view, served);
    if (!request.single_file) {
        std::vector<std::string> documents;
        for (const fs::path& f : result.written) documents.push_back(f.lexically_relative(output).generic_string());
        const std::string zip = "publipostage.zip";
        write_zip(output / zip, output, documents);
        DataValue archive = DataValue::map();
        archive.set("fichier", text(zip));
        archive.set("taille", text(size_text(static_cast<std::size_t>(fs::file_size(output / zip)))));
        view.set("archive", archive);
        served.push_back(zip);
    }
    add_remarks(view, shown_positions(result.warnings, shown, false));
    publish_result(workspace, output, outcome.result_id, served, render(view));
    return outcome;
}

}  // namespace lettrine::web
