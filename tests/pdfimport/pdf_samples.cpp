#include "pdf_samples.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include <zlib.h>

namespace lettrine::pdfimport_test {

std::string handmade_pdf(const std::vector<std::string>& objects) {
    std::string out = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(out.size());
        out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    char entry[32];
    for (std::size_t offset : offsets) {
        std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
        out += entry;
    }
    out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return out;
}

std::string stream_object(const std::string& dictionary_entries, const std::string& data) {
    return "<< " + dictionary_entries + " /Length " + std::to_string(data.size()) + " >>\nstream\n" + data +
           "\nendstream";
}

std::string pages_pdf(const std::vector<std::string>& page_entries, long long claimed_count) {
    // 1 catalog, 2 page tree, 3 font, then each page and its content.
    std::vector<std::string> objects = {"<< /Type /Catalog /Pages 2 0 R >>", "",
                                        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
    std::string kids;
    for (std::size_t i = 0; i < page_entries.size(); ++i) {
        const std::size_t page = objects.size() + 1;
        kids += std::to_string(page) + " 0 R ";
        objects.push_back("<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 3 0 R >> >> /Contents " +
                          std::to_string(page + 1) + " 0 R " + page_entries[i] + " >>");
        objects.push_back(stream_object("", "BT /F1 12 Tf 20 20 Td (page " + std::to_string(i + 1) + ") Tj ET"));
    }
    objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(claimed_count) + " >>";
    return handmade_pdf(objects);
}

namespace {

// A byte string that is prefix + unit × count + suffix, kept factored.
struct Repeated {
    std::string prefix, unit;
    std::uint64_t count = 0;
    std::string suffix;
    std::uint64_t size() const { return prefix.size() + unit.size() * count + suffix.size(); }
    std::string bytes() const {
        std::string out = prefix;
        out.reserve(size());
        for (std::uint64_t i = 0; i < count; ++i) out += unit;
        return out + suffix;
    }
};

uLong adler_of(const std::string& data, uLong adler) {
    return adler32(adler, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size()));
}

// Adler-32 of `unit` repeated `count` times, by doubling.
uLong adler_of_repeats(const std::string& unit, std::uint64_t count) {
    uLong result = adler32(0, nullptr, 0);
    uLong power = adler_of(unit, adler32(0, nullptr, 0));  // adler of unit × 2^k
    z_off_t power_length = static_cast<z_off_t>(unit.size());
    std::uint64_t rest = count;
    z_off_t result_length = 0;
    while (rest > 0) {
        if (rest & 1) {
            result = result_length == 0 ? power : adler32_combine(result, power, power_length);
            result_length += power_length;
        }
        power = adler32_combine(power, power, power_length);
        power_length *= 2;
        rest >>= 1;
    }
    return result;
}

class Deflater {
public:
    Deflater() {
        if (deflateInit(&stream_, 9) != Z_OK) throw std::runtime_error("deflateInit");
    }
    ~Deflater() { deflateEnd(&stream_); }
    std::string feed(const std::string& data, int flush) {
        std::string out;
        stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
        stream_.avail_in = static_cast<uInt>(data.size());
        unsigned char buffer[1 << 16];
        do {
            stream_.next_out = buffer;
            stream_.avail_out = sizeof buffer;
            const int status = deflate(&stream_, flush);
            if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) throw std::runtime_error("deflate");
            out.append(reinterpret_cast<char*>(buffer), sizeof buffer - stream_.avail_out);
        } while (stream_.avail_out == 0 || stream_.avail_in > 0);
        return out;
    }

private:
    z_stream stream_{};
};

// The zlib stream of `input`, factored the same way: after a full flush the
// compressor forgets everything, so each copy of a run of units compresses
// to the same bytes, and only two need compressing.
Repeated deflate_repeated(const Repeated& input, std::size_t group_bytes) {
    const std::uint64_t group = std::max<std::uint64_t>(1, group_bytes / std::max<std::size_t>(1, input.unit.size()));
    std::string group_data;
    for (std::uint64_t i = 0; i < group; ++i) group_data += input.unit;
    const std::uint64_t groups = input.count / group, rest = input.count % group;

    Deflater deflater;
    Repeated output;
    output.prefix = deflater.feed(input.prefix, Z_FULL_FLUSH);
    if (groups > 0) {
        output.unit = deflater.feed(group_data, Z_FULL_FLUSH);
        if (groups > 1) {
            if (deflater.feed(group_data, Z_FULL_FLUSH) != output.unit)
                throw std::runtime_error("deflate_repeated: unstable block encoding");
            }
        output.count = groups;
    }
    std::string tail;
    for (std::uint64_t i = 0; i < rest; ++i) tail += input.unit;
    output.suffix = deflater.feed(tail + input.suffix, Z_FINISH);

    // The trailer's checksum covers what zlib saw; put the real one.
    uLong adler = adler_of(input.prefix, adler32(0, nullptr, 0));
    const uLong middle = adler_of_repeats(input.unit, input.count);
    adler = adler32_combine(adler, middle, static_cast<z_off_t>(input.unit.size() * input.count));
    adler = adler32_combine(adler, adler_of(input.suffix, adler32(0, nullptr, 0)),
                            static_cast<z_off_t>(input.suffix.size()));
    std::string& end = output.suffix;
    for (int i = 0; i < 4; ++i) end[end.size() - 4 + i] = static_cast<char>((adler >> (24 - 8 * i)) & 0xFF);
    return output;
}

}  // namespace

std::string flate_bomb(std::uint64_t decoded_bytes, char fill) {
    const std::size_t mebibyte = 1 << 20;
    Repeated decoded;
    decoded.unit.assign(mebibyte, fill);
    decoded.count = std::max<std::uint64_t>(1, decoded_bytes / mebibyte);
    const Repeated once = deflate_repeated(decoded, mebibyte);
    return deflate_repeated(once, mebibyte).bytes();
}

}  // namespace lettrine::pdfimport_test
