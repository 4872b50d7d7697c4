#pragma once
// A generic data tree: what any reader gives the template stage. Strings,
// lists and maps (ordered by insertion), each carrying where it was read.
// The mail merge (`lettrine fusion`) works on this alone; the December
// presets build one from the validated Programme.
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/position.hpp"

namespace lettrine {

class DataValue {
public:
    enum class Kind { Null, Text, List, Map };

    DataValue() = default;
    static DataValue text(std::string s, SourcePosition where = {});
    static DataValue list(SourcePosition where = {});
    static DataValue map(SourcePosition where = {});
    // A map of entries whose keys are distinct (not checked): builds a map of
    // n entries in O(n), where n calls to set() would cost O(n²).
    static DataValue map_of(std::vector<std::pair<std::string, DataValue>> entries, SourcePosition where = {});
    static DataValue boolean(bool b);  // "oui" / "" : Mustache sections treat "" as false

    Kind kind() const { return kind_; }
    bool is_null() const { return kind_ == Kind::Null; }
    bool is_text() const { return kind_ == Kind::Text; }
    bool is_list() const { return kind_ == Kind::List; }
    bool is_map() const { return kind_ == Kind::Map; }

    const std::string& as_text() const { return text_; }
    const SourcePosition& position() const { return position_; }

    // List access.
    void push_back(DataValue v) { items_.push_back(std::move(v)); }
    const std::vector<DataValue>& items() const { return items_; }
    std::vector<DataValue>& items() { return items_; }

    // Map access: keys keep their insertion order.
    void set(const std::string& key, DataValue v);
    const DataValue* find(const std::string& key) const;
    const std::vector<std::pair<std::string, DataValue>>& entries() const { return entries_; }

    // Dotted path ("secteurs", "programme.annee"): nullptr when absent.
    const DataValue* find_path(const std::string& dotted) const;

private:
    Kind kind_ = Kind::Null;
    std::string text_;
    std::vector<DataValue> items_;
    std::vector<std::pair<std::string, DataValue>> entries_;
    SourcePosition position_;
};

// "a\nb" -> [{ligne: a}, {ligne: b}]: a multi-line text (an address) for
// templates that print it line by line; blank lines dropped, lines trimmed.
// `where`: the text's cell, kept by the list and each line.
DataValue line_list(const std::string& multiline, const SourcePosition& where = {});

}  // namespace lettrine
