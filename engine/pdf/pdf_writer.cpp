#include "pdf/pdf_writer.hpp"

#include <openssl/evp.h>
#include <podofo/podofo.h>

#include <mutex>
#include <regex>

#include "core/diagnostic.hpp"
#include "pdf/font_embedding.hpp"
#include "pdf/image_embedding.hpp"
#include "pdf/page_content.hpp"
#include "pdf/pdf_streams.hpp"

namespace lettrine {

using namespace PoDoFo;
using pdf::DocumentFonts;
using pdf::DocumentImages;
using pdf::PageContent;
using pdf::set_deflated_stream;

namespace {

// Written as /Producer: fixed, so the output never depends on library versions.
constexpr const char* kProducer = "Lettrine";

// PoDoFo must print nothing: the command line owns stderr. Set once; these
// are process-wide switches.
void silence_podofo() {
    static std::once_flag once;
    std::call_once(once, [] {
        PdfError::EnableDebug(false);
        PdfError::EnableLogging(false);
    });
}

bool is_ascii(const std::string& text) {
    for (char c : text)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

// A text string for the Info dictionary or an outline title: PDFDocEncoding
// when ASCII, UTF-16BE (with its byte order mark) otherwise.
PdfString text_string(const std::string& utf8) {
    if (is_ascii(utf8)) return PdfString(utf8);
    return PdfString(reinterpret_cast<const pdf_utf8*>(utf8.c_str()));
}

// URIs are 7-bit ASCII (ISO 32000-1, 12.6.4.7): percent-encode the rest.
std::string ascii_uri(const std::string& uri) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : uri) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte >= 0x7F) {
            out += '%';
            out += kHex[byte >> 4];
            out += kHex[byte & 15];
        } else {
            out += c;
        }
    }
    return out;
}

// "D:YYYY[MM[DD[HH[mm[SS]]]]][Z|+HH'mm'|-HH'mm']" (ISO 32000-1, 7.9.4).
bool is_pdf_date(const std::string& date) {
    static const std::regex pattern(R"(D:\d{4}(\d{2}(\d{2}(\d{2}(\d{2}(\d{2})?)?)?)?)?(Z|[+-]\d{2}('(\d{2}'?)?)?)?)");
    return std::regex_match(date, pattern);
}

// Everything wrong with the document that is not the images' fault, found
// before anything is written.
void check_document(const LaidOutDocument& document) {
    Diagnostics problems;
    if (document.pages.empty()) problems.error({}, "le document mis en page ne contient aucune page");
    for (std::size_t i = 0; i < document.pages.size(); ++i) {
        const LaidOutPage& page = document.pages[i];
        if (!(page.width > 0 && page.height > 0 && page.width < 14400 && page.height < 14400))
            problems.error({}, "la page " + std::to_string(i + 1) + " a une taille invalide");
        for (const PageItem& item : page.items)
            if (const auto* run = std::get_if<GlyphRun>(&item); run && !run->font && !run->glyphs.empty())
                problems.error({}, "la page " + std::to_string(i + 1) + " contient du texte sans police");
    }
    for (const OutlineEntry& entry : document.outline)
        if (entry.page >= document.pages.size())
            problems.error({}, "le signet « " + entry.title + " » renvoie à la page " +
                                   std::to_string(entry.page + 1) + ", au-delà de la dernière");
    if (problems.has_errors()) throw LettrineError(ErrorKind::Internal, std::move(problems));
    const std::string& date = document.metadata.creation_date;
    if (!date.empty() && !is_pdf_date(date))
        throw LettrineError(ErrorKind::Data, SourcePosition{},
                            "date de création « " + date + " » invalide : le format attendu est D:AAAAMMJJHHmmSS");
}

PdfArray rectangle_array(double left, double bottom, double right, double top) {
    PdfArray array;
    array.push_back(left);
    array.push_back(bottom);
    array.push_back(right);
    array.push_back(top);
    return array;
}

// /Link annotations with /URI actions, invisible (no border), printable.
// Written as plain objects: PoDoFo's PdfAnnotation stamps the clock (/M).
void add_links(PdfVecObjects& objects, PdfObject* page_object, const LaidOutPage& page) {
    PdfArray annotations;
    for (const PageItem& item : page.items) {
        const auto* link = std::get_if<LinkArea>(&item);
        if (!link || link->uri.empty()) continue;
        PdfDictionary action;
        action.AddKey("S", PdfName("URI"));
        action.AddKey("URI", PdfString(ascii_uri(link->uri)));
        PdfArray border;
        for (int i = 0; i < 3; ++i) border.push_back(PdfObject(static_cast<pdf_int64>(0)));
        const double bottom = page.height - link->y - link->height;
        PdfObject* annotation = objects.CreateObject("Annot");
        PdfDictionary& d = annotation->GetDictionary();
        d.AddKey("Subtype", PdfName("Link"));
        d.AddKey("Rect", rectangle_array(link->x, bottom, link->x + link->width, bottom + link->height));
        d.AddKey("Border", border);
        d.AddKey("F", PdfObject(static_cast<pdf_int64>(ePdfAnnotationFlags_Print)));
        d.AddKey("P", page_object->Reference());
        d.AddKey("A", action);
        annotations.push_back(annotation->Reference());
    }
    if (!annotations.empty()) page_object->GetDictionary().AddKey("Annots", annotations);
}

// Pages are created as plain objects under one /Kids array: PoDoFo 0.9.8's
// page-tree insertion is super-linear in the page count.
std::vector<PdfObject*> write_pages(PdfMemDocument& pdf, const LaidOutDocument& document, DocumentFonts& fonts,
                                    DocumentImages& images) {
    PdfVecObjects& objects = pdf.GetObjects();
    PdfObject* tree = pdf.GetPagesTree()->GetObject();
    const PdfReference tree_reference = tree->Reference();
    std::vector<PdfObject*> pages;
    pages.reserve(document.pages.size());
    PdfArray kids;
    PageContent content(fonts, images);

    for (std::size_t i = 0; i < document.pages.size(); ++i) {
        const LaidOutPage& page = document.pages[i];
        content.begin_page(i + 1, page.height);
        for (const PageItem& item : page.items) {
            if (const auto* run = std::get_if<GlyphRun>(&item)) content.paint(*run);
            else if (const auto* rule = std::get_if<Rule>(&item)) content.paint(*rule);
            else if (const auto* rectangle = std::get_if<Rectangle>(&item)) content.paint(*rectangle);
            else if (const auto* image = std::get_if<PlacedImage>(&item)) content.paint(*image);
        }

        PdfObject* stream = objects.CreateObject();
        set_deflated_stream(stream, content.operators());

        PdfDictionary resources;
        if (!content.fonts().empty()) {
            PdfDictionary font_dictionary;
            for (const auto* font : content.fonts()) font_dictionary.AddKey(font->resource_name(), font->reference());
            resources.AddKey("Font", font_dictionary);
        }
        if (!content.images().empty()) {
            PdfDictionary image_dictionary;
            for (const auto* image : content.images()) image_dictionary.AddKey(image->resource_name, image->reference);
            resources.AddKey("XObject", image_dictionary);
        }

        PdfObject* page_object = objects.CreateObject("Page");
        PdfDictionary& dictionary = page_object->GetDictionary();
        dictionary.AddKey("Parent", tree_reference);
        dictionary.AddKey("MediaBox", rectangle_array(0, 0, page.width, page.height));
        dictionary.AddKey("Resources", resources);
        dictionary.AddKey("Contents", stream->Reference());
        add_links(objects, page_object, page);
        kids.push_back(page_object->Reference());
        pages.push_back(page_object);
    }
    tree->GetDictionary().AddKey("Kids", kids);
    tree->GetDictionary().AddKey("Count", static_cast<pdf_int64>(document.pages.size()));
    return pages;
}

// Bookmarks nested by level (a level deeper than its predecessor's plus one
// nests one step only), all open, each pointing at its page and height.
void write_outline(PdfMemDocument& pdf, const LaidOutDocument& document, const std::vector<PdfObject*>& pages) {
    if (document.outline.empty()) return;
    PdfVecObjects& objects = pdf.GetObjects();
    struct Node {
        PdfObject* object = nullptr;
        int level = 0;
        std::size_t parent = 0;  // index into nodes; node 0 is the outline root
        std::vector<std::size_t> children;
        std::size_t descendants = 0;
    };
    std::vector<Node> nodes(1);
    nodes[0].object = objects.CreateObject("Outlines");
    std::vector<std::size_t> open{0};  // the chain of possible parents
    for (const OutlineEntry& entry : document.outline) {
        while (open.size() > 1 && nodes[open.back()].level >= entry.level) open.pop_back();
        Node node;
        node.object = objects.CreateObject();
        node.level = entry.level;
        node.parent = open.back();
        const LaidOutPage& page = document.pages[entry.page];
        PdfArray destination;
        destination.push_back(pages[entry.page]->Reference());
        destination.push_back(PdfName("XYZ"));
        destination.push_back(PdfVariant());  // keep the horizontal position
        destination.push_back(page.height - entry.y);
        destination.push_back(PdfVariant());  // keep the zoom
        PdfDictionary& d = node.object->GetDictionary();
        d.AddKey("Title", text_string(entry.title));
        d.AddKey("Parent", nodes[node.parent].object->Reference());
        d.AddKey("Dest", destination);
        nodes.push_back(std::move(node));
        const std::size_t index = nodes.size() - 1;
        nodes[nodes[index].parent].children.push_back(index);
        for (std::size_t ancestor = nodes[index].parent;; ancestor = nodes[ancestor].parent) {
            ++nodes[ancestor].descendants;
            if (ancestor == 0) break;
        }
        open.push_back(index);
    }
    for (const Node& node : nodes) {
        PdfDictionary& d = node.object->GetDictionary();
        if (!node.children.empty()) {
            d.AddKey("First", nodes[node.children.front()].object->Reference());
            d.AddKey("Last", nodes[node.children.back()].object->Reference());
            d.AddKey("Count", static_cast<pdf_int64>(node.descendants));
        }
        for (std::size_t i = 0; i < node.children.size(); ++i) {
            PdfDictionary& child = nodes[node.children[i]].object->GetDictionary();
            if (i > 0) child.AddKey("Prev", nodes[node.children[i - 1]].object->Reference());
            if (i + 1 < node.children.size()) child.AddKey("Next", nodes[node.children[i + 1]].object->Reference());
        }
    }
    PdfObject* catalog = pdf.GetCatalog();
    catalog->GetDictionary().AddKey("Outlines", nodes[0].object->Reference());
    catalog->GetDictionary().AddKey("PageMode", PdfName("UseOutlines"));
}

void write_catalog(PdfMemDocument& pdf, const DocumentMetadata& metadata) {
    const bool usable = !metadata.language.empty() && is_ascii(metadata.language);
    pdf.GetCatalog()->GetDictionary().AddKey("Lang", PdfString(usable ? metadata.language : "fr-FR"));
    PdfDictionary preferences;
    preferences.AddKey("DisplayDocTitle", PdfVariant(true));
    pdf.GetCatalog()->GetDictionary().AddKey("ViewerPreferences", preferences);
}

// The Info dictionary, dates from the metadata only: PoDoFo's default
// CreationDate (the clock) is replaced or removed.
void write_info(PdfMemDocument& pdf, const DocumentMetadata& metadata) {
    PdfInfo* info = pdf.GetInfo();
    if (!metadata.title.empty()) info->SetTitle(text_string(metadata.title));
    if (!metadata.author.empty()) info->SetAuthor(text_string(metadata.author));
    if (!metadata.subject.empty()) info->SetSubject(text_string(metadata.subject));
    if (!metadata.keywords.empty()) info->SetKeywords(text_string(metadata.keywords));
    info->SetCreator(text_string(metadata.creator.empty() ? std::string("Lettrine") : metadata.creator));
    info->SetProducer(PdfString(kProducer));
    PdfDictionary& d = info->GetObject()->GetDictionary();
    d.RemoveKey("CreationDate");
    d.RemoveKey("ModDate");
    if (!metadata.creation_date.empty()) {
        d.AddKey("CreationDate", PdfString(metadata.creation_date));
        d.AddKey("ModDate", PdfString(metadata.creation_date));
    }
}

// The file, with a trailer /ID derived from everything before the trailer
// (PoDoFo hashes only the Info dictionary, so two documents with the same
// metadata would share an identifier).
std::string serialize(PdfMemDocument& pdf) {
    PdfRefCountedBuffer buffer;
    {
        PdfOutputDevice device(&buffer);
        pdf.Write(&device);
        buffer.Resize(device.GetLength());
    }
    std::string bytes(buffer.GetBuffer(), buffer.GetSize());

    const std::size_t trailer = bytes.rfind("trailer");
    const std::size_t id = trailer == std::string::npos ? std::string::npos : bytes.find("/ID", trailer);
    if (id == std::string::npos)
        throw LettrineError(ErrorKind::Internal, SourcePosition{}, "le PDF produit n'a pas d'identifiant /ID");
    // SHA-256 (OpenSSL, a dependency of PoDoFo) truncated to the 16 bytes PoDoFo's MD5 left room for.
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digest_length = 0;
    if (!EVP_Digest(bytes.data(), trailer, digest, &digest_length, EVP_sha256(), nullptr) || digest_length < 16)
        throw LettrineError(ErrorKind::Internal, SourcePosition{}, "calcul de l'identifiant du PDF impossible");
    std::string hex;
    for (int i = 0; i < 16; ++i) {
        const unsigned char b = digest[i];
        static constexpr char kHex[] = "0123456789ABCDEF";
        hex += kHex[b >> 4];
        hex += kHex[b & 15];
    }
    std::size_t at = id;
    for (int i = 0; i < 2; ++i) {
        const std::size_t open = bytes.find('<', at);
        const std::size_t close = open == std::string::npos ? open : bytes.find('>', open);
        if (close == std::string::npos || close - open - 1 != hex.size())
            throw LettrineError(ErrorKind::Internal, SourcePosition{}, "identifiant /ID du PDF inattendu");
        bytes.replace(open + 1, hex.size(), hex);
        at = close + 1;
    }
    return bytes;
}

}  // namespace

std::string write_pdf(const LaidOutDocument& document) {
    silence_podofo();
    check_document(document);
    try {
        PdfMemDocument pdf;
        pdf.SetPdfVersion(ePdfVersion_1_7);
        DocumentImages images(pdf);
        images.embed_all(document);
        DocumentFonts fonts(pdf.GetObjects());
        const std::vector<PdfObject*> pages = write_pages(pdf, document, fonts, images);
        fonts.embed_all();
        write_outline(pdf, document, pages);
        write_catalog(pdf, document.metadata);
        write_info(pdf, document.metadata);
        return serialize(pdf);
    } catch (const PdfError& error) {
        throw LettrineError(ErrorKind::Internal, SourcePosition{},
                            std::string("la bibliothèque PDF (PoDoFo) a échoué : ") +
                                PdfError::ErrorName(error.GetError()));
    }
}

}  // namespace lettrine
