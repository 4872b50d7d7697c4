#include "web/work_pages.hpp"

namespace lettrine::web {

void add_kept_programme(const ServerKit& kit, DataValue& data) {
    data.set("programme_garde", DataValue::boolean(!kit.desk.programme().empty()));
}

namespace {

std::size_t returned_bilans(const Workspace& workspace) {
    std::size_t n = 0;
    boost::system::error_code error;
    const boost::filesystem::path folder = workspace.inputs() / "bilans";
    if (boost::filesystem::is_directory(folder, error))
        for (boost::filesystem::directory_iterator it(folder, error), end; !error && it != end; it.increment(error))
            if (boost::filesystem::is_regular_file(it->symlink_status())) ++n;
    return n;
}

}  // namespace

void add_returned_bilans(const ServerKit& kit, DataValue& data) {
    const std::size_t returned = returned_bilans(kit.workspace);
    data.set("bilans_rendus", DataValue::boolean(returned > 0));
    data.set("bilans_rendus_texte",
             DataValue::text(returned == 0 ? "aucun pour l’instant"
                                           : std::to_string(returned) + (returned > 1 ? " bilans" : " bilan") +
                                                 " dans le dossier du serveur"));
}

void add_work_routes(httplib::Server& http, ServerKit& kit) {
    add_report_routes(http, kit);
    add_assembly_routes(http, kit);
    add_merge_routes(http, kit);
}

}  // namespace lettrine::web
