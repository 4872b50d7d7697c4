#include <cstdio>

#include "core/diagnostic.hpp"
#include "data/programme.hpp"
#include "signing/sign_command.hpp"

#include "core/option_words.hpp"
#include "template/french_format.hpp"

namespace lettrine::signing {

namespace {

[[noreturn]] void usage_error(const std::string& message) {
    throw LettrineError(ErrorKind::Usage, SourcePosition{},
                        message + "\n(« lettrine signer --aide » affiche l’aide de la signature)");
}

}  // namespace

std::optional<std::time_t> parse_signing_date(const std::string& text) {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, used = 0;
    const char* s = text.c_str();
    if (std::sscanf(s, "%4d-%2d-%2d%n", &year, &month, &day, &used) != 3 || used != 10) return std::nullopt;
    if (text.size() > 10) {
        int more = 0;
        if (std::sscanf(s + 10, "T%2d:%2d%n", &hour, &minute, &more) != 2 || more != 6) return std::nullopt;
        std::size_t at = 16;
        if (text.size() > at && text[at] == ':') {
            if (std::sscanf(s + at, ":%2d%n", &second, &more) != 1 || more != 3) return std::nullopt;
            at += 3;
        }
        if (text.size() > at && text.substr(at) != "Z") return std::nullopt;
    }
    if (!is_valid_date(Date{year, month, day}) || hour > 23 || minute > 59 || second > 59) return std::nullopt;
    std::tm t{};
    t.tm_year = year - 1900;
    t.tm_mon = month - 1;
    t.tm_mday = day;
    t.tm_hour = hour;
    t.tm_min = minute;
    t.tm_sec = second;
    return timegm(&t);
}

SignOptions parse_sign_arguments(const std::vector<std::string>& args) {
    SignOptions o;
    OptionWords words(args, [](const std::string& message) { usage_error(message); });
    while (words.next()) {
        const std::string& option = words.option();
        auto take = [&] { return words.value(); };
        if (option == "--certificat") o.certificate = take();
        else if (option == "--mot-de-passe-fichier") o.password_file = take();
        else if (option == "--raison") o.reason = take();
        else if (option == "--lieu") o.location = take();
        else if (option == "--qualite" || option == "--qualité") o.role = take();
        else if (option == "--sortie") o.output = take();
        else if (option == "--champ") {
            o.field = take();
            if (o.field == "référent") o.field = "referent";
            if (o.field != "ecossolies" && o.field != "referent")
                usage_error("--champ attend « ecossolies » ou « referent », pas « " + o.field + " »");
        } else if (option == "--date") {
            const std::string text = take();
            o.when = parse_signing_date(text);
            if (!o.when)
                usage_error("--date attend une date réelle, « AAAA-MM-JJ » ou « AAAA-MM-JJTHH:MM:SSZ » (UTC), pas « " +
                            text + " »");
        } else if (option == "--aide" || option == "-h" || option == "--help") o.help = true;
        else if (option.rfind("--", 0) == 0) usage_error("option inconnue : " + option);
        else o.files.push_back(words.word());
    }
    if (o.help) return o;
    if (o.certificate.empty()) usage_error("--certificat FICHIER.p12 est obligatoire");
    if (o.files.empty()) usage_error("aucun PDF à signer : donnez les lettres après les options");
    return o;
}

std::string sign_help_text() {
    return "Usage : lettrine signer --certificat FICHIER.p12 [options] LETTRE.pdf…\n"
           "\n"
           "Signe chaque lettre de mission (signature PAdES B-B) dans le champ de signature\n"
           "que Lettrine y a placé, avec une apparence visible (nom, qualité, date).\n"
           "\n"
           "  --certificat FICHIER.p12      certificat et clé privée (PKCS#12)\n"
           "  --mot-de-passe-fichier F      fichier contenant le mot de passe du certificat\n"
           "  --raison \"…\"                  raison de la signature (défaut : Accord sur la lettre de mission)\n"
           "  --lieu VILLE                  lieu de la signature (défaut : Nantes)\n"
           "  --date AAAA-MM-JJTHH:MM:SSZ   date de signature (défaut : maintenant)\n"
           "  --champ ecossolies|referent   champ à signer (défaut : ecossolies)\n"
           "  --qualite \"…\"                 qualité affichée sous le nom (défaut : celle du certificat)\n"
           "  --sortie DOSSIER              écrit les lettres signées dans DOSSIER au lieu de les remplacer\n"
           "\n"
           "Voir docs/SIGNATURE.md.\n";
}

}  // namespace lettrine::signing
