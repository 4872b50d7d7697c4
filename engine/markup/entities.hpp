#pragma once
// Named entity references in document markup, resolved on the source text
// before pugixml decodes it. XML knows five names (amp, lt, gt, quot, apos);
// Lettrine also accepts two HTML habits, &nbsp; and &nnbsp;. Doing this on
// the decoded text would decode twice: a data value « Tom &amp; Jerry »,
// escaped by the template as « Tom &amp;amp; Jerry », would come back as an
// unknown entity, and « &nbsp; » typed in a cell would become a space.
#include <cstddef>
#include <string>
#include <vector>

namespace lettrine {

struct UnknownEntity {
    std::size_t text_offset;  // byte offset of the text node holding it (where its error is reported)
    std::string name;         // "eacute"
};

// `xml` with &nbsp; and &nnbsp; in character data replaced by &#160; and
// &#8239; (the same lengths: byte offsets, hence positions, are unchanged).
// Other unknown names in character data are appended to `unknown`, in
// document order. Tags, attribute values, comments, CDATA sections,
// processing instructions and the DOCTYPE are left as they are.
std::string resolve_html_entities(const std::string& xml, std::vector<UnknownEntity>& unknown);

}  // namespace lettrine
