#pragma once
// Shared state of one DOCX being written: the relationships of each XML part,
// the media files, the numbering definitions, the ids that must be unique in
// the package. Values only: the XML itself is built with pugixml by the
// writers in docx_blocks.cpp, docx_runs.cpp, docx_drawing.cpp.
#include <cctype>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "core/diagnostic.hpp"
#include "core/resources.hpp"
#include "docx/docx_writer.hpp"
#include "layout/images.hpp"
#include "markup/document.hpp"
#include "markup/geometry.hpp"

namespace lettrine::docx_detail {

// ---- Units and names -------------------------------------------------------

long twips(double points);       // 1/20 pt: page, indents, spacing, table widths
long emu(double points);         // 12700 per pt: DrawingML
long half_points(double points); // font sizes
long eighths(double points);     // border widths
std::string hex(const Rgb& color);                 // "1F4E79"
std::string number(long value);

// A child element with attributes in the order given (stable bytes).
pugi::xml_node child(pugi::xml_node parent, const char* name,
                     std::initializer_list<std::pair<const char*, std::string>> attributes = {});

// ---- Relationships ---------------------------------------------------------

namespace rel {
inline constexpr const char* kImage =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";
inline constexpr const char* kHyperlink =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";
}  // namespace rel

// The relationships of one part (word/_rels/document.xml.rels…), ids in order of first use.
class Relations {
public:
    explicit Relations(int first_id = 1) : next_(first_id) {}
    // The id of (type, target), added on first use.
    std::string add(const std::string& type, const std::string& target, bool external = false);
    std::string xml() const;

private:
    struct Entry { std::string id, type, target; bool external; };
    int next_;
    std::vector<Entry> entries_;
};

// ---- Package-wide state ----------------------------------------------------

struct Media {
    std::string name;  // "image1.png", under word/media/
    std::shared_ptr<const std::string> bytes;
    ImageInfo info;    // for an SVG, its PNG fallback's format
    bool svg = false;  // an SVG drawing (a chart), shown through its PNG fallback by older readers
};

// One list level as numbering.xml defines it.
struct ListLevel {
    bool numbered = false;
    std::string bullet;
    int start = 1;
    double text_left = 0;  // points: where the item's text starts
    double marker_gap = 0; // points: between the marker's end and the text
    InlineStyle marker_style;
};

// One numbering definition per <liste> (each list restarts its numbers);
// `depth` is the nesting level the list's items carry (w:ilvl).
struct ListDefinition {
    int depth = 0;
    ListLevel level;
};

// A line of the contents: a heading (or <signet>) and the bookmark it carries.
struct ContentsEntry {
    int level = 1;
    std::string title;
    std::string bookmark;  // "_Toc1"…: Word's hidden bookmarks for its contents
    std::string page;      // the field result shown until updated: the PDF's page number, or "?"
};

class WriterState {
public:
    WriterState(const Document& document, const EditableInputs& inputs);

    const Document& document() const { return document_; }
    // The media entry for an <image>; nullopt after recording a problem.
    std::optional<Media> image(const Image& image, const SourcePosition& where);
    const std::vector<Media>& media() const { return media_; }
    // A drawing made by the writer: the media entry of its SVG and of its
    // PNG fallback, in that order.
    std::pair<Media, Media> drawing(std::string svg, std::string png);

    int add_list(const ListDefinition& list);  // its w:numId (1, 2…)
    const std::vector<ListDefinition>& lists() const { return lists_; }

    int next_drawing_id() { return ++drawings_; }  // wp:docPr ids, unique in the package
    int next_bookmark_id() { return bookmarks_++; }

    // The first heading of each level gives its style's look (Heading1..3).
    void note_heading(int level, const InlineStyle& style);
    const std::map<int, InlineStyle>& heading_styles() const { return headings_; }

    // The headings and <signet> of the body that a contents lists, in order.
    const std::vector<ContentsEntry>& contents() const { return contents_; }
    // The bookmark of a heading (Paragraph) or OutlineMarker listed in contents; null if none.
    const std::string* contents_bookmark(const void* node) const;
    // The PDF's page number of each id="…" (<renvoi-page>), when known.
    const std::map<std::string, int>& target_pages() const { return target_pages_; }

    const FontSet& fonts() const { return *fonts_; }
    Diagnostics& problems() { return problems_; }

private:
    void collect_contents(const std::vector<int>& pages);

    const Document& document_;
    std::shared_ptr<const ResourceResolver> resources_;
    std::shared_ptr<ImageCache> cache_;
    std::shared_ptr<const FontSet> fonts_;
    std::vector<Media> media_;
    std::map<std::string, std::size_t> media_by_path_;
    std::set<std::string> refused_;  // images already reported
    std::vector<ListDefinition> lists_;
    std::map<int, InlineStyle> headings_;
    std::vector<ContentsEntry> contents_;
    std::map<const void*, std::string> contents_bookmarks_;
    std::map<std::string, int> target_pages_;
    int drawings_ = 0, bookmarks_ = 0;
    Diagnostics problems_;
};

// The paragraph properties the block writers gather, written in the schema's order.
struct ParagraphProps {
    std::string style;                 // "Heading1"…; empty: Normal
    bool keep_next = false, keep_lines = false, page_break_before = false;
    int num_id = 0, ilvl = 0;          // w:numPr when num_id > 0
    std::optional<HorizontalRule> rule;  // a bottom border
    double right_tab = 0;              // points: a right tab stop (a number aligned on its comma); 0: none
    const char* tab_leader = nullptr;  // its leader ("dot": a contents line's); null: none
    double before = 0, after = 0;      // points
    double line = 0;                   // points; 0: single
    bool line_exact = false;
    double left = 0, right = 0, first_line = 0, hanging = 0;  // points
    std::string jc;                    // "left", "both"…; empty: left
    int outline_level = -1;            // w:outlineLvl (0..8) of a heading
    std::optional<InlineStyle> mark;   // the paragraph mark's run properties
};

// ---- Writing a story (body, header, footer, text box, cell) -----------------

// Where blocks are being written: the horizontal room they have, relative to
// the story's left edge, and what they inherit from their container.
struct Frame {
    double left = 0, width = 0;  // points
    double story_width = 0;      // points: the story's full measure (right indent = what is left)
    bool keep_together = false;  // inside <insecable>: every paragraph kept with the next
    int list_depth = 0;          // nesting of <liste>
    double number_tab = 0;       // a cell of a column of numbers: its number's right tab stop (points; 0: none)
};

class StoryWriter {
public:
    StoryWriter(WriterState& state, Relations& relations, pugi::xml_node story)
        : state_(state), relations_(relations), story_(story) {}

    // The body's sections: Word starts a page on an odd number, or leaves out
    // the header and footer of one page (<sans-entete-pied/>), only at the
    // start of a section. `end`: the paragraph whose w:pPr takes the
    // section's w:sectPr (null for the last one, the body's own).
    struct Section {
        pugi::xml_node end;
        bool odd_start = false;        // w:type="oddPage" (<saut-page page="impaire"/>)
        bool bare_first_page = false;  // its first page without header nor footer
    };
    // Called on the body's writer before its blocks: page="impaire" and
    // <sans-entete-pied/> then make sections (elsewhere they cannot).
    void track_sections() { sections_.assign(1, Section{}); }
    const std::vector<Section>& sections() const { return sections_; }

    void blocks(const std::vector<Block>& blocks, const Frame& frame);
    // The story must end with a paragraph (cells, text boxes, headers): adds
    // an empty one when the last element is not.
    void close_story();

private:
    void block(const Block& block, const Frame& frame, bool last_of_keep);
    void paragraph(const Paragraph& p, const Block& b, const Frame& frame, bool keep_next);
    void list(const List& list, const Block& b, const Frame& frame, bool keep_next);
    void table(const Table& table, const Block& b, const Frame& frame);
    void columns(const Columns& columns, const Block& b, const Frame& frame);
    void image(const Image& image, const Block& b, const Frame& frame, bool keep_next);
    void positioned(const Positioned& pos, const Block& b);
    void contents(const ContentsTable& toc, const Block& b, const Frame& frame);
    void spacer(double height, const Block& b, const Frame& frame);
    void rule(const HorizontalRule& rule, const Block& b, const Frame& frame, bool keep_next);
    void page_break(const Block& b);
    void end_section(const Block& b, bool odd);  // the next content starts a section
    void no_furniture();
    void chart(const Chart& chart, const Block& b, const Frame& frame);

    // A new w:p with its w:pPr; pending breaks, numbers, anchors and
    // bookmarks (the block's id among them) go in first.
    pugi::xml_node open_paragraph(const Block* b, ParagraphProps props);
    // Properties every paragraph of `b` in `frame` starts with.
    ParagraphProps base_props(const Block& b, const Frame& frame, bool keep_next) const;
    // A wp:anchor text box holding `pos`, as a w:r to put in a paragraph.
    void anchor_run(pugi::xml_node paragraph, const Positioned& pos);
    void add_space_after(double points);  // to the last paragraph written
    void flush_page_break();              // before a table: a paragraph holding the break
    void separate_from_table();
    double estimated_height(const std::vector<Block>& blocks, double width);

    WriterState& state_;
    Relations& relations_;
    pugi::xml_node story_;
    std::vector<const Positioned*> pending_anchors_;  // anchored in the next paragraph
    std::vector<std::string> pending_bookmarks_;      // ids of blocks written as no paragraph
    bool pending_page_break_ = false;
    int pending_num_id_ = 0, pending_ilvl_ = 0;       // the next paragraph opens a list item
    double pending_hanging_ = 0;                      // points: its marker's room
    double pending_before_ = 0;                       // a list item's space before
    bool in_text_box_ = false;
    std::vector<Section> sections_;                   // empty: not the body
};

// ---- Runs -------------------------------------------------------------------

// w:rPr for `style`, leaving out what the document's defaults already say.
void run_properties(pugi::xml_node run, const InlineStyle& style, const Document& document,
                    const char* run_style = nullptr);
// The runs of `inlines` appended to `paragraph` (hyperlinks, fields, breaks).
std::string bookmark_name(const std::string& block_id);  // a Word-safe bookmark name
// A <renvoi-page> shows its target's number in `target_pages`, « ? » if absent.
void write_inlines(pugi::xml_node paragraph, const std::vector<Inline>& inlines, const Document& document,
                   Relations& relations, const std::map<std::string, int>& target_pages);
// A w:r with a w:t of `text` (soft hyphens as w:softHyphen).
void text_run(pugi::xml_node parent, const std::string& text, const InlineStyle& style, const Document& document,
              const char* run_style = nullptr);
// A simple field (PAGE, NUMPAGES, PAGEREF x \h) showing `shown` until updated.
void field(pugi::xml_node parent, const std::string& instruction, const std::string& shown, const InlineStyle& style,
           const Document& document);

// ---- Drawings ---------------------------------------------------------------

// A w:r holding an inline picture of `width` x `height` points; with an
// `svg_relation_id`, an SVG picture (asvg:svgBlip, Word 2016 and later)
// whose `relation_id` is the PNG fallback.
void inline_picture(pugi::xml_node paragraph, const Media& media, const std::string& relation_id, int drawing_id,
                    double width, double height, const std::string& description,
                    const std::string& svg_relation_id = "");
// A w:r holding a page-anchored text box; returns w:txbxContent to fill.
pugi::xml_node anchored_text_box(pugi::xml_node paragraph, const Positioned& pos, const PageSetup& page,
                                 double height, int drawing_id);

// ---- Parts ------------------------------------------------------------------

std::string styles_xml(const WriterState& state);
std::string numbering_xml(const WriterState& state);
// The XML text of a pugixml document, with its declaration, no indentation.
std::string xml_text(const pugi::xml_document& xml);

// Namespace declarations of a story's root (w:document, w:hdr, w:ftr).
void declare_namespaces(pugi::xml_node root);

}  // namespace lettrine::docx_detail
