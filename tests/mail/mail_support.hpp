#pragma once
// What the mail tests share: an e-mail read back by Python's email package
// (an outside parser, tests/mail/read_mail.py), and a real SMTP server
// (aiosmtpd, tests/mail/smtp_server.py) started for a test on 127.0.0.1.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/filesystem.hpp>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/process.hpp"

namespace mail_test {

namespace fs = boost::filesystem;

inline const char* const kPython = "/usr/bin/python3";

inline std::string slurp(const fs::path& p) {
    std::ifstream in(p.string(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline std::string unescape(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\\' || i + 1 == text.size()) {
            out += text[i];
            continue;
        }
        const char c = text[++i];
        out += c == 'n' ? '\n' : c == 'r' ? '\r' : c;
    }
    return out;
}

// Every "key<TAB>value" read_mail.py prints for `file`; throws when Python
// could not read it at all.
inline std::map<std::string, std::string> parse_with_python(const fs::path& file) {
    const std::string command = std::string(kPython) + " '" LETTRINE_SOURCE_DIR "/tests/mail/read_mail.py' '" +
                                file.string() + "' 2>&1";
    const lettrine::test_support::CommandResult result = lettrine::test_support::run_command(command);
    const std::string& text = result.out;
    if (result.code != 0) throw std::runtime_error("read_mail.py a échoué : " + text);
    std::map<std::string, std::string> fields;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        const std::size_t tab = line.find('\t');
        if (tab != std::string::npos) fields[line.substr(0, tab)] = unescape(line.substr(tab + 1));
    }
    return fields;
}

// A real SMTP server for the length of a test: started in the constructor
// (its port read from its first line), stopped by closing its input.
class SmtpServer {
public:
    // `secured`: certificate, key, user, password (STARTTLS and AUTH required).
    SmtpServer(const fs::path& folder, const fs::path& refuse_file, const std::vector<std::string>& secured = {}) {
        int to_child[2], from_child[2];
        if (::pipe(to_child) != 0 || ::pipe(from_child) != 0) throw std::runtime_error("pipe");
        pid_ = ::fork();
        if (pid_ == 0) {
            ::dup2(to_child[0], 0);
            ::dup2(from_child[1], 1);
            ::close(to_child[1]);
            ::close(from_child[0]);
            const std::string script = LETTRINE_SOURCE_DIR "/tests/mail/smtp_server.py";
            std::vector<std::string> words = {kPython, script, folder.string(), refuse_file.string()};
            words.insert(words.end(), secured.begin(), secured.end());
            std::vector<char*> argv;
            for (std::string& w : words) argv.push_back(&w[0]);
            argv.push_back(nullptr);
            ::execv(kPython, argv.data());
            ::_exit(127);
        }
        ::close(to_child[0]);
        ::close(from_child[1]);
        input_ = to_child[1];
        std::string line;
        char c;
        while (::read(from_child[0], &c, 1) == 1 && c != '\n') line += c;
        ::close(from_child[0]);
        port_ = line.empty() ? 0 : std::stoi(line);
        if (port_ == 0) {
            stop();
            throw std::runtime_error("le serveur SMTP de test n'a pas démarré (python3-aiosmtpd installé ?)");
        }
    }
    ~SmtpServer() { stop(); }
    SmtpServer(const SmtpServer&) = delete;
    SmtpServer& operator=(const SmtpServer&) = delete;

    int port() const { return port_; }

private:
    void stop() {
        if (input_ >= 0) ::close(input_);
        input_ = -1;
        if (pid_ > 0) {
            int status = 0;
            ::waitpid(pid_, &status, 0);
        }
        pid_ = -1;
    }
    pid_t pid_ = -1;
    int input_ = -1;
    int port_ = 0;
};

}  // namespace mail_test
