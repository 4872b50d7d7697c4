#pragma once
// A real `lettrine serveur` (engine/web) started inside the test on a free
// port of 127.0.0.1, with its own --dossier in a fresh temporary folder, and
// an httplib client talking to it.
#include <sys/wait.h>
#include <zip.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <thread>

#include <boost/filesystem.hpp>
#include <gtest/gtest.h>
#include <httplib.h>

#include "support/process.hpp"
#include "web/server.hpp"

namespace lettrine::web::testing {

namespace fs = boost::filesystem;

inline std::string slurp(const fs::path& file) {
    std::ifstream in(file.string(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

inline fs::path source(const std::string& relative) { return fs::path(LETTRINE_SOURCE_DIR) / relative; }

class RunningServer {
public:
    // `prepare`, when given, fills the --dossier before the server starts.
    explicit RunningServer(ServerOptions options = {}, const std::function<void(const fs::path&)>& prepare = {}) {
        folder_ = fs::temp_directory_path() / fs::unique_path("lettrine-web-%%%%-%%%%-%%%%");
        fs::create_directories(folder_ / "input");
        fs::copy_file(source("input/logo-ecossolies.png"), folder_ / "input" / "logo-ecossolies.png");
        if (prepare) prepare(folder_);
        options.address = "127.0.0.1";
        options.port = 0;
        options.folder = folder_.string();
        options.templates = source("templates").string();
        server_ = std::make_unique<WebServer>(options);
        port_ = server_->bind();
        thread_ = std::thread([this] { server_->run(); });
    }
    ~RunningServer() {
        server_->stop();
        thread_.join();
        boost::system::error_code ignored;
        fs::remove_all(folder_, ignored);
    }
    int port() const { return port_; }
    const fs::path& folder() const { return folder_; }
    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port_);
        c.set_read_timeout(120, 0);
        c.set_write_timeout(120, 0);
        return c;
    }

private:
    fs::path folder_;
    std::unique_ptr<WebServer> server_;
    int port_ = 0;
    std::thread thread_;
};

// What a browser would send with a form of `page`: the form cookie (or the
// session's, when `cookies` already holds one) and the form's token.
struct FormCredentials {
    std::string cookies;  // the Cookie header
    std::string token;    // the form's « jeton »
};

// "name=value" of each Set-Cookie of `res`, appended to `cookies` ("a=b; c=d").
inline std::string with_cookies_of(const httplib::Result& res, std::string cookies) {
    for (std::size_t i = 0; i < res->get_header_value_count("Set-Cookie"); ++i) {
        const std::string set = res->get_header_value("Set-Cookie", i);
        cookies += (cookies.empty() ? "" : "; ") + set.substr(0, set.find(';'));
    }
    return cookies;
}

inline std::string token_in(const std::string& html) {
    const std::string mark = "name=\"jeton\" value=\"";
    const auto at = html.rfind(mark);
    return at == std::string::npos ? "" : html.substr(at + mark.size(), 64);
}

inline FormCredentials form_credentials(httplib::Client& client, const std::string& page, const std::string& cookies = "") {
    httplib::Headers headers;
    if (!cookies.empty()) headers.emplace("Cookie", cookies);
    auto res = client.Get(page.c_str(), headers);
    EXPECT_TRUE(res) << page;
    if (!res) return {};
    EXPECT_EQ(res->status, 200) << page;
    return {with_cookies_of(res, cookies), token_in(res->body)};
}

// Whether `location` is a job's waiting page: /travaux/ID for the staff,
// /referent/TOKEN/travaux/ID for a référent.
inline bool is_job_page(const std::string& location) {
    return location.rfind("/travaux/", 0) == 0 ||
           (location.rfind("/referent/", 0) == 0 && location.find("/travaux/") != std::string::npos);
}

// A batch started as a job answers with a 303 to its waiting page: follows
// it, as the page's refresh would, until the job answers with its result
// (303 to /resultats/ID/) or its refusal (422).
inline httplib::Result follow_job(httplib::Client& client, httplib::Result res, const std::string& cookies) {
    for (int tries = 0; tries < 1200 && res && res->status == 303 && is_job_page(res->get_header_value("Location"));
         ++tries) {
        const std::string waiting = res->get_header_value("Location");
        httplib::Result page = client.Get(waiting.c_str(), {{"Cookie", cookies}});
        while (page && page->status == 200) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            page = client.Get(waiting.c_str(), {{"Cookie", cookies}});
        }
        res = std::move(page);
    }
    return res;
}

// Posts `files` (field « fichiers ») from the form of `page` to `path`, as a browser would.
inline httplib::Result post_files(httplib::Client& client, const std::string& page, const std::string& path,
                                  const std::vector<std::pair<std::string, std::string>>& files,
                                  const std::string& cookies = "") {
    const FormCredentials form = form_credentials(client, page, cookies);
    httplib::MultipartFormDataItems items{{"jeton", form.token, "", ""}};
    for (const auto& [name, bytes] : files) items.push_back({"fichiers", bytes, name, "application/octet-stream"});
    return follow_job(client, client.Post(path.c_str(), {{"Cookie", form.cookies}}, items), form.cookies);
}

// One part of a multipart form: a file when `name` is set, else a plain field.
struct FormPart {
    std::string field, name, bytes;
};

// Posts `parts` with the form token of `page` to `path`, as a browser would.
inline httplib::Result post_form(httplib::Client& client, const std::string& page, const std::string& path,
                                 const std::vector<FormPart>& parts, const std::string& cookies = "") {
    const FormCredentials form = form_credentials(client, page, cookies);
    httplib::MultipartFormDataItems items{{"jeton", form.token, "", ""}};
    for (const FormPart& p : parts)
        items.push_back({p.field, p.bytes, p.name, p.name.empty() ? "" : "application/octet-stream"});
    return follow_job(client, client.Post(path.c_str(), {{"Cookie", form.cookies}}, items), form.cookies);
}

// sector name -> the path of its link ("/referent/<token>"), from the staff's Référents page.
inline std::map<std::string, std::string> links_on(const std::string& page) {
    std::map<std::string, std::string> links;
    const std::regex row(R"re(<tr><td>([^<]+)</td><td><a href="http://[^/]+(/referent/[0-9a-f]{32})")re");
    for (std::sregex_iterator it(page.begin(), page.end(), row), end; it != end; ++it) links[(*it)[1]] = (*it)[2];
    return links;
}

// Runs `lettrine ARGUMENTS` through the shell (« 2>&1 » added): (exit code, output).
inline std::pair<int, std::string> run_lettrine(const std::string& arguments, const std::string& before = "") {
    const auto result = test_support::run_command(before + std::string(LETTRINE_EXE) + " " + arguments + " 2>&1");
    return {result.code, result.out};
}

inline std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

// A preview image of a result page (rendered when first asked for: the
// server answers 503 with Retry-After while the helper draws it), asked for
// again as the page's script would until it is there or refused.
inline httplib::Result get_preview(httplib::Client& client, const std::string& path, const std::string& cookies = "") {
    httplib::Result res = client.Get(path.c_str(), {{"Cookie", cookies}});
    for (int tries = 0; tries < 600 && res && res->status == 503; ++tries) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        res = client.Get(path.c_str(), {{"Cookie", cookies}});
    }
    return res;
}

// Files (not folders) under `folder`, recursively.
inline std::size_t files_under(const fs::path& folder) {
    std::size_t n = 0;
    boost::system::error_code error;
    for (fs::recursive_directory_iterator it(folder, error), end; it != end; it.increment(error))
        if (fs::is_regular_file(it->path())) ++n;
    return n;
}

// The entries of a ZIP archive held in memory, in archive order.
inline std::vector<std::pair<std::string, std::string>> zip_entries(const std::string& bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
    EXPECT_NE(archive, nullptr);
    std::vector<std::pair<std::string, std::string>> entries;
    if (!archive) return entries;
    for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
        zip_stat_t stat;
        zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &stat);
        std::string content(stat.size, '\0');
        zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
        zip_fread(file, content.data(), stat.size);
        zip_fclose(file);
        entries.emplace_back(stat.name, content);
    }
    zip_close(archive);
    return entries;
}

}  // namespace lettrine::web::testing
