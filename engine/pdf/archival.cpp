#include "pdf/archival.hpp"

#include "core/text.hpp"

namespace lettrine::pdf {

namespace {

bool all_digits(const std::string& text) {
    for (char c : text)
        if (c < '0' || c > '9') return false;
    return true;
}

// A language alternative with its default entry (dc:title, dc:description).
void append_alt(std::string& out, const char* property, const std::string& value) {
    if (value.empty()) return;
    out += "   <";
    out += property;
    out += "><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(value) + "</rdf:li></rdf:Alt></";
    out += property;
    out += ">\n";
}

void append_simple(std::string& out, const char* property, const std::string& value) {
    if (value.empty()) return;
    out += "   <";
    out += property;
    out += '>' + xml_escape(value) + "</";
    out += property;
    out += ">\n";
}

// PDF/A-2 (6.6.2.3) accepts only schemas it predefines or that the file
// describes: pdfuaid is not among them.
const char* const kPdfuaExtension = R"(   <pdfaExtension:schemas>
    <rdf:Bag>
     <rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>
        <rdf:li rdf:parseType="Resource">
         <pdfaProperty:name>part</pdfaProperty:name>
         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
         <pdfaProperty:category>internal</pdfaProperty:category>
         <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
        </rdf:li>
       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
    </rdf:Bag>
   </pdfaExtension:schemas>
)";

}  // namespace

std::string xmp_date(const std::string& pdf_date) {
    if (pdf_date.compare(0, 2, "D:") != 0) return "";
    const std::string digits = pdf_date.substr(2, 14);
    if (digits.size() < 14 || !all_digits(digits)) return "";
    std::string out = digits.substr(0, 4) + '-' + digits.substr(4, 2) + '-' + digits.substr(6, 2) + 'T' +
                      digits.substr(8, 2) + ':' + digits.substr(10, 2) + ':' + digits.substr(12, 2);
    const std::string zone = pdf_date.substr(16);
    if (zone.empty() || zone == "Z") return out + 'Z';
    if ((zone[0] == '+' || zone[0] == '-') && zone.size() >= 3) {
        const std::string hours = zone.substr(1, 2);
        const std::string minutes = zone.size() >= 6 ? zone.substr(4, 2) : "00";
        if (all_digits(hours) && all_digits(minutes)) return out + zone[0] + hours + ':' + minutes;
    }
    return "";
}

std::string xmp_packet(const DocumentMetadata& m, const std::string& creator, const std::string& producer,
                       Conformance claims) {
    std::string x = "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                    " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                    "  <rdf:Description rdf:about=\"\"\n"
                    "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                    "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                    "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                    "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
                    "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"\n"
                    "    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
                    "    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
                    "    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
                    "   <dc:format>application/pdf</dc:format>\n";
    append_alt(x, "dc:title", m.title);
    if (!m.author.empty())
        x += "   <dc:creator><rdf:Seq><rdf:li>" + xml_escape(m.author) + "</rdf:li></rdf:Seq></dc:creator>\n";
    append_alt(x, "dc:description", m.subject);
    if (!m.language.empty())
        x += "   <dc:language><rdf:Bag><rdf:li>" + xml_escape(m.language) + "</rdf:li></rdf:Bag></dc:language>\n";
    append_simple(x, "pdf:Keywords", m.keywords);
    append_simple(x, "pdf:Producer", producer);
    append_simple(x, "xmp:CreatorTool", creator);
    const std::string date = xmp_date(m.creation_date);
    append_simple(x, "xmp:CreateDate", date);
    append_simple(x, "xmp:ModifyDate", date);
    append_simple(x, "xmp:MetadataDate", date);
    if (claims.pdfa) x += "   <pdfaid:part>2</pdfaid:part>\n   <pdfaid:conformance>A</pdfaid:conformance>\n";
    if (claims.pdfua) x += "   <pdfuaid:part>1</pdfuaid:part>\n";
    if (claims.pdfa && claims.pdfua) x += kPdfuaExtension;
    x += "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
    return x;
}

}  // namespace lettrine::pdf
