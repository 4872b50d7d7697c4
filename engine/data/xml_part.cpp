#include "data/xml_part.hpp"

#include <algorithm>

#include "core/diagnostic.hpp"
#include "data/xml_reader.hpp"

namespace lettrine {

void parse_xml_part(const std::string& bytes, const std::string& part, const std::string& file, std::size_t max_tags,
                    unsigned int options, pugi::xml_document& document) {
    const auto fail = [&](const std::string& message) {
        throw LettrineError(ErrorKind::Data, SourcePosition::in_file(file), message);
    };
    const auto tags = static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '<'));
    if (tags > max_tags)
        fail("l’élément « " + part + " » du classeur contient plus de " + std::to_string(max_tags) +
             " balises : fichier refusé");
    const pugi::xml_parse_result result = document.load_buffer(bytes.data(), bytes.size(), options, pugi::encoding_utf8);
    if (!result)
        fail("l’élément « " + part + " » du classeur n’est pas du XML valide (" + french_xml_parse_error(result.status) +
             ", octet " + std::to_string(result.offset) + ")");
}

}  // namespace lettrine
