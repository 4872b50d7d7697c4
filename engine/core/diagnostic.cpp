#include "core/diagnostic.hpp"

#include <algorithm>

namespace lettrine {

std::string Diagnostic::describe() const {
    std::string where = position.describe();
    std::string prefix = severity == Severity::Warning ? "avertissement : " : "";
    if (where.empty()) return prefix + message;
    return where + " : " + prefix + message;
}

int exit_code_for(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::Usage: return 2;
        case ErrorKind::Data: return 3;
        case ErrorKind::Template: return 4;
        case ErrorKind::Io: return 5;
        case ErrorKind::Internal: return 70;
    }
    return 70;
}

void Diagnostics::error(SourcePosition where, std::string message) {
    items_.push_back({Severity::Error, std::move(where), std::move(message)});
}

void Diagnostics::warning(SourcePosition where, std::string message) {
    items_.push_back({Severity::Warning, std::move(where), std::move(message)});
}

void Diagnostics::append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::size_t Diagnostics::error_count() const {
    return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(),
        [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

static std::string first_message(const Diagnostics& diagnostics) {
    for (const auto& d : diagnostics.items())
        if (d.severity == Severity::Error) return d.describe();
    return diagnostics.empty() ? "erreur" : diagnostics.items().front().describe();
}

LettrineError::LettrineError(ErrorKind kind, Diagnostics diagnostics)
    : std::runtime_error(first_message(diagnostics)), kind_(kind), diagnostics_(std::move(diagnostics)) {}

static Diagnostics single(SourcePosition where, const std::string& message) {
    Diagnostics d;
    d.error(std::move(where), message);
    return d;
}

LettrineError::LettrineError(ErrorKind kind, SourcePosition where, const std::string& message)
    : LettrineError(kind, single(std::move(where), message)) {}

}  // namespace lettrine
