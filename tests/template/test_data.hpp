#pragma once
// Small builders for DataValue trees and template errors in tests.
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "core/diagnostic.hpp"
#include "data/value.hpp"
#include "template/template.hpp"

namespace lettrine::test {

inline DataValue text(const std::string& s) { return DataValue::text(s); }

inline DataValue map(std::initializer_list<std::pair<std::string, DataValue>> entries) {
    DataValue m = DataValue::map();
    for (const auto& [key, value] : entries) m.set(key, value);
    return m;
}

inline DataValue list(std::initializer_list<DataValue> items) {
    DataValue l = DataValue::list();
    for (const auto& item : items) l.push_back(item);
    return l;
}

// Every message of the LettrineError thrown by `f`, described ("file:line:col : message").
template <typename F>
std::vector<std::string> error_messages(F&& f, ErrorKind expected_kind = ErrorKind::Template) {
    try {
        f();
    } catch (const LettrineError& e) {
        EXPECT_EQ(static_cast<int>(e.kind()), static_cast<int>(expected_kind));
        std::vector<std::string> messages;
        for (const auto& d : e.diagnostics().items()) messages.push_back(d.describe());
        return messages;
    }
    ADD_FAILURE() << "expected a LettrineError";
    return {};
}

inline std::vector<std::string> parse_errors(const std::string& text, PartialLoader loader = {}) {
    return error_messages([&] { Template::parse(text, "t.mustache", loader); });
}

inline std::vector<std::string> described(const Diagnostics& diagnostics) {
    std::vector<std::string> out;
    for (const auto& d : diagnostics.items()) out.push_back(d.describe());
    return out;
}

}  // namespace lettrine::test
