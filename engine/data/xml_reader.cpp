#include "core/xml_status.hpp"
#include "data/xml_reader.hpp"

#include <pugixml.hpp>
#include <unicode/utf8.h>

#include "core/diagnostic.hpp"
#include "core/text.hpp"
#include "data/input_file.hpp"

namespace lettrine {

namespace {

// Deeper documents are refused: the conversion below is recursive.
constexpr int kMaxDepth = 256;

std::string french_parse_error(pugi::xml_parse_status status) { return french_xml_parse_error(status); }

}  // namespace

std::string french_xml_parse_error(int code) {
    return french_xml_status(static_cast<pugi::xml_parse_status>(code));
}

namespace {

std::size_t first_invalid_utf8(const std::string& bytes) {
    const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
    const int32_t length = static_cast<int32_t>(bytes.size());
    int32_t i = 0;
    while (i < length) {
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(data, i, length, c);
        if (c < 0) return static_cast<std::size_t>(start);
    }
    return bytes.size();
}

class Converter {
public:
    Converter(const std::string& original, const char* buffer, std::size_t size, const std::string& file)
        : original_(original), buffer_(buffer), size_(size), file_(file) {}

    // Same result as line_column_at(original_, offset), in time linear in the
    // whole file over a conversion: positions are asked in document order, so
    // the count resumes where the previous one stopped (a step back restarts
    // from the beginning of the file, which document order never needs).
    SourcePosition at_offset(std::ptrdiff_t offset) {
        std::size_t end = offset < 0 ? 0 : static_cast<std::size_t>(offset);
        if (end > original_.size()) end = original_.size();
        if (end < cursor_) {
            cursor_ = 0;
            cursor_lc_ = LineColumn{};
        }
        for (; cursor_ < end; ++cursor_) {
            const unsigned char c = static_cast<unsigned char>(original_[cursor_]);
            if (c == '\n') {
                ++cursor_lc_.line;
                cursor_lc_.column = 1;
            } else if ((c & 0xC0) != 0x80) {
                ++cursor_lc_.column;  // code points, not continuation bytes
            }
        }
        return SourcePosition::at_line(file_, cursor_lc_.line, cursor_lc_.column);
    }

    // Position of a string that pugixml left inside the in-place buffer.
    SourcePosition at_pointer(const char* p, const SourcePosition& fallback) {
        if (p < buffer_ || p >= buffer_ + size_) return fallback;
        return at_offset(p - buffer_);
    }

    XmlElement convert(const pugi::xml_node& node, int depth) {
        XmlElement element;
        element.name = node.name();
        // offset_debug() points at the element name; the '<' is one byte before.
        element.position = at_offset(node.offset_debug() - 1);
        if (depth > kMaxDepth)
            throw LettrineError(ErrorKind::Data, element.position,
                                "éléments imbriqués sur plus de " + std::to_string(kMaxDepth) + " niveaux");
        // Exact capacities: a vector grown by doubling holds up to twice its
        // elements (a positioned attribute is 168 bytes, an element 320), and
        // a 10,000-record merge keeps the whole tree while building records.
        std::size_t attribute_count = 0, child_count = 0;
        for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) ++attribute_count;
        for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
            if (c.type() == pugi::node_element) ++child_count;
        element.attributes.reserve(attribute_count);
        element.children.reserve(child_count);
        for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute())
            element.attributes.push_back({a.name(), a.value(), at_pointer(a.value(), element.position)});
        bool has_text = false;
        for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
            if (c.type() == pugi::node_element) {
                element.children.push_back(convert(c, depth + 1));
            } else if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
                if (!has_text) element.text_position = at_offset(c.offset_debug());
                has_text = true;
                element.text += c.value();
            }
        }
        if (!has_text) element.text_position = element.position;
        return element;
    }

private:
    const std::string& original_;
    const char* buffer_;
    std::size_t size_;
    const std::string& file_;
    std::size_t cursor_ = 0;  // byte offset that cursor_lc_ describes
    LineColumn cursor_lc_;
};

}  // namespace

const XmlAttribute* XmlElement::attribute(const std::string& wanted) const {
    for (const auto& a : attributes)
        if (a.name == wanted) return &a;
    return nullptr;
}

const XmlElement* XmlElement::child(const std::string& wanted) const {
    for (const auto& c : children)
        if (c.name == wanted) return &c;
    return nullptr;
}

XmlElement read_xml(const std::string& bytes, const std::string& file_name) {
    refuse_empty_file(bytes, file_name);
    if (!is_valid_utf8(bytes)) {
        const LineColumn lc = line_column_at(bytes, first_invalid_utf8(bytes));
        throw LettrineError(ErrorKind::Data, SourcePosition::at_line(file_name, lc.line, lc.column),
                            "le fichier n’est pas encodé en UTF-8");
    }
    std::string buffer = bytes;  // parsed in place: strings keep their offsets
    pugi::xml_document document;
    const pugi::xml_parse_result result =
        document.load_buffer_inplace(buffer.data(), buffer.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!result) {
        const LineColumn lc = line_column_at(bytes, static_cast<std::size_t>(result.offset));
        throw LettrineError(ErrorKind::Data, SourcePosition::at_line(file_name, lc.line, lc.column),
                            "XML mal formé : " + french_parse_error(result.status));
    }
    const pugi::xml_node root = document.document_element();
    if (!root)
        throw LettrineError(ErrorKind::Data, SourcePosition::in_file(file_name),
                            "XML mal formé : " + french_parse_error(pugi::status_no_document_element));
    Converter converter(bytes, buffer.data(), buffer.size(), file_name);
    return converter.convert(root, 0);
}

}  // namespace lettrine
