#include "editable/editable_inputs.hpp"

namespace lettrine {

std::shared_ptr<const ResourceResolver> image_resolver(const EditableInputs& inputs) {
    if (inputs.resources) return inputs.resources;
    return std::make_shared<const ResourceResolver>(ResourceResolver::for_template_folder(inputs.image_directory));
}

std::string editable_font_name(const std::string& family) {
    if (family == "sans") return "Liberation Sans";
    if (family == "mono") return "Liberation Mono";
    return "Liberation Serif";
}

}  // namespace lettrine
