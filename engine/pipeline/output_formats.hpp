#pragma once
// The formats a document can be written in (--format pdf,odt,docx): one table,
// {name, extension, writer}, so that adding a format is one entry. Every
// writer reads the same document tree; the files of one document share
// their base name (lettre-de-mission-2016-habitat.pdf, .odt).
#include <string>
#include <vector>

#include <boost/filesystem.hpp>

#include "data/value.hpp"
#include "editable/editable_inputs.hpp"
#include "markup/document.hpp"
#include "pipeline/document_pipeline.hpp"

namespace lettrine {

struct OutputFormat {
    std::string name;       // as --format names it: "pdf"
    std::string extension;  // ".pdf"
    // The file's bytes; `data` names the cells of layout problems. `pages`:
    // the document already laid out, or null. The PDF is those pages; an
    // editable file's contents and page references show their numbers
    // (laid out here when null and the document shows page numbers).
    std::string (*write)(const Document& document, const DataValue& data, const PipelineContext& context,
                         const LaidOutDocument* pages);
};

// What the editable writers (ODT, DOCX) read besides the tree, from a run's
// context: its image folders and cache, its fonts.
EditableInputs editable_inputs(const PipelineContext& context);

// Every format, in the order of the help.
const std::vector<OutputFormat>& output_formats();

// The format called `name` ("odt"), or null when none is.
const OutputFormat* find_output_format(const std::string& name);

// The formats of a --format value ("pdf,odt"), in the order given, each
// once; a usage error (LettrineError(Usage)) in French for an unknown name:
// « format inconnu « rtf » : formats possibles pdf, odt, docx ».
std::vector<const OutputFormat*> parse_output_formats(const std::string& list);

// Whether the format's file is the laid-out pages (PDF) rather than the
// document tree (ODT, DOCX). A job that makes pages beyond one document's
// layout (the rapport places external notes' pages, the AG's printing
// dossier joins the packs' pages) writes such a format from its pages, and
// the others through `write`.
bool writes_pages(const OutputFormat& format);

// Whether writing `document` in `formats` needs its layout: for a PDF, or
// for an editable file whose contents or <renvoi-page> show page numbers.
bool needs_layout(const Document& document, const std::vector<const OutputFormat*>& formats);

// The document's bytes in each format, in format order, the document laid
// out once at most (needs_layout), for the PDF and the editable files'
// page numbers together.
std::vector<std::string> write_formats(const Document& document, const DataValue& data,
                                       const PipelineContext& context,
                                       const std::vector<const OutputFormat*>& formats);

// The default: PDF only.
std::vector<const OutputFormat*> pdf_only();

// `pdf_path` with each format's extension instead of ".pdf", in format order.
std::vector<boost::filesystem::path> output_paths(const boost::filesystem::path& pdf_path,
                                                  const std::vector<const OutputFormat*>& formats);

// One document in every format: the template rendered and parsed once, then
// write_formats; the bytes in format order.
std::vector<std::string> render_formats(const Template& document_template, const DataValue& data,
                                        const PipelineContext& context, const std::string& description,
                                        const std::vector<const OutputFormat*>& formats);

}  // namespace lettrine
