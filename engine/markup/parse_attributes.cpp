// The attributes of an element, each read once and checked; those nobody
// asked for are reported with the list of the permitted ones.
#include <cstdlib>

#include "markup/detail/parser.hpp"

namespace lettrine::markup_detail {

const char* Attributes::raw(const char* name) {
    asked_.emplace_back(name);
    pugi::xml_attribute a = node_.attribute(name);
    return a ? a.value() : nullptr;
}

void Attributes::invalid(const char* name, const std::string& message) {
    parser_.error(parser_.attribute_position(node_, name), message);
}

void Attributes::finish() {
    if (finished_) return;
    finished_ = true;
    // Permitted on every element, listed last.
    static const char* const everywhere[] = {"lang", "cesure", "typographie"};
    auto is_everywhere = [](const std::string& name) {
        for (const char* e : everywhere)
            if (name == e) return true;
        return false;
    };
    for (pugi::xml_attribute a : node_.attributes()) {
        bool known = is_everywhere(a.name());
        for (const std::string& n : asked_) known = known || n == a.name();
        if (known) continue;
        std::string allowed;
        for (std::size_t k = 0; k < asked_.size(); ++k) {
            bool repeated = is_everywhere(asked_[k]);
            for (std::size_t j = 0; j < k; ++j) repeated = repeated || asked_[j] == asked_[k];
            if (!repeated) allowed += (allowed.empty() ? " " : ", ") + asked_[k];
        }
        for (const char* e : everywhere) allowed += (allowed.empty() ? " " : ", ") + std::string(e);
        invalid(a.name(), "l’attribut « " + std::string(a.name()) + " » est inconnu sur <" + node_.name() +
                              "> (attributs permis :" + allowed + ")");
    }
}

std::string Attributes::text(const char* name, const std::string& fallback) {
    const char* v = raw(name);
    return v ? std::string(v) : fallback;
}

bool Attributes::length(const char* name, double& out) {
    const char* v = raw(name);
    if (!v) return false;
    if (auto points = parse_length(v)) { out = *points; return true; }
    invalid(name, "la longueur « " + std::string(v) + " » de l’attribut " + name +
                      " n’est pas valide (exemples : « 80mm », « 2,5cm », « 12pt »)");
    return false;
}

bool Attributes::font_size(const char* name, double& out) {
    const char* v = raw(name);
    if (!v) return false;
    if (auto points = parse_font_size(v)) { out = *points; return true; }
    invalid(name, "la taille « " + std::string(v) + " » n’est pas valide (exemples : « 11 », « 10.5pt »)");
    return false;
}

bool Attributes::extent(const char* name, Extent& out, bool relative_allowed) {
    const char* v = raw(name);
    if (!v) return false;
    if (auto e = parse_extent(v, relative_allowed)) { out = *e; return true; }
    invalid(name, "la largeur « " + std::string(v) + " » de l’attribut " + name + " n’est pas valide (exemples : « 80mm », « 50% »" +
                      (relative_allowed ? ", « 2* »)" : ")"));
    return false;
}

bool Attributes::color(const char* name, Rgb& out) {
    const char* v = raw(name);
    if (!v) return false;
    if (auto c = parse_color(v)) { out = *c; return true; }
    invalid(name, "la couleur « " + std::string(v) + " » n’est pas valide (exemple : « #1F4E79 »)");
    return false;
}

bool Attributes::yes_no(const char* name, bool& out) {
    return choice<bool>(name, {{"oui", true}, {"non", false}}, out);
}

bool Attributes::integer(const char* name, int minimum, int maximum, int& out) {
    const char* v = raw(name);
    if (!v) return false;
    char* end = nullptr;
    const long n = std::strtol(v, &end, 10);
    if (*v && *end == '\0' && n >= minimum && n <= maximum) { out = static_cast<int>(n); return true; }
    invalid(name, "la valeur « " + std::string(v) + " » de l’attribut " + name + " doit être un entier de " +
                      std::to_string(minimum) + " à " + std::to_string(maximum));
    return false;
}

}  // namespace lettrine::markup_detail
