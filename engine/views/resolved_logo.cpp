#include "views/resolved_logo.hpp"

#include <boost/filesystem.hpp>

namespace lettrine {

Programme with_resolved_logo(Programme programme, const ResourceResolver& resources, Diagnostics& problems) {
    if (programme.logo.empty()) return programme;
    const ResourceResolver::Resolved logo = resources.resolve(programme.logo);
    if (logo.path.empty()) {
        SourcePosition where = programme.logo_position;
        if (where.empty()) where = SourcePosition::in_file(boost::filesystem::path(programme.source_file).filename().string());
        problems.error(where, "le logo « " + programme.logo + " » ne peut pas être utilisé : " + logo.problem);
        programme.logo.clear();
    } else {
        programme.logo = logo.path.string();
    }
    return programme;
}

Programme with_resolved_logo(Programme programme, const ResourceResolver& resources) {
    Diagnostics problems;
    programme = with_resolved_logo(std::move(programme), resources, problems);
    if (problems.has_errors()) throw LettrineError(ErrorKind::Data, problems);
    return programme;
}

}  // namespace lettrine
