#include "editable/editable_inputs.hpp"

namespace lettrine {

std::shared_ptr<const ResourceResolver> image_resolver(const EditableInputs& inputs) {
    if (inputs.resources) return inputs.resources;
    return std::make_shared<const ResourceResolver>(ResourceResolver::for_template_folder(inputs.image_directory));
}

void take_page_numbers(EditableInputs& inputs, const LaidOutDocument& pages) {
    inputs.contents_pages.clear();
    for (const std::optional<std::size_t>& page : pages.contents_pages)
        inputs.contents_pages.push_back(page ? static_cast<int>(*page) + 1 : 0);
    inputs.target_pages.clear();
    for (const PageTarget& target : pages.targets) inputs.target_pages[target.id] = static_cast<int>(target.page) + 1;
}

std::string editable_font_name(const std::string& family) {
    if (family == "sans") return "Liberation Sans";
    if (family == "mono") return "Liberation Mono";
    return "Liberation Serif";
}

}  // namespace lettrine
