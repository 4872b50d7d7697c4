#pragma once
// Problems found in the user's input, collected (never printed from deep
// inside) and reported all at once by the command line.
#include <stdexcept>
#include <string>
#include <vector>

#include "core/position.hpp"

namespace lettrine {

enum class Severity { Error, Warning };

struct Diagnostic {
    Severity severity = Severity::Error;
    SourcePosition position;
    std::string message;  // French, no trailing period needed

    // "programme-2016.xlsx, feuille « Secteurs », cellule H4 : « dix mille » n'est pas un montant"
    std::string describe() const;
};

// What kind of failure: decides the process exit code.
enum class ErrorKind { Usage, Data, Template, Io, Internal };

// Exit codes, documented in docs/CLI.md.
int exit_code_for(ErrorKind kind);

class Diagnostics {
public:
    void error(SourcePosition where, std::string message);
    void warning(SourcePosition where, std::string message);
    void add(Diagnostic d) { items_.push_back(std::move(d)); }
    void append(const Diagnostics& other);

    bool has_errors() const;
    std::size_t error_count() const;
    const std::vector<Diagnostic>& items() const { return items_; }
    bool empty() const { return items_.empty(); }

private:
    std::vector<Diagnostic> items_;
};

// The engine's one exception type: a kind (for the exit code) and every
// positioned problem found. what() gives the first message, in French.
class LettrineError : public std::runtime_error {
public:
    LettrineError(ErrorKind kind, Diagnostics diagnostics);
    LettrineError(ErrorKind kind, SourcePosition where, const std::string& message);
    ErrorKind kind() const { return kind_; }
    const Diagnostics& diagnostics() const { return diagnostics_; }

private:
    ErrorKind kind_;
    Diagnostics diagnostics_;
};

}  // namespace lettrine
