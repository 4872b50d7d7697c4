#include "pdf/pdf_streams.hpp"

#include <zlib.h>

#include <map>
#include <memory>

#include "core/diagnostic.hpp"

namespace lettrine::pdf {

namespace {

[[noreturn]] void compression_failed() {
    throw LettrineError(ErrorKind::Internal, SourcePosition{}, "la compression d’un flux PDF a échoué");
}

class Compressor {
public:
    explicit Compressor(int level) {
        if (deflateInit(&stream_, level) != Z_OK) compression_failed();
    }
    ~Compressor() { deflateEnd(&stream_); }
    Compressor(const Compressor&) = delete;
    Compressor& operator=(const Compressor&) = delete;

    std::string compress(std::string_view data) {
        if (deflateReset(&stream_) != Z_OK) compression_failed();
        std::string out(deflateBound(&stream_, static_cast<uLong>(data.size())), '\0');
        stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
        stream_.avail_in = static_cast<uInt>(data.size());
        stream_.next_out = reinterpret_cast<Bytef*>(&out[0]);
        stream_.avail_out = static_cast<uInt>(out.size());
        if (deflate(&stream_, Z_FINISH) != Z_STREAM_END) compression_failed();
        out.resize(out.size() - stream_.avail_out);
        return out;
    }

private:
    z_stream stream_{};
};

}  // namespace

std::string deflate_bytes(std::string_view data, int level) {
    thread_local std::map<int, std::unique_ptr<Compressor>> compressors;
    auto& compressor = compressors[level];
    if (!compressor) compressor = std::make_unique<Compressor>(level);
    return compressor->compress(data);
}

}  // namespace lettrine::pdf
