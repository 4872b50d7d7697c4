#pragma once
// The words of a command that reads its own options (`serveur`, `signer`):
// "--name value" and "--name=value", one word at a time. The main command
// line has its own table (engine/cli); these commands keep theirs apart.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace lettrine {

class OptionWords {
public:
    // `usage_error` raises the command's French usage error (it names the
    // command's own help).
    OptionWords(const std::vector<std::string>& words, std::function<void(const std::string&)> usage_error)
        : words_(words), usage_error_(std::move(usage_error)) {}

    // Moves to the next word; false when none is left.
    bool next();
    // The current option's name ("--port" for "--port=8080"), or the word itself.
    const std::string& option() const { return option_; }
    // The current word, as given.
    const std::string& word() const { return words_[index_]; }
    // The option's value: what follows '=', else the next word; a usage
    // error in French when there is none.
    std::string value();

private:
    const std::vector<std::string>& words_;
    std::function<void(const std::string&)> usage_error_;
    std::size_t index_ = 0;
    bool started_ = false;
    std::string option_, inline_value_;
    bool has_inline_value_ = false;
};

}  // namespace lettrine
