#pragma once
// `lettrine serveur`: the French web interface over the library jobs
// (cpp-httplib, docs/SERVEUR.md). Pages and routes:
//   GET  /                                   home: the workflows
//   GET  /decembre                           the Décembre upload form
//   POST /decembre                           upload → every problem (422) or 303 to the result
//   GET  /resultats/<id>/                    a result's page: the documents' cards, or a note (bookmarkable)
//   GET  /resultats/<id>/<fichier>           a file of the result (PDF inline, XLSX, ZIP, PNG)
//   GET  /referents, POST /referents         the staff's page: one upload link per sector
//   GET  /referent/<jeton>                   a sector's page: blank form, upload of the filled bilan
//   GET  /referent/<jeton>/formulaire        the blank bilan form (XLSX)
//   POST /referent/<jeton>                   filled bilan → every problem (422) or 303 to its note
//   GET  /static/lettrine.css, /static/lettrine.js
#include <memory>
#include <string>
#include <vector>

#include "web/options.hpp"

namespace lettrine::web {

class WebServer {
public:
    // Checks the options and the folders (LettrineError in French).
    explicit WebServer(const ServerOptions& options);
    ~WebServer();
    WebServer(const WebServer&) = delete;
    WebServer& operator=(const WebServer&) = delete;

    // Binds the address (port 0: any free port); returns the port.
    // Throws LettrineError(Io) in French when the port is taken.
    int bind();
    // Serves until stop(); returns false when the server could not listen.
    bool run();
    // From any thread.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The `serveur` command: parses `args` (what follows « serveur »), serves
// until SIGINT or SIGTERM, returns the exit code.
int serve_command(const std::vector<std::string>& args);

}  // namespace lettrine::web
