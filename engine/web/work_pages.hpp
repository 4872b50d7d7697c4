#pragma once
// The staff's workflow pages beyond December (docs/SERVEUR.md):
//   GET  /rapport, POST /rapport              notes → each sector's state, the rapport d'activité
//   GET  /assemblee, POST /assemblee          AG workbook → workshop packs, dossier, émargement, badges
//   GET  /publipostage, POST /publipostage    template + data → merged PDFs
// Each POST answers with every problem (422) or a 303 to its result page.
#include <httplib.h>

#include "web/server_kit.hpp"

namespace lettrine::web {

void add_work_routes(httplib::Server& http, ServerKit& kit);

// Each page's routes, from its own file.
void add_report_routes(httplib::Server& http, ServerKit& kit);
void add_assembly_routes(httplib::Server& http, ServerKit& kit);
void add_merge_routes(httplib::Server& http, ServerKit& kit);

// « programme_garde »: whether the Référents page keeps a programme (the
// programme field is then optional).
void add_kept_programme(const ServerKit& kit, DataValue& data);

// « bilans_rendus » and « bilans_rendus_texte »: the bilans the référents
// returned, kept in DOSSIER/input/bilans/ (« 3 bilans dans le dossier du serveur »).
void add_returned_bilans(const ServerKit& kit, DataValue& data);

}  // namespace lettrine::web
