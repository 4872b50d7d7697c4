#pragma once
// What every page of `lettrine serveur` shares: the options, the workspace,
// the page templates, the access rules, the batch queue, and the helpers
// that answer in French (a page, a message, a redirection). The December
// and référent routes live in server.cpp; each further workflow page
// (rapport, AG, publipostage) adds its routes from its own file with these.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <httplib.h>

#include "web/access.hpp"
#include "web/batch_jobs.hpp"
#include "web/december.hpp"
#include "web/options.hpp"
#include "web/pages.hpp"
#include "web/previews.hpp"
#include "web/referents.hpp"
#include "web/retention.hpp"
#include "web/task_queue.hpp"
#include "web/upload.hpp"
#include "web/workspace.hpp"

namespace lettrine::web {

// The upload page of a kind of job, with the job's refusal (`view`) shown.
using RefusalPage = std::function<std::string(const httplib::Request&, httplib::Response&, const DataValue& view)>;

// Where the staff follow their jobs (engine/web/job_pages.hpp).
inline constexpr const char* kJobsPrefix = "/travaux";

struct ServerKit {
    explicit ServerKit(const ServerOptions& o);

    ServerOptions options;
    Workspace workspace;
    Pages pages;
    AccessControl access;
    DecemberSettings december;
    BatchGate gate;
    ReferentDesk desk;
    PreviewService previews{workspace.preview_cache()};
    ResultRetention retention{workspace, options.retention_days};
    // By kind of job (« decembre », « rapport »…): filled by each page's
    // routes before the server listens, read-only afterwards.
    std::map<std::string, RefusalPage> refusal_pages;
    BatchJobs jobs{gate};  // last: its running jobs use the members above

    // Who may follow a job: the staff session, or the form cookie when
    // accounts are off (a référent's jobs are bound to its link's token).
    std::string job_owner(const httplib::Request& req);
    // Starts `work` as a job of `kind` and sends the browser to its waiting
    // page, `prefix`/ID (job_pages.hpp).
    void start_job(httplib::Response& res, const std::string& owner, const std::string& kind, BatchJobs::Work work,
                   const std::string& prefix = kJobsPrefix);

    // An HTML answer, never cached.
    void html(httplib::Response& res, int status, const std::string& body);
    // A live page (not a stored result page): its forms carry the token, its
    // header the account and the logout button.
    std::string page(const httplib::Request& req, httplib::Response& res, const std::string& name,
                     const std::string& title, DataValue data, bool error = false);
    // A staff POST: a session when accounts are on, and the form's token.
    bool staff_post(const httplib::Request& req, httplib::Response& res);
    // The files of the form's `field`; false (and a French page) when the
    // request is not a multipart form. Empty file inputs are left out.
    bool uploaded_files(const httplib::Request& req, httplib::Response& res, std::vector<UploadedFile>& files,
                        const std::string& field = "fichiers");
    void see_other(httplib::Response& res, const std::string& location);
};

}  // namespace lettrine::web
