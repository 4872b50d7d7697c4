// Template::parse + render over fixed data. The input is the template; after
// a NUL byte comes the text of the partial "entete" ({{> entete}}).
#include <optional>

#include "fuzz_support.hpp"
#include "template/template.hpp"

using namespace lettrine;

namespace {

DataValue sample_data() {
    DataValue root = DataValue::map();
    root.set("nom", DataValue::text("Les Ecossolies"));
    root.set("montant", DataValue::text("15000"));
    root.set("date", DataValue::text("2015-12-01"));
    root.set("vide", DataValue::text(""));
    root.set("non", DataValue::text("non"));
    root.set("html", DataValue::text("<b>&amp;\"'</b>"));
    DataValue secteur = DataValue::map();
    secteur.set("nom", DataValue::text("Habitat"));
    secteur.set("budget", DataValue::text("15 000"));
    DataValue lignes = DataValue::list();
    for (const char* l : {"un", "deux", "trois"}) lignes.push_back(DataValue::text(l));
    secteur.set("lignes", lignes);
    root.set("secteur", secteur);
    DataValue secteurs = DataValue::list();
    secteurs.push_back(secteur);
    secteurs.push_back(secteur);
    root.set("secteurs", secteurs);
    return root;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const DataValue values = sample_data();
    const auto parts = fuzz::split(data, size);
    const std::string& text = parts.first;
    const std::string partial = parts.second;
    const PartialLoader loader = [partial](const std::string& name) -> std::optional<PartialText> {
        if (name == "entete") return PartialText{partial, "entete.mustache"};
        return std::nullopt;
    };
    fuzz::run([&] {
        const Template t = Template::parse(text, "fuzz.mustache", loader);
        (void)t.render(values);
        (void)check_names(t, values);
    });
    return 0;
}
