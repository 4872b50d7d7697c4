#pragma once
// A real `lettrine serveur` (engine/web) started inside the test on a free
// port of 127.0.0.1, with its own --dossier in a fresh temporary folder, and
// an httplib client talking to it.
#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include <boost/filesystem.hpp>
#include <gtest/gtest.h>
#include <httplib.h>

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
    explicit RunningServer(ServerOptions options = {}) {
        folder_ = fs::temp_directory_path() / fs::unique_path("lettrine-web-%%%%-%%%%-%%%%");
        fs::create_directories(folder_ / "input");
        fs::copy_file(source("input/logo-ecossolies.png"), folder_ / "input" / "logo-ecossolies.png");
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

inline std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

// Files (not folders) under `folder`, recursively.
inline std::size_t files_under(const fs::path& folder) {
    std::size_t n = 0;
    boost::system::error_code error;
    for (fs::recursive_directory_iterator it(folder, error), end; it != end; it.increment(error))
        if (fs::is_regular_file(it->path())) ++n;
    return n;
}

}  // namespace lettrine::web::testing
