#pragma once
// The référents' side: one upload link per sector, with a random token,
// through which a structure référente (no account) downloads its blank
// bilan form and returns the filled one, getting either every problem
// (positioned, with the faulty sheets as grids) or its note de bilan. The
// same library jobs as `lettrine formulaire` and `lettrine note`.
//
// Under --dossier:
//   output/serveur/referents/liens.txt          one link a line: token, sector, year, deadline, name
//   output/serveur/referents/programme.<ext>     the programme the links were made from (or programme-csv/)
//   output/serveur/referents/page.txt            its « Page de dépôt des bilans » (may be empty)
//   input/bilans/bilan-<année>-<secteur>.<ext>   each valid bilan returned, where `lettrine rapport` reads them
#include <optional>
#include <string>
#include <vector>

#include <boost/filesystem.hpp>

#include "data/value.hpp"
#include "web/december.hpp"
#include "web/upload.hpp"
#include "web/workspace.hpp"

namespace lettrine::web {

// Links are valid until the programme's « Date limite des bilans », or,
// when it gives none, this many days after they are made (docs/SERVEUR.md).
inline constexpr int kDefaultLinkDays = 90;

struct ReferentLink {
    std::string token;        // 32 hexadecimal digits
    std::string sector_id, sector_name;
    int year = 0;
    std::string deadline;     // "2027-03-03" (valid through that day, UTC)
};

// "3 mars 2027"
std::string french_date(const std::string& iso);
// Today as "2026-12-03" (UTC), and `days` later.
std::string iso_date_in(int days);

class ReferentDesk {
public:
    explicit ReferentDesk(const Workspace& workspace);

    // Every link, in the programme's sector order.
    std::vector<ReferentLink> links() const;
    // The link of `token` when it exists and its deadline has not passed.
    std::optional<ReferentLink> find(const std::string& token) const;

    // New links for the sectors contracted by Les Ecossolies, from an
    // uploaded programme (replacing the previous ones). Refused: the error
    // view, as for December.
    DecemberOutcome make_links(const std::vector<UploadedFile>& files, const UploadLimits& limits);

    // The programme's « Page de dépôt des bilans » (« https://… »), or "".
    std::string page() const;

    // The blank form of the link's sector, whose Instructions sheet names
    // `address` (the link's own page) as where to return it: (file name, bytes).
    std::pair<std::string, std::string> blank_form(const ReferentLink& link, const std::string& address) const;

    // A filled bilan uploaded through `link`: the note (published as a
    // result, its page rendered by `render`), or every problem, or a bilan
    // of another sector refused.
    DecemberOutcome return_bilan(const ReferentLink& link, const std::vector<UploadedFile>& files,
                                 const DecemberSettings& settings,
                                 const std::function<std::string(const DataValue&)>& render,
                                 Progress* progress = nullptr);

    // The programme the links were made from (a file, or a folder of CSV
    // files), which the staff's other pages use when given none; empty when none.
    boost::filesystem::path programme() const;

private:
    boost::filesystem::path folder() const;
    const Workspace& workspace_;
};

}  // namespace lettrine::web
