// DrawingML in WordprocessingML: inline pictures and the page-anchored text
// boxes that hold <position> blocks.
#include "docx/detail/docx_writer_state.hpp"

namespace lettrine::docx_detail {

namespace {

constexpr const char* kDrawingMain = "http://schemas.openxmlformats.org/drawingml/2006/main";
constexpr const char* kPicture = "http://schemas.openxmlformats.org/drawingml/2006/picture";
constexpr const char* kSvg = "http://schemas.microsoft.com/office/drawing/2016/SVG/main";
constexpr const char* kSvgBlipExtension = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}";  // [MS-ODRAWXML] 2.3.6.1
constexpr const char* kShape = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape";

void extent(pugi::xml_node parent, double width, double height) {
    child(parent, "wp:extent", {{"cx", number(emu(width))}, {"cy", number(emu(height))}});
    child(parent, "wp:effectExtent", {{"l", "0"}, {"t", "0"}, {"r", "0"}, {"b", "0"}});
}

// a:xfrm and a rectangle geometry, for pic:spPr and wps:spPr.
void rectangle(pugi::xml_node shape_properties, double width, double height) {
    pugi::xml_node xfrm = shape_properties.append_child("a:xfrm");
    child(xfrm, "a:off", {{"x", "0"}, {"y", "0"}});
    child(xfrm, "a:ext", {{"cx", number(emu(width))}, {"cy", number(emu(height))}});
    child(shape_properties, "a:prstGeom", {{"prst", "rect"}}).append_child("a:avLst");
}

}  // namespace

void inline_picture(pugi::xml_node paragraph, const Media& media, const std::string& relation_id, int drawing_id,
                    double width, double height, const std::string& description,
                    const std::string& svg_relation_id) {
    pugi::xml_node drawing = paragraph.append_child("w:r").append_child("w:drawing");
    pugi::xml_node in = child(drawing, "wp:inline", {{"distT", "0"}, {"distB", "0"}, {"distL", "0"}, {"distR", "0"}});
    extent(in, width, height);
    child(in, "wp:docPr", {{"id", number(drawing_id)}, {"name", "Image " + number(drawing_id)}, {"descr", description}});
    child(in.append_child("wp:cNvGraphicFramePr"), "a:graphicFrameLocks",
          {{"xmlns:a", kDrawingMain}, {"noChangeAspect", "1"}});
    pugi::xml_node data = child(child(in, "a:graphic", {{"xmlns:a", kDrawingMain}}), "a:graphicData", {{"uri", kPicture}});
    pugi::xml_node pic = child(data, "pic:pic", {{"xmlns:pic", kPicture}});
    pugi::xml_node nv = pic.append_child("pic:nvPicPr");
    child(nv, "pic:cNvPr", {{"id", "0"}, {"name", media.name}, {"descr", description}});
    nv.append_child("pic:cNvPicPr");
    pugi::xml_node fill = pic.append_child("pic:blipFill");
    pugi::xml_node blip = child(fill, "a:blip", {{"r:embed", relation_id}});
    if (!svg_relation_id.empty())
        child(child(blip.append_child("a:extLst"), "a:ext", {{"uri", kSvgBlipExtension}}), "asvg:svgBlip",
              {{"xmlns:asvg", kSvg}, {"r:embed", svg_relation_id}});
    fill.append_child("a:stretch").append_child("a:fillRect");
    rectangle(pic.append_child("pic:spPr"), width, height);
}

// The text box floats over the page at the block's position (relative to the
// page's edges, as the layout places it). Square wrapping, "largest side":
// the flow keeps `margin` away from it and goes beside it only where there is
// room, so text starts below the box as in the PDF while the empty space
// before the date line passes beside it, as the layout lets it.
pugi::xml_node anchored_text_box(pugi::xml_node paragraph, const Positioned& pos, const PageSetup& page,
                                 double height, int drawing_id) {
    const double x = pos.anchor == Anchor::TopRight || pos.anchor == Anchor::BottomRight
                         ? page.width - pos.x - pos.width
                         : pos.x;
    const double y = pos.anchor == Anchor::BottomLeft || pos.anchor == Anchor::BottomRight
                         ? page.height - pos.y - height
                         : pos.y;
    const std::string margin = number(emu(pos.margin));
    pugi::xml_node drawing = paragraph.append_child("w:r").append_child("w:drawing");
    pugi::xml_node anchor = child(drawing, "wp:anchor",
                                  {{"distT", margin}, {"distB", margin}, {"distL", margin}, {"distR", margin},
                                   {"simplePos", "0"}, {"relativeHeight", number(251658240L + drawing_id)},
                                   {"behindDoc", "0"}, {"locked", "0"}, {"layoutInCell", "1"},
                                   {"allowOverlap", "1"}});
    child(anchor, "wp:simplePos", {{"x", "0"}, {"y", "0"}});
    child(child(anchor, "wp:positionH", {{"relativeFrom", "page"}}), "wp:posOffset").text() = number(emu(x)).c_str();
    child(child(anchor, "wp:positionV", {{"relativeFrom", "page"}}), "wp:posOffset").text() = number(emu(y)).c_str();
    extent(anchor, pos.width, height);
    child(anchor, "wp:wrapSquare", {{"wrapText", "largest"}});  // see above
    const std::string name = pos.name.empty() ? "Bloc " + number(drawing_id) : "Bloc " + pos.name;
    child(anchor, "wp:docPr", {{"id", number(drawing_id)}, {"name", name}});
    anchor.append_child("wp:cNvGraphicFramePr");
    pugi::xml_node data = child(child(anchor, "a:graphic", {{"xmlns:a", kDrawingMain}}), "a:graphicData", {{"uri", kShape}});
    pugi::xml_node shape = data.append_child("wps:wsp");
    child(shape, "wps:cNvSpPr", {{"txBox", "1"}});
    pugi::xml_node properties = shape.append_child("wps:spPr");
    rectangle(properties, pos.width, height);
    properties.append_child("a:noFill");
    properties.append_child("a:ln").append_child("a:noFill");
    pugi::xml_node content = shape.append_child("wps:txbx").append_child("w:txbxContent");
    pugi::xml_node body = child(shape, "wps:bodyPr", {{"rot", "0"}, {"vert", "horz"}, {"wrap", "square"},
                                                      {"lIns", "0"}, {"tIns", "0"}, {"rIns", "0"}, {"bIns", "0"},
                                                      {"anchor", "t"}, {"anchorCtr", "0"}});
    body.append_child("a:spAutoFit");
    return content;
}

}  // namespace lettrine::docx_detail
