#pragma once
// The blocks of a Document as OpenDocument text content (text:p, text:h,
// text:list, table:table, draw:frame), for the body (content.xml) and for
// headers and footers (styles.xml).
#include <map>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "core/diagnostic.hpp"
#include "markup/geometry.hpp"
#include "odt/detail/odt_styles.hpp"
#include "odt/odt_writer.hpp"

namespace lettrine::odt_detail {

// The files under Pictures/, one per image file, named in order of first use.
class Pictures {
public:
    explicit Pictures(const EditableInputs& inputs) : resources_(image_resolver(inputs)), images_(inputs.images) {}
    struct Picture {
        std::string href;             // "Pictures/1.png"
        std::string media_type;       // "image/png"
        std::shared_ptr<const std::string> bytes;
        double width = 0, height = 0;  // natural size, points
    };
    // nullptr and a problem in `diagnostics` at `where` when unusable.
    const Picture* load(const std::string& src, const SourcePosition& where, Diagnostics& diagnostics);
    // A picture drawn by the writer (a chart's SVG, its PNG fallback);
    // `width` x `height` points.
    const Picture* add_drawn(std::string bytes, const std::string& media_type, double width, double height);
    const std::vector<Picture>& all() const { return pictures_; }

private:
    std::shared_ptr<const ResourceResolver> resources_;
    std::shared_ptr<ImageCache> images_;
    std::map<std::string, std::size_t> by_path_;
    std::vector<Picture> pictures_;
};

// Where blocks go across: the text area's measure, narrowed by boxes and cells.
struct Measure {
    double left = 0;   // from the text area's left edge, points
    double right = 0;  // from the text area's right edge, points
    double width = 0;  // available, points
};

// The master pages of the pages a document sets apart (odt_parts.cpp makes
// them when master_pages() says so): a page without header nor footer
// (<sans-entete-pied/>), an odd page (<saut-page page="impaire"/>: a
// right-page layout, LibreOffice inserts the blank page), both. Each is
// followed by "Standard".
inline constexpr const char* kMasterBare = "SansEntete";
inline constexpr const char* kMasterOdd = "Impaire";
inline constexpr const char* kMasterBareOdd = "SansEnteteImpaire";

class BodyWriter {
public:
    BodyWriter(const Document& document, const FontSet& fonts, StyleRegistry& styles, Pictures& pictures,
               Diagnostics& diagnostics)
        : doc_(document), fonts_(fonts), styles_(styles), pictures_(pictures), diagnostics_(diagnostics) {}
    // The first paragraph or table written carries this master page.
    void start_with_master(const std::string& master) { master_ = master; }
    // Page-anchored frames go there (office:text); in headers, footers: none.
    void frames_into(pugi::xml_node node) { frames_ = node; }
    // The PDF's page numbers (EditableInputs::contents_pages, target_pages)
    // the contents and page references show until LibreOffice updates them;
    // « ? » without.
    void show_page_numbers(const EditableInputs& inputs) { numbers_ = &inputs; }

    void blocks(const std::vector<Block>& blocks, pugi::xml_node parent, const Measure& measure);

private:
    struct Flags {              // what a block's container asks of it
        bool keep_together = false, keep_with_next = false;
        bool in_list = false;   // only text:p, text:h, text:list allowed
        double number_tab = 0;  // a number's right tab stop, aligning its comma (points; 0: none)
    };
    void block(const Block& b, pugi::xml_node parent, const Measure& m, const Flags& f);
    void edge_blocks(const std::vector<Block>& blocks, pugi::xml_node parent, const Measure& m, const Flags& f);
    void paragraph(const Paragraph& p, const Block& b, pugi::xml_node parent, const Measure& m, const Flags& f);
    void inlines(const std::vector<Inline>& inlines, const InlineStyle& base, pugi::xml_node node);
    void text(const std::string& text, pugi::xml_node node);
    void list(const List& l, const Block& b, pugi::xml_node parent, const Measure& m, const Flags& f);
    void list_items(const List& l, pugi::xml_node list, const Measure& m, const Flags& f);
    void table(const Table& t, const Block& b, pugi::xml_node parent, const Measure& m, const Flags& f);
    void row(const Table& t, std::size_t index, const std::vector<double>& widths, const std::vector<double>& comma_tabs,
             pugi::xml_node parent);
    void columns(const Columns& c, const Block& b, pugi::xml_node parent, const Measure& m, const Flags& f);
    void image(const Image& img, const Block& b, pugi::xml_node parent, const Measure& m, const Flags& f);
    void chart(const Chart& c, const Block& b, pugi::xml_node parent, const Measure& m, const Flags& f);
    void positioned(const Positioned& p, const Block& b, pugi::xml_node parent);
    void contents(const ContentsTable& c, const Block& b, pugi::xml_node parent, const Measure& m);
    void rule(const HorizontalRule& r, const Block& b, pugi::xml_node parent, const Measure& m, const Flags& f);
    void empty_paragraph(pugi::xml_node parent, double height, const Block& b, const Measure& m, const Flags& f);

    // The paragraph-properties every block's first paragraph carries: its
    // spaces, indents, keeps and the pending page break or master page.
    Attributes block_paragraph_properties(const Block& b, const Measure& m, const Flags& f);
    // The master page the next paragraph or table names: the pending one
    // (the first page's), or after a break to an odd page or before a page
    // without header and footer, that page's (which breaks the page itself).
    std::string take_master();
    // A Standard paragraph's AutoStyle with those properties, carrying the
    // pending master page.
    AutoStyle block_paragraph_style(const Block& b, const Measure& m, const Flags& f);
    std::string table_style(double width, const Block& b, const Measure& m, const Flags& f);
    pugi::xml_node frame_paragraph(pugi::xml_node parent, BoxAlign align, const Block& b, const Measure& m,
                                   const Flags& f);
    // `fallback`, when given, is a second draw:image in the frame, for
    // readers that cannot show the first (a PNG under an SVG).
    void picture_frame(pugi::xml_node paragraph, const Pictures::Picture& picture, double width, double height,
                       const std::optional<std::string>& alt, const Pictures::Picture* fallback = nullptr);
    void bookmark(const Block& b, pugi::xml_node paragraph);

    const Document& doc_;
    const FontSet& fonts_;
    StyleRegistry& styles_;
    Pictures& pictures_;
    Diagnostics& diagnostics_;
    pugi::xml_node frames_;
    const EditableInputs* numbers_ = nullptr;
    std::vector<const OutlineMarker*> pending_marks_;  // <signet> listed in contents, for the next paragraph
    std::string master_;        // for the next paragraph or table; empty once used
    bool page_break_ = false;   // the next paragraph or table starts a page
    bool odd_ = false;          // ... an odd one
    bool bare_ = false;         // ... without header nor footer
    bool started_ = false;      // a paragraph or table was written
    double pending_space_ = 0;  // <espace> heights, added above the next block
    int page_ = 1;              // the page a positioned block is anchored to (page breaks seen + 1)
    int frames_made_ = 0;
    int tables_made_ = 0;
};

// Column widths in points from their extents (points, percent of `total`,
// relative shares of what is left), as the layout computes them.

}  // namespace lettrine::odt_detail
