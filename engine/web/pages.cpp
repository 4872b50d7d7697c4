#include "web/pages.hpp"

#include "core/output_files.hpp"

namespace fs = boost::filesystem;

namespace lettrine::web {

Pages::Pages(const fs::path& folder)
    : folder_(folder), stylesheet_(read_file(folder / "lettrine.css")), script_(read_file(folder / "lettrine.js")) {}

std::string Pages::render(const std::string& name, const std::string& title, DataValue data, bool error) const {
    if (!data.is_map()) data = DataValue::map();
    data.set("titre", DataValue::text(title));
    data.set("erreur", DataValue::boolean(error));
    data.set("page_" + name, DataValue::boolean(true));
    return cache_.get(folder_ / (name + ".html.mustache")).render(data);
}

std::string Pages::message(const std::string& title, const std::string& text) const {
    DataValue data = DataValue::map();
    data.set("message", DataValue::text(text));
    return render("message", title, data, true);
}

}  // namespace lettrine::web
