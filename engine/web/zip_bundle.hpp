#pragma once
// « Tout télécharger (ZIP) »: the files of a result in one ZIP archive
// (libzip), in a deterministic order (sorted by path) with a fixed
// modification time, so that the same outputs always give the same archive.
#include <string>
#include <vector>

#include <boost/filesystem.hpp>

namespace lettrine::web {

// Writes `archive` (atomically) holding each of `files`, given relative to
// `folder`, under the same relative path ("lettres/lettre-….pdf"). Throws
// LettrineError(Io) in French.
void write_zip(const boost::filesystem::path& archive, const boost::filesystem::path& folder,
               std::vector<std::string> files);

}  // namespace lettrine::web
