#include "pdf/font_embedding.hpp"

#include <hb-subset.h>
#include <hb.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <mutex>
#include <string_view>
#include <unordered_map>

#include "core/diagnostic.hpp"
#include "pdf/pdf_streams.hpp"
#include "pdf/pdf_syntax.hpp"

namespace lettrine::pdf {

// A font's program for subsetting. hb_subset_preprocess makes each later
// subset about four times cheaper (0.4 instead of 1.5 million instructions
// for a letter's glyphs of Liberation Serif) but costs as much as 17 plain
// subsets (25 million instructions, 7 ms): a process writing one letter
// would spend most of its time there. So the first subsets of a font use
// the plain face, and the font is preprocessed once it has been subset
// kPreprocessAfter times; both faces give the same bytes.
constexpr int kPreprocessAfter = 16;

// Subsets kept per font, by glyph set: a mail merge's letters often use the
// same glyphs of a font (the bold of a recurring heading), and a cached
// subset saves its hb-subset and deflate work (about 2 million instructions).
// 8 MiB holds several hundred letter-sized subsets.
constexpr std::size_t kSubsetCacheBytes = 8 * 1024 * 1024;

struct FontProgram {
    hb_face_t* face = nullptr;  // plain; owns a copy of the file
    mutable std::mutex subsets_mutex;
    mutable std::unordered_map<std::string, std::shared_ptr<const SubsetProgram>> subsets;
    mutable std::size_t subset_bytes = 0;
    mutable std::atomic<hb_face_t*> preprocessed{nullptr};
    mutable std::atomic<int> subsets_made{0};
    mutable std::once_flag preprocessing;
    SfntTables tables;

    FontProgram() = default;
    FontProgram(const FontProgram&) = delete;
    FontProgram& operator=(const FontProgram&) = delete;
    ~FontProgram() {
        hb_face_destroy(preprocessed.load());
        hb_face_destroy(face);
    }

    // The face to subset from, counting the subsets. Thread-safe.
    hb_face_t* face_for_subset() const {
        if (hb_face_t* ready = preprocessed.load(std::memory_order_acquire)) return ready;
        if (subsets_made.fetch_add(1) + 1 < kPreprocessAfter) return face;
        std::call_once(preprocessing, [this] {
            hb_face_t* prepared = hb_subset_preprocess(face);
            if (prepared && prepared != hb_face_get_empty()) preprocessed.store(prepared, std::memory_order_release);
        });
        hb_face_t* ready = preprocessed.load(std::memory_order_acquire);
        return ready ? ready : face;
    }
};

namespace {

[[noreturn]] void internal_error(const std::string& message) {
    throw LettrineError(ErrorKind::Internal, SourcePosition{}, message);
}

std::shared_ptr<const FontProgram> prepare_font_program(const Font& font) {
    auto program = std::make_shared<FontProgram>();
    program->tables = read_sfnt_tables(font.file_bytes());
    if (program->tables.cff_outlines || !program->tables.has_glyf)
        throw LettrineError(ErrorKind::Data, SourcePosition::in_file(font.path()),
                            "seules les polices TrueType à contours « glyf » peuvent être incorporées au PDF "
                            "(les polices OpenType CFF ne sont pas prises en charge)");
    // The blob copies the bytes, so the cached face never depends on the Font's lifetime.
    hb_blob_t* blob = hb_blob_create_or_fail(font.file_bytes().data(),
                                             static_cast<unsigned>(font.file_bytes().size()),
                                             HB_MEMORY_MODE_DUPLICATE, nullptr, nullptr);
    if (!blob) internal_error("mémoire insuffisante pour préparer la police " + font.path());
    program->face = hb_face_create(blob, 0);
    hb_blob_destroy(blob);
    if (!program->face || program->face == hb_face_get_empty())
        internal_error("la police " + font.path() + " n’a pas pu être préparée");
    return program;
}

// Text to UTF-16BE hexadecimal, as ToUnicode wants it.
void append_utf16_hex(std::string& out, const std::u32string& text) {
    for (char32_t c : text) {
        if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
        if (c >= 0x10000) {
            const char32_t v = c - 0x10000;
            append_hex4(out, static_cast<uint16_t>(0xD800 + (v >> 10)));
            append_hex4(out, static_cast<uint16_t>(0xDC00 + (v & 0x3FF)));
        } else {
            append_hex4(out, static_cast<uint16_t>(c));
        }
    }
}

int to_glyph_space(double font_units, int units_per_em) {
    return static_cast<int>(std::lround(font_units * 1000.0 / units_per_em));
}

// Widths keep two decimals: integer widths would be off by up to half a unit
// per glyph and the content stream would need a correction every few glyphs.
double width_in_glyph_space(int advance, int units_per_em) {
    return std::round(advance * 100000.0 / units_per_em) / 100.0;
}

// A PDF name may hold any byte (escaped #xx), but keep font names plain.
std::string plain_font_name(const Font& font) {
    std::string source = font.postscript_name().empty() ? font.family_name() : font.postscript_name();
    std::string name;
    for (char c : source)
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')
            name += c;
    return name.empty() ? std::string("Font") : name;
}

}  // namespace

namespace {

// hb-subset over a face: the glyphs used (plus .notdef, and the components
// of composite glyphs, which hb-subset adds), renumbered; a cmap for the
// characters the font itself maps to them.
std::shared_ptr<const SubsetProgram> make_subset(const Font& font, hb_face_t* face, const std::vector<uint32_t>& glyphs,
                                                 const std::vector<uint32_t>& unicodes) {
    hb_subset_input_t* input = hb_subset_input_create_or_fail();
    if (!input) internal_error("mémoire insuffisante pour le sous-ensemble de la police " + font.path());
    hb_set_t* glyph_set = hb_subset_input_glyph_set(input);
    hb_set_t* unicode_set = hb_subset_input_unicode_set(input);
    for (uint32_t glyph : glyphs) hb_set_add(glyph_set, glyph);
    for (uint32_t c : unicodes) hb_set_add(unicode_set, c);
    // Layout tables are useless in a PDF (glyphs are already chosen) and
    // would pull in glyph closures; hinting is left to the reader.
    hb_set_t* drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (hb_tag_t tag : {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
                         HB_TAG('B', 'A', 'S', 'E'), HB_TAG('J', 'S', 'T', 'F'), HB_TAG('k', 'e', 'r', 'n'),
                         HB_TAG('D', 'S', 'I', 'G'), HB_TAG('h', 'd', 'm', 'x'), HB_TAG('V', 'D', 'M', 'X'),
                         HB_TAG('L', 'T', 'S', 'H'), HB_TAG('g', 'a', 's', 'p')})
        hb_set_add(drop, tag);
    hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
    hb_subset_plan_t* plan = hb_subset_plan_create_or_fail(face, input);
    hb_subset_input_destroy(input);
    if (!plan) internal_error("le sous-ensemble de la police " + font.path() + " n’a pas pu être préparé");
    auto result = std::make_shared<SubsetProgram>();
    const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan);
    for (uint32_t glyph : glyphs) {
        const hb_codepoint_t gid = hb_map_get(old_to_new, glyph);
        result->new_glyphs.emplace_back(glyph, gid == HB_MAP_VALUE_INVALID ? 0 : static_cast<uint16_t>(gid));
    }
    hb_face_t* subset = hb_subset_plan_execute_or_fail(plan);
    hb_subset_plan_destroy(plan);
    if (!subset) internal_error("le sous-ensemble de la police " + font.path() + " a échoué");
    hb_blob_t* blob = hb_face_reference_blob(subset);
    unsigned length = 0;
    const char* data = hb_blob_get_data(blob, &length);
    if (data && length > 0) result->deflated = deflate_bytes(std::string_view(data, length));
    result->length = data ? length : 0;
    hb_blob_destroy(blob);
    hb_face_destroy(subset);
    if (result->length == 0) internal_error("le sous-ensemble de la police " + font.path() + " est vide");
    return result;
}

// The key of a subset: its glyphs and characters, sorted (their order of
// use does not change the program).
std::string subset_key(std::vector<uint32_t> glyphs, std::vector<uint32_t> unicodes) {
    std::sort(glyphs.begin(), glyphs.end());
    glyphs.erase(std::unique(glyphs.begin(), glyphs.end()), glyphs.end());
    std::sort(unicodes.begin(), unicodes.end());
    unicodes.erase(std::unique(unicodes.begin(), unicodes.end()), unicodes.end());
    std::string key;
    key.reserve(4 * (glyphs.size() + unicodes.size() + 1));
    const auto put = [&key](uint32_t v) { key.append(reinterpret_cast<const char*>(&v), sizeof v); };
    for (uint32_t g : glyphs) put(g);
    put(~0u);
    for (uint32_t c : unicodes) put(c);
    return key;
}

}  // namespace

uint16_t SubsetProgram::new_glyph(uint32_t glyph) const {
    auto found = std::lower_bound(new_glyphs.begin(), new_glyphs.end(), std::make_pair(glyph, uint16_t{0}));
    return found != new_glyphs.end() && found->first == glyph ? found->second : 0;
}

std::shared_ptr<const SubsetProgram> subset_program(const Font& font, const FontProgram& program,
                                                    const std::vector<uint32_t>& glyphs,
                                                    const std::vector<uint32_t>& unicodes) {
    const std::string key = subset_key(glyphs, unicodes);
    {
        std::lock_guard<std::mutex> lock(program.subsets_mutex);
        auto found = program.subsets.find(key);
        if (found != program.subsets.end()) return found->second;
    }
    auto made = std::const_pointer_cast<SubsetProgram>(make_subset(font, program.face_for_subset(), glyphs, unicodes));
    std::sort(made->new_glyphs.begin(), made->new_glyphs.end());
    made->new_glyphs.erase(std::unique(made->new_glyphs.begin(), made->new_glyphs.end()), made->new_glyphs.end());
    std::lock_guard<std::mutex> lock(program.subsets_mutex);
    // A bounded cache: when full, start afresh (only speed depends on it).
    program.subset_bytes += made->deflated.size() + key.size();
    if (program.subset_bytes > kSubsetCacheBytes) {
        program.subsets.clear();
        program.subset_bytes = made->deflated.size() + key.size();
    }
    program.subsets.emplace(key, made);
    return made;
}

std::shared_ptr<const FontProgram> font_program_for(const std::shared_ptr<const Font>& font) {
    // Keyed by the Font's control block (owner_before), so a new Font at a
    // recycled address is never mistaken for an old one.
    static std::mutex mutex;
    static std::vector<std::pair<std::weak_ptr<const Font>, std::shared_ptr<const FontProgram>>> cache;
    std::lock_guard<std::mutex> lock(mutex);
    const std::weak_ptr<const Font> key = font;
    for (const auto& entry : cache)
        if (!entry.first.owner_before(key) && !key.owner_before(entry.first)) return entry.second;
    cache.erase(std::remove_if(cache.begin(), cache.end(), [](const auto& e) { return e.first.expired(); }),
                cache.end());
    auto program = prepare_font_program(*font);
    cache.emplace_back(key, program);
    return program;
}

DocumentFont::DocumentFont(std::shared_ptr<const Font> font, std::string resource_name, uint32_t type0)
    : font_(std::move(font)), program_(font_program_for(font_)), resource_name_(std::move(resource_name)),
      type0_(type0) {
    const double em = font_->units_per_em();
    if (program_->tables.underline_thickness > 0) {
        underline_position_ = program_->tables.underline_position / em;
        underline_thickness_ = program_->tables.underline_thickness / em;
    }
    codes_.push_back(Code{0, {}, width_in_glyph_space(font_->advance(0), font_->units_per_em())});
    single_codes_.reserve(256);
}

uint16_t DocumentFont::allocate(uint32_t glyph, const std::u32string& text) {
    if (codes_.size() > 0xFFFF)
        internal_error("plus de 65 535 glyphes distincts de la police " + font_->path() + " dans un même document");
    codes_.push_back(Code{glyph, text, width_in_glyph_space(font_->advance(glyph), font_->units_per_em())});
    return static_cast<uint16_t>(codes_.size() - 1);
}

uint16_t DocumentFont::allocate_single(uint64_t key, uint32_t glyph, const std::u32string& text) {
    const uint16_t code = allocate(glyph, text);
    single_codes_.emplace(key, code);
    return code;
}

uint16_t DocumentFont::multi_code_for(uint32_t glyph, const std::u32string& text) {
    auto found = multi_codes_.find({glyph, text});
    if (found != multi_codes_.end()) return found->second;
    const uint16_t code = allocate(glyph, text);
    multi_codes_.emplace(std::make_pair(glyph, text), code);
    return code;
}

// Six uppercase letters derived from the font and the codes used (FNV-1a),
// so the same document always gets the same tag and two different subsets of
// one font in one reader session get different ones.
std::string DocumentFont::subset_tag() const {
    uint64_t hash = 0xcbf29ce484222325ULL;
    auto mix = [&hash](uint64_t value) {
        for (int i = 0; i < 8; ++i) {
            hash ^= (value >> (8 * i)) & 0xFF;
            hash *= 0x100000001b3ULL;
        }
    };
    for (char c : font_->postscript_name()) mix(static_cast<unsigned char>(c));
    for (const Code& code : codes_) {
        mix(code.glyph);
        for (char32_t c : code.text) mix(c);
        mix(0xFFFFFFFFu);
    }
    std::string tag(6, 'A');
    for (char& letter : tag) {
        letter = static_cast<char>('A' + hash % 26);
        hash /= 26;
    }
    return tag;
}

void DocumentFont::embed(PdfFile& file) const {
    const Font& font = *font_;
    const int upem = font.units_per_em();

    // 1. The subset program (from the process's cache when another
    //    document used the same glyphs) and the map from codes to its glyphs.
    std::vector<uint32_t> glyphs, unicodes;
    for (const Code& code : codes_) {
        glyphs.push_back(code.glyph);
        // Keep a cmap entry where the font itself maps the character to this glyph.
        if (code.text.size() == 1 && code.glyph != 0 && font.glyph_for(code.text[0]) == code.glyph)
            unicodes.push_back(code.text[0]);
    }
    const std::shared_ptr<const SubsetProgram> program = subset_program(font, *program_, glyphs, unicodes);
    std::string cid_to_gid(codes_.size() * 2, '\0');
    for (std::size_t cid = 0; cid < codes_.size(); ++cid) {
        const uint16_t gid = program->new_glyph(codes_[cid].glyph);
        cid_to_gid[2 * cid] = static_cast<char>(gid >> 8);
        cid_to_gid[2 * cid + 1] = static_cast<char>(gid & 0xFF);
    }

    const std::string base_font = subset_tag() + "+" + plain_font_name(font);

    // 2. The font file and its descriptor.
    const uint32_t file_object = file.allocate();
    std::string dictionary = " /Length1 ";
    append_integer(dictionary, static_cast<long long>(program->length));
    dictionary += " /Filter /FlateDecode";
    file.write_stream(file_object, dictionary, program->deflated);

    const SfntTables& tables = program_->tables;
    const std::vector<int> box = font.bbox();
    long long flags = 4;  // symbolic: glyphs are reached by CID, not by a standard encoding
    if (tables.fixed_pitch) flags |= 1;
    const int family = tables.family_class >> 8;
    if ((family >= 1 && family <= 7) || family == 10) flags |= 2;
    if (font.italic_angle() != 0) flags |= 64;
    // TrueType has no stem widths; the usual estimate from the weight class.
    const double stem_v = 10 + 220 * std::max(0, tables.weight_class - 50) / 900.0;

    const uint32_t descriptor = file.allocate();
    std::string d = "<< /Type /FontDescriptor /FontName ";
    append_name(d, base_font);
    d += " /Flags ";
    append_integer(d, flags);
    d += " /FontBBox [";
    for (std::size_t i = 0; i < box.size(); ++i) {
        if (i > 0) d += ' ';
        append_integer(d, to_glyph_space(box[i], upem));
    }
    d += "] /ItalicAngle ";
    append_integer(d, font.italic_angle());
    d += " /Ascent ";
    append_integer(d, to_glyph_space(font.ascender(), upem));
    d += " /Descent ";
    append_integer(d, to_glyph_space(font.descender(), upem));
    d += " /CapHeight ";
    append_integer(d, to_glyph_space(font.cap_height(), upem));
    if (tables.x_height > 0) {
        d += " /XHeight ";
        append_integer(d, to_glyph_space(tables.x_height, upem));
    }
    d += " /StemV ";
    append_integer(d, std::lround(stem_v));
    d += " /FontFile2 ";
    append_reference(d, file_object);
    d += " >>";
    file.write_object(descriptor, d);

    // 3. CID → glyph map, widths, the descendant CIDFont.
    const uint32_t map = file.allocate();
    file.write_stream(map, " /Filter /FlateDecode", deflate_bytes(cid_to_gid));

    const uint32_t cid_font = file.allocate();
    std::string c = "<< /Type /Font /Subtype /CIDFontType2 /BaseFont ";
    append_name(c, base_font);
    c += " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ";
    append_reference(c, descriptor);
    c += " /DW ";
    append_number(c, codes_[0].width, 2);
    c += " /W [";
    if (codes_.size() > 1) {
        c += "1 [";
        for (std::size_t cid = 1; cid < codes_.size(); ++cid) {
            if (cid > 1) c += ' ';
            append_number(c, codes_[cid].width, 2);
        }
        c += ']';
    }
    c += "] /CIDToGIDMap ";
    append_reference(c, map);
    c += " >>";
    file.write_object(cid_font, c);

    // 4. ToUnicode: each code to its text, in blocks of at most 100 entries.
    std::string cmap =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    std::vector<uint16_t> mapped;
    for (std::size_t cid = 1; cid < codes_.size(); ++cid)
        if (!codes_[cid].text.empty()) mapped.push_back(static_cast<uint16_t>(cid));
    for (std::size_t start = 0; start < mapped.size(); start += 100) {
        const std::size_t end = std::min(mapped.size(), start + 100);
        append_integer(cmap, static_cast<long long>(end - start));
        cmap += " beginbfchar\n";
        for (std::size_t i = start; i < end; ++i) {
            cmap += '<';
            append_hex4(cmap, mapped[i]);
            cmap += "> <";
            append_utf16_hex(cmap, codes_[mapped[i]].text);
            cmap += ">\n";
        }
        cmap += "endbfchar\n";
    }
    cmap += "endcmap\nCMapName currentdict /CMapResource defineresource pop\nend\nend\n";
    const uint32_t to_unicode = file.allocate();
    file.write_stream(to_unicode, " /Filter /FlateDecode", deflate_bytes(cmap));

    // 5. The Type0 font the pages refer to.
    std::string t = "<< /Type /Font /Subtype /Type0 /BaseFont ";
    append_name(t, base_font);
    t += " /Encoding /Identity-H /DescendantFonts [";
    append_reference(t, cid_font);
    t += "] /ToUnicode ";
    append_reference(t, to_unicode);
    t += " >>";
    file.write_object(type0_, t);
}

DocumentFont& DocumentFonts::get(const std::shared_ptr<const Font>& font) {
    if (font.get() == last_font_) return *last_;
    auto found = by_font_.find(font.get());
    if (found == by_font_.end()) {
        const std::string name = "F" + std::to_string(fonts_.size() + 1);
        fonts_.push_back(std::make_unique<DocumentFont>(font, name, file_.allocate()));
        found = by_font_.emplace(font.get(), fonts_.back().get()).first;
    }
    last_font_ = font.get();
    last_ = found->second;
    return *last_;
}

void DocumentFonts::embed_all() const {
    for (const auto& font : fonts_) font->embed(file_);
}

}  // namespace lettrine::pdf
