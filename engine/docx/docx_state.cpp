// Units, relationships and the package-wide state of one DOCX.
#include <cmath>
#include <cstdio>
#include <sstream>

#include "docx/detail/docx_writer_state.hpp"
#include "markup/document_walk.hpp"

namespace lettrine::docx_detail {

long twips(double points) { return std::lround(points * 20); }
long emu(double points) { return std::lround(points * 12700); }
long half_points(double points) { return std::lround(points * 2); }
long eighths(double points) { return std::max(2L, std::lround(points * 8)); }  // Word's thinnest line is 1/4 pt

std::string hex(const Rgb& color) {
    char text[8];
    std::snprintf(text, sizeof text, "%02X%02X%02X", color.r, color.g, color.b);
    return text;
}

std::string number(long value) { return std::to_string(value); }

pugi::xml_node child(pugi::xml_node parent, const char* name,
                     std::initializer_list<std::pair<const char*, std::string>> attributes) {
    pugi::xml_node node = parent.append_child(name);
    for (const auto& [key, value] : attributes) node.append_attribute(key) = value.c_str();
    return node;
}

std::string xml_text(const pugi::xml_document& xml) {
    std::ostringstream out;
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n";
    xml.save(out, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
    return out.str();
}

// ---- Relations ----------------------------------------------------------------

std::string Relations::add(const std::string& type, const std::string& target, bool external) {
    for (const Entry& e : entries_)
        if (e.type == type && e.target == target && e.external == external) return e.id;
    entries_.push_back({"rId" + std::to_string(next_++), type, target, external});
    return entries_.back().id;
}

std::string Relations::xml() const {
    pugi::xml_document xml;
    pugi::xml_node root = child(xml, "Relationships",
                                {{"xmlns", "http://schemas.openxmlformats.org/package/2006/relationships"}});
    for (const Entry& e : entries_) {
        pugi::xml_node r = child(root, "Relationship", {{"Id", e.id}, {"Type", e.type}, {"Target", e.target}});
        if (e.external) r.append_attribute("TargetMode") = "External";
    }
    return xml_text(xml);
}

// ---- WriterState -----------------------------------------------------------------

WriterState::WriterState(const Document& document, const EditableInputs& inputs)
    : document_(document),
      resources_(image_resolver(inputs)),
      cache_(inputs.images ? inputs.images : std::make_shared<ImageCache>()),
      fonts_(inputs.fonts ? inputs.fonts : FontSet::default_set()),
      target_pages_(inputs.target_pages) {
    collect_contents(inputs.contents_pages);
}

// The headings a contents lists (markup's listed_headings), each with its
// _Toc bookmark, keyed by its Paragraph or OutlineMarker, and its page:
// `pages` in the same order, as EditableInputs::contents_pages.
void WriterState::collect_contents(const std::vector<int>& pages) {
    const std::vector<ListedHeading> headings = listed_headings(document_);
    for (std::size_t n = 0; n < headings.size(); ++n) {
        const Block& b = *headings[n].block;
        const void* node = std::holds_alternative<Paragraph>(b.content)
                               ? static_cast<const void*>(&std::get<Paragraph>(b.content))
                               : static_cast<const void*>(&std::get<OutlineMarker>(b.content));
        const std::string bookmark = "_Toc" + std::to_string(n + 1);
        const int page = n < pages.size() ? pages[n] : 0;
        contents_.push_back({headings[n].level, headings[n].title, bookmark, page > 0 ? std::to_string(page) : "?"});
        contents_bookmarks_[node] = bookmark;
    }
}

const std::string* WriterState::contents_bookmark(const void* node) const {
    const auto found = contents_bookmarks_.find(node);
    return found == contents_bookmarks_.end() ? nullptr : &found->second;
}

std::optional<Media> WriterState::image(const Image& image, const SourcePosition& where) {
    const ResourceResolver::Resolved resolved = resources_->resolve(image.src);
    std::string problem = resolved.problem;
    const auto loaded = resolved.path.empty() ? nullptr : cache_->load(resolved.path.string(), problem);
    if (!loaded) {
        // A positioned block's image is looked up twice (its box's height, then the picture): said once.
        if (!refused_.insert(where.describe() + "\n" + image.src).second) return std::nullopt;
        problems_.error(where, "l’image « " + image.src + " » ne peut pas être utilisée : " + problem);
        return std::nullopt;
    }
    const auto found = media_by_path_.find(loaded->path);
    if (found != media_by_path_.end()) return media_[found->second];
    const char* extension = loaded->info.format == ImageFormat::Png ? ".png" : ".jpeg";
    media_by_path_[loaded->path] = media_.size();
    media_.push_back({"image" + std::to_string(media_.size() + 1) + extension, loaded->bytes, loaded->info});
    return media_.back();
}

std::pair<Media, Media> WriterState::drawing(std::string svg, std::string png) {
    Media vector{"image" + std::to_string(media_.size() + 1) + ".svg",
                 std::make_shared<const std::string>(std::move(svg)), ImageInfo{}, true};
    Media raster{"image" + std::to_string(media_.size() + 2) + ".png",
                 std::make_shared<const std::string>(std::move(png)), ImageInfo{}, false};
    media_.push_back(vector);
    media_.push_back(raster);
    return {vector, raster};
}

int WriterState::add_list(const ListDefinition& list) {
    lists_.push_back(list);
    return static_cast<int>(lists_.size());
}

void WriterState::note_heading(int level, const InlineStyle& style) { headings_.emplace(level, style); }

}  // namespace lettrine::docx_detail
