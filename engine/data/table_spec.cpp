#include "data/table_spec.hpp"

#include <stdexcept>

#include "data/names.hpp"

namespace lettrine {

const FieldSpec* TableSpec::match(const std::string& name) const {
    const std::string wanted = normalize_name(name);
    if (wanted.empty()) return nullptr;
    for (const auto& f : fields) {
        if (normalize_name(f.id) == wanted || normalize_name(f.label) == wanted) return &f;
        for (const auto& alias : f.aliases)
            if (normalize_name(alias) == wanted) return &f;
    }
    return nullptr;
}

const FieldSpec& TableSpec::field(const std::string& wanted) const {
    for (const auto& f : fields)
        if (f.id == wanted) return f;
    throw std::logic_error("unknown field " + wanted + " in table " + id);
}

const std::string& key_column_label() { static const std::string s = "Champ"; return s; }
const std::string& value_column_label() { static const std::string s = "Valeur"; return s; }

}  // namespace lettrine
