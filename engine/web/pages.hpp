#pragma once
// The web pages, rendered on the server from templates/web/*.html.mustache
// with the same Mustache engine as the documents (values are escaped; the
// layout is the partials entete.html and pied.html), and the stylesheet and
// script Lettrine serves itself (no CDN, no web font).
#include <string>

#include <boost/filesystem.hpp>

#include "data/value.hpp"
#include "template/template.hpp"

namespace lettrine::web {

class Pages {
public:
    // Reads the stylesheet and the script now; templates on first use.
    // Throws LettrineError(Io) in French when the folder is incomplete.
    explicit Pages(const boost::filesystem::path& folder);

    // `name` (« accueil ») with `data`; `title` becomes the page title (« Erreur : »
    // in front when `error`).
    std::string render(const std::string& name, const std::string& title, DataValue data, bool error = false) const;

    // A page of one message: « Page introuvable », « Envoi trop volumineux »…
    std::string message(const std::string& title, const std::string& text) const;

    const std::string& stylesheet() const { return stylesheet_; }
    const std::string& script() const { return script_; }

private:
    boost::filesystem::path folder_;
    mutable TemplateCache cache_;
    std::string stylesheet_, script_;
};

}  // namespace lettrine::web
