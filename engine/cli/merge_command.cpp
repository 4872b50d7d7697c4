// fusion: the generic mail merge.
#include "cli/handlers.hpp"
#include "merge/merge_job.hpp"

namespace lettrine {

int run_merge_command(const Invocation& in, Console& console) {
    MergeOptions merge;
    merge.template_file = in.value("--modele");
    merge.data = in.value("--donnees");
    merge.output = in.value("--sortie");
    merge.each = in.value("--chaque");
    merge.single_file = in.flag("--un-fichier");
    merge.file_name_field = in.value("--nom");
    merge.strict = in.flag("--strict");
    merge.jobs = in.jobs();
    merge.formats = parse_output_formats(in.value("--format"));
    merge.archival = in.archival();
    merge.progress = &console.progress();
    merge.job = in.output_job();
    // « 3 PDF dans … », or « 3 documents (pdf, odt) dans … » in several formats.
    const bool pdf = merge.formats.size() == 1 && merge.formats.front()->name == "pdf";
    return console.report(run_merge(merge), {{"", pdf ? "PDF" : "document", merge.single_file ? "" : pdf ? "PDF" : "documents"}});
}

}  // namespace lettrine
