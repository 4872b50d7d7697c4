#include "data/input_file.hpp"

#include "core/diagnostic.hpp"
#include "core/output_files.hpp"
#include "data/zip_archive.hpp"

namespace lettrine {

void refuse_empty_file(const std::string& bytes, const std::string& file_name) {
    if (bytes.empty())
        throw LettrineError(ErrorKind::Data, SourcePosition::in_file(file_name),
                            "fichier vide (0 octet) : il ne contient aucune donnée (enregistrement interrompu ?)");
}

std::string read_data_file(const boost::filesystem::path& file, std::size_t max_bytes) {
    const std::string name = file.filename().string();
    boost::system::error_code ec;
    const boost::uintmax_t size = boost::filesystem::file_size(file, ec);
    // A size that cannot be taken (a missing file) is left to read_file's message.
    if (!ec && size > max_bytes)
        throw LettrineError(ErrorKind::Data, SourcePosition::in_file(name),
                            "le fichier dépasse " + describe_byte_count(max_bytes) + " : fichier refusé");
    std::string bytes = read_file(file);
    if (bytes.size() > max_bytes)  // it grew while being read
        throw LettrineError(ErrorKind::Data, SourcePosition::in_file(name),
                            "le fichier dépasse " + describe_byte_count(max_bytes) + " : fichier refusé");
    refuse_empty_file(bytes, name);
    return bytes;
}

}  // namespace lettrine
