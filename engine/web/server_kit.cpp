#include "web/server_kit.hpp"

#include <algorithm>

#include "web/format_choice.hpp"

namespace lettrine::web {

ServerKit::ServerKit(const ServerOptions& o)
    : options(o), workspace(o.folder), pages(boost::filesystem::path(o.templates) / "web"), access(o, pages),
      gate(o.batches, static_cast<std::size_t>(std::max(1, o.workers - o.batches - o.free_workers))),
      desk(workspace) {
    december.templates = o.templates;
    december.jobs = o.jobs;
}

void ServerKit::html(httplib::Response& res, int status, const std::string& body) {
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(body, "text/html; charset=utf-8");
}

std::string ServerKit::page(const httplib::Request& req, httplib::Response& res, const std::string& name,
                            const std::string& title, DataValue data, bool error) {
    if (!data.is_map()) data = DataValue::map();
    data.set("jeton", DataValue::text(access.form_token(req, res)));
    data.set("taille_max", DataValue::text(size_text(options.max_upload_bytes)));
    access.add_session_fields(req, data);
    add_format_fields(req, data);
    return pages.render(name, title, data, error);
}

bool ServerKit::staff_post(const httplib::Request& req, httplib::Response& res) {
    return access.allow_staff(req, res) && access.check_form(req, res);
}

bool ServerKit::uploaded_files(const httplib::Request& req, httplib::Response& res, std::vector<UploadedFile>& files,
                               const std::string& field) {
    if (!req.is_multipart_form_data()) {
        html(res, 400, pages.message("Envoi incomplet",
                                     "Le formulaire n’a pas transmis de fichier. Revenez à la page précédente et "
                                     "choisissez le fichier à envoyer."));
        return false;
    }
    const auto range = req.files.equal_range(field);
    for (auto it = range.first; it != range.second; ++it)
        if (!it->second.filename.empty() || !it->second.content.empty())
            files.push_back({it->second.filename, it->second.content});
    return true;
}

std::string ServerKit::job_owner(const httplib::Request& req) {
    if (access.enabled()) {
        const std::optional<Session> session = access.session(req);
        return session ? "session:" + session->id : "";
    }
    const std::string form = cookie_value(req, kFormCookie);
    return form.empty() ? "" : "formulaire:" + form;
}

void ServerKit::start_job(httplib::Response& res, const std::string& owner, const std::string& kind,
                          BatchJobs::Work work, const std::string& prefix) {
    see_other(res, prefix + "/" + jobs.start(owner, kind, std::move(work)));
}

void ServerKit::see_other(httplib::Response& res, const std::string& location) {
    res.status = 303;
    res.set_header("Location", location);
    res.set_content("", "text/plain");
}

}  // namespace lettrine::web
