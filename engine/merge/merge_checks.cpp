#include "merge/merge_checks.hpp"

#include <algorithm>
#include <map>

#include "core/french.hpp"
#include "core/suggestion.hpp"
#include "merge/merge_job.hpp"

namespace lettrine {

namespace {

// Every field of the records, in the order first met.
std::vector<std::string> record_fields(const DataValue& records) {
    std::vector<std::string> fields;
    for (const DataValue& record : records.items()) {
        if (!record.is_map()) continue;
        for (const auto& entry : record.entries())
            if (std::find(fields.begin(), fields.end(), entry.first) == fields.end()) fields.push_back(entry.first);
    }
    return fields;
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

// « 2, 5, 9 » (record numbers from 1), at most ten then « … ».
constexpr std::size_t kListedRecords = 10;
std::string record_numbers(const std::vector<std::size_t>& indices) {
    std::string out;
    for (std::size_t i = 0; i < indices.size() && i < kListedRecords; ++i)
        out += (i == 0 ? "" : ", ") + std::to_string(indices[i] + 1);
    return indices.size() > kListedRecords ? out + ", …" : out;
}

}  // namespace

void check_record_fields(const Template& document_template, const DataValue& records, bool strict,
                         Diagnostics& warnings) {
    const std::size_t total = records.items().size();
    std::vector<Diagnostic> problems;                       // each once, in the order first met
    std::map<std::string, std::vector<std::size_t>> where;  // describe() → records that have it
    for (std::size_t i = 0; i < total; ++i) {
        const Diagnostics found = check_names(document_template, merge_record_view(records.items()[i], i, total));
        for (const Diagnostic& d : found.items()) {
            if (d.severity == Severity::Warning) {
                if (i == 0) warnings.add(d);
                continue;
            }
            std::vector<std::size_t>& records_with = where[d.describe()];
            if (records_with.empty()) problems.push_back(d);
            records_with.push_back(i);
        }
    }
    Diagnostics errors;
    const std::string fields = " ; champs des données : " + joined(record_fields(records));
    for (Diagnostic d : problems) {
        const std::vector<std::size_t>& in = where[d.describe()];
        if (in.size() == total) {
            d.message += fields;
        } else {
            d.message += ", pour " + std::string(in.size() > 1 ? "les éléments " : "l’élément ") + record_numbers(in) +
                         " (sur " + std::to_string(total) + ")";
            if (!strict) d.severity = Severity::Warning;
        }
        if (d.severity == Severity::Warning) warnings.add(d);
        else errors.add(d);
    }
    if (errors.has_errors()) throw LettrineError(ErrorKind::Template, errors);
}

void check_file_name_field(const std::string& field, const DataValue& records) {
    for (const DataValue& record : records.items())
        if (record.find_path(field)) return;
    const std::vector<std::string> fields = record_fields(records);
    throw LettrineError(ErrorKind::Usage, SourcePosition{},
                        "--nom " + quoted(field) + " : aucun élément n’a ce champ" + did_you_mean(field, fields) +
                            " (champs des données : " + joined(fields) + ")");
}

}  // namespace lettrine
