#include "pdf/pdf_streams.hpp"

#include <zlib.h>

#include "core/diagnostic.hpp"

namespace lettrine::pdf {

using namespace PoDoFo;

void set_deflated_stream(PdfObject* object, const std::string& data, int level) {
    uLongf size = compressBound(static_cast<uLong>(data.size()));
    std::string deflated(size, '\0');
    if (compress2(reinterpret_cast<Bytef*>(&deflated[0]), &size, reinterpret_cast<const Bytef*>(data.data()),
                  static_cast<uLong>(data.size()), level) != Z_OK)
        throw LettrineError(ErrorKind::Internal, SourcePosition{}, "la compression d'un flux PDF a échoué");
    PdfMemoryInputStream input(deflated.data(), static_cast<pdf_long>(size));
    object->GetStream()->SetRawData(&input, static_cast<pdf_long>(size));
    object->GetDictionary().AddKey(PdfName::KeyFilter, PdfName("FlateDecode"));
}

}  // namespace lettrine::pdf
