#include "web/work_pages.hpp"

namespace lettrine::web {

void add_kept_programme(const ServerKit& kit, DataValue& data) {
    data.set("programme_garde", DataValue::boolean(!kit.desk.programme().empty()));
}

void add_work_routes(httplib::Server& http, ServerKit& kit) {
    add_report_routes(http, kit);
    add_assembly_routes(http, kit);
    add_merge_routes(http, kit);
}

}  // namespace lettrine::web
