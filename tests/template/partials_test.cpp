#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <unistd.h>

#include <boost/filesystem.hpp>

#include "template/template.hpp"
#include "test_data.hpp"

using namespace lettrine;
using namespace lettrine::test;
using Messages = std::vector<std::string>;
namespace fs = boost::filesystem;

namespace {

// Partials from memory: name → text, reported as "name.mustache".
PartialLoader memory(std::map<std::string, std::string> files) {
    return [files](const std::string& name) -> std::optional<PartialText> {
        const auto found = files.find(name);
        if (found == files.end()) return std::nullopt;
        return PartialText{found->second, name + ".mustache"};
    };
}

fs::path fresh_dir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("lettrine-template-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

void write(const fs::path& file, const std::string& text) {
    std::ofstream out(file.string(), std::ios::binary);
    out << text;
}

std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

}  // namespace

TEST(Partials, RenderedWithTheCurrentContext) {
    const Template t = Template::parse("{{#secteurs}}{{> ligne}}{{/secteurs}}", "t.mustache",
                                       memory({{"ligne", "<e>{{nom}} ({{annee}})</e>"}}));
    const DataValue data = map({{"annee", text("2016")},
                                {"secteurs", list({map({{"nom", text("Habitat")}}), map({{"nom", text("Numérique")}})})}});
    EXPECT_EQ(t.render(data), "<e>Habitat (2016)</e><e>Numérique (2016)</e>");
}

TEST(Partials, StandaloneLineIsReplacedByThePartial) {
    const Template t = Template::parse("<a>\n  {{> entete }}\n</a>\n", "t.mustache",
                                       memory({{"entete", "<entete>{{x}}</entete>\n"}}));
    EXPECT_EQ(t.render(map({{"x", text("1")}})), "<a>\n<entete>1</entete>\n</a>\n");
}

TEST(Partials, NestedPartialsAndBracesAcrossFiles) {
    // "{" ending one file and "{" starting the next must not become a tag.
    const Template t = Template::parse("{{> a}}{{> b}}", "t.mustache",
                                       memory({{"a", "x{"}, {"b", "{y{{> c}}"}, {"c", "{{v}}"}}));
    EXPECT_EQ(t.render(map({{"v", text("z")}})), "x{{yz");
}

TEST(Partials, MissingPartialIsPositioned) {
    EXPECT_EQ(parse_errors("x\n {{> pied}}"),
              Messages{"t.mustache:2:2 : le modèle partiel « pied » est introuvable (fichiers cherchés : "
                       "« pied.mustache », « pied.xml.mustache », dans le dossier du modèle)"});
}

TEST(Partials, ErrorsInsideAPartialPointIntoIt) {
    EXPECT_EQ(parse_errors("{{> a}}", memory({{"a", "ok\n{{#x}}"}})),
              Messages{"a.mustache:2:1 : la section « x » n’est pas fermée : « {{/x}} » manquant"});
}

TEST(Partials, CyclesAreRefused) {
    EXPECT_EQ(parse_errors("{{> a}}", memory({{"a", "A{{> b}}"}, {"b", "B\n  {{> a}}"}})),
              Messages{"b.mustache:2:3 : inclusion circulaire de modèles partiels : a.mustache → b.mustache → "
                       "a.mustache"});
    EXPECT_EQ(parse_errors("{{#l}}{{> self}}{{/l}}", memory({{"self", "{{#l}}{{> self}}{{/l}}"}})),
              Messages{"self.mustache:1:7 : inclusion circulaire de modèles partiels : self.mustache → self.mustache"});
}

TEST(Partials, DepthCountsSectionsAcrossPartials) {
    const std::string forty = repeat("{{#a}}", 40);
    const std::string close = repeat("{{/a}}", 40);
    EXPECT_EQ(parse_errors(forty + "{{> p}}" + close, memory({{"p", forty + close}})),
              Messages{"p.mustache:1:145 : trop de sections imbriquées : la limite est de 64 niveaux, modèles "
                       "partiels compris"});
}

TEST(Partials, FanOutIsBounded) {
    // Each level includes the next ten times: 10^6 inclusions if unbounded.
    std::map<std::string, std::string> files;
    for (int level = 0; level < 6; ++level)
        files["p" + std::to_string(level)] = repeat("{{> p" + std::to_string(level + 1) + "}}", 10);
    files["p6"] = "x";
    const Messages m = parse_errors("{{> p0}}", memory(files));
    ASSERT_EQ(m.size(), 1u);
    EXPECT_NE(m[0].find("trop d’inclusions de modèles partiels : la limite est de 10000"), std::string::npos) << m[0];
}

TEST(Partials, LoadedFromTheTemplateFolder) {
    const fs::path dir = fresh_dir("load");
    write(dir / "lettre.xml.mustache", "<l>{{> entete}}|{{> pied}}</l>");
    write(dir / "entete.mustache", "E{{nom}}");
    write(dir / "pied.xml.mustache", "P");
    const Template t = Template::load(dir / "lettre.xml.mustache");
    EXPECT_EQ(t.source_name(), "lettre.xml.mustache");
    EXPECT_EQ(t.render(map({{"nom", text("1")}})), "<l>E1|P</l>");

    TemplateCache cache;
    EXPECT_EQ(cache.get(dir / "lettre.xml.mustache").render(map({})), "<l>E|P</l>");
    write(dir / "lettre.xml.mustache", "changed");
    EXPECT_EQ(cache.get(dir / "lettre.xml.mustache").render(map({})), "<l>E|P</l>") << "loaded once";
    fs::remove_all(dir);
}

TEST(Partials, OversizedAndMissingFiles) {
    const fs::path dir = fresh_dir("size");
    write(dir / "gros.mustache", std::string(template_limits::kMaxFileBytes + 1, 'x'));
    write(dir / "t.mustache", "{{> gros}}");
    EXPECT_EQ(error_messages([&] { Template::load(dir / "gros.mustache"); }),
              Messages{"gros.mustache : le modèle est trop volumineux : 1048577 octets, la limite est de 1048576 "
                       "octets (1 Mio)"});
    EXPECT_EQ(error_messages([&] { Template::load(dir / "t.mustache"); }),
              Messages{"gros.mustache : le modèle est trop volumineux : 1048577 octets, la limite est de 1048576 "
                       "octets (1 Mio)"});
    const auto missing = error_messages([&] { Template::load(dir / "absent.mustache"); }, ErrorKind::Io);
    EXPECT_EQ(missing.size(), 1u);
    fs::remove_all(dir);
}
