#include "data/value.hpp"

#include <sstream>

#include "core/text.hpp"

namespace lettrine {

DataValue DataValue::text(std::string s, SourcePosition where) {
    DataValue v;
    v.kind_ = Kind::Text;
    v.text_ = std::move(s);
    v.position_ = std::move(where);
    return v;
}

DataValue DataValue::list(SourcePosition where) {
    DataValue v;
    v.kind_ = Kind::List;
    v.position_ = std::move(where);
    return v;
}

DataValue DataValue::map(SourcePosition where) {
    DataValue v;
    v.kind_ = Kind::Map;
    v.position_ = std::move(where);
    return v;
}

DataValue DataValue::map_of(std::vector<std::pair<std::string, DataValue>> entries, SourcePosition where) {
    DataValue v = map(std::move(where));
    v.entries_ = std::move(entries);
    return v;
}

DataValue DataValue::boolean(bool b) { return text(b ? "oui" : ""); }

void DataValue::set(const std::string& key, DataValue v) {
    for (auto& entry : entries_)
        if (entry.first == key) { entry.second = std::move(v); return; }
    entries_.emplace_back(key, std::move(v));
}

const DataValue* DataValue::find(const std::string& key) const {
    for (const auto& entry : entries_)
        if (entry.first == key) return &entry.second;
    return nullptr;
}

const DataValue* DataValue::find_path(const std::string& dotted) const {
    const DataValue* current = this;
    std::size_t start = 0;
    while (current && start <= dotted.size()) {
        const std::size_t dot = dotted.find('.', start);
        const std::string key = dotted.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        if (key.empty()) return current;
        current = current->is_map() ? current->find(key) : nullptr;
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    return current;
}

DataValue line_list(const std::string& multiline, const SourcePosition& where) {
    DataValue list = DataValue::list(where);
    std::istringstream in(multiline);
    std::string line;
    while (std::getline(in, line)) {
        line = trim(line);
        if (line.empty()) continue;
        DataValue item = DataValue::map(where);
        item.set("ligne", DataValue::text(line, where));
        list.push_back(item);
    }
    return list;
}

}  // namespace lettrine
