#pragma once
// The pages of a batch started as a job (BatchJobs), shared by the upload pages:
//   GET /travaux/ID        the waiting page (a progress bar, refreshed every
//                          two seconds without JavaScript), then a 303 to the
//                          result, or the upload page with every problem (422)
//   GET /travaux/ID.json   the state the page's script polls
// An unknown id, or another owner's, is a French 404.
#include <functional>
#include <map>
#include <string>

#include <httplib.h>

#include "web/server_kit.hpp"

namespace lettrine::web {

// The upload page of a job's kind, with its refusal (`view`) shown.
using RefusalPage = std::function<std::string(const httplib::Request&, httplib::Response&, const DataValue& view)>;

void add_job_routes(httplib::Server& http, ServerKit& kit, std::map<std::string, RefusalPage> refusal_pages);

// « 2 travaux avant le vôtre », « Lettres de mission : 3 documents sur 4 ».
std::string job_text(const JobState& state);

}  // namespace lettrine::web
