#pragma once
// The pages of a batch started as a job (BatchJobs), shared by the upload pages:
//   GET PREFIX/ID        the waiting page (a progress bar, refreshed every
//                        two seconds without JavaScript), then a 303 to the
//                        result, or the upload page with every problem (422)
//   GET PREFIX/ID.json   the state the page's script polls
// PREFIX is /travaux for the staff's jobs (followed from the session, or the
// form cookie without accounts) and /referent/TOKEN/travaux for a référent's
// (followed through its link alone). An unknown id, or another owner's, is a
// French 404. Each page registers the refusal page of its kind of job in
// ServerKit::refusal_pages.
#include <functional>
#include <string>

#include <httplib.h>

#include "web/server_kit.hpp"

namespace lettrine::web {

// Where jobs are followed: `prefix` (a regular expression of the path before
// « /ID ») and who the request is (`owner`: "" is nobody).
struct JobAddresses {
    std::string prefix;
    std::function<std::string(const httplib::Request&)> owner;
};

void add_job_routes(httplib::Server& http, ServerKit& kit, const JobAddresses& addresses);

// « 2 travaux avant le vôtre », « Lettres de mission : 3 documents sur 4 ».
std::string job_text(const JobState& state);

}  // namespace lettrine::web
