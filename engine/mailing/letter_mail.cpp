#include "mailing/letter_mail.hpp"

#include <openssl/evp.h>
#include <unicode/uchar.h>

#include <sstream>

#include "core/text.hpp"
#include "data/calendar.hpp"
#include "markup/french_punctuation.hpp"
#include "core/french_grammar.hpp"

namespace lettrine {

namespace {

// French typography in plain text: no-break spaces where the letters' markup
// would put them (docs/TYPOGRAPHIE.md).
const std::string kNbsp = "\u00A0";        // before ':' and inside numbers
const std::string kThinNbsp = "\u202F";    // inside « » and before ; ! ?
std::string guillemets(const std::string& text) { return "«" + kThinNbsp + text + kThinNbsp + "»"; }

// Sunday = 0.
int day_of_week(const Date& date) {
    const long days = days_since_epoch(date);
    return static_cast<int>(((days % 7) + 7 + 4) % 7);  // 1970-01-01 was a Thursday
}

int last_sunday(int year, int month) { return 31 - day_of_week(Date{year, month, 31}); }

// European summer time: from the last Sunday of March to the last Sunday of
// October (at 9:00 on either Sunday the change has been made).
bool is_summer_time(const Date& d) {
    if (d.month > 3 && d.month < 10) return true;
    if (d.month == 3) return d.day >= last_sunday(d.year, 3);
    if (d.month == 10) return d.day < last_sunday(d.year, 10);
    return false;
}

// "Le soutien aux projets émergents" -> "le soutien aux projets émergents":
// list items after a colon begin in lower case.
std::string lower_first(const std::string& text) {
    std::u32string chars = utf8_to_u32(text);
    if (!chars.empty()) chars[0] = static_cast<char32_t>(u_tolower(static_cast<UChar32>(chars[0])));
    return u32_to_utf8(chars);
}

std::string no_break_spaces(std::string text) {
    for (std::size_t i = text.find(' '); i != std::string::npos; i = text.find(' ', i + kNbsp.size()))
        text.replace(i, 1, kNbsp);
    return text;
}

std::string domain_of(const std::string& email) {
    const std::size_t at = email.rfind('@');
    return at == std::string::npos ? "lettrine.invalid" : email.substr(at + 1);
}

void write_contact(std::ostringstream& out, const Programme& p) {
    const std::string who = p.contact.empty() ? p.organisation : p.contact;
    out << "Pour toute question, vous pouvez contacter " << who;
    if (!p.phone.empty() && !p.email.empty())
        out << " au " << no_break_spaces(p.phone) << " ou à l’adresse " << p.email;
    else if (!p.phone.empty())
        out << " au " << no_break_spaces(p.phone);
    else if (!p.email.empty())
        out << " à l’adresse " << p.email;
    out << ".\n\n";
}

void write_signature(std::ostringstream& out, const Programme& p) {
    if (!p.signatory.name.empty()) out << p.signatory.name << "\n";
    if (!p.signatory.role.empty()) out << p.signatory.role << "\n";
    out << p.organisation << "\n";
    if (!p.address.empty()) out << p.address << "\n";
}

// The letters' typography on data and wording alike (’, no-break spaces),
// line by line; e-mail addresses are left as they are.
std::string typeset(const std::string& text) {
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        out += french_typography(text.substr(start, end - start));
        if (end < text.size()) out += '\n';
        start = end + 1;
    }
    return out;
}

}  // namespace

std::string letter_file_name(const Programme& programme, const Sector& sector) {
    return "lettre-de-mission-" + std::to_string(programme.year) + "-" + slugify(sector.id) + ".pdf";
}

std::string draft_file_name(const Programme& programme, const Sector& sector) {
    return "courriel-" + std::to_string(programme.year) + "-" + slugify(sector.id) + ".eml";
}

std::string letter_mail_subject(const Programme& programme, const Sector& sector) {
    return typeset("Lettre de mission " + std::to_string(programme.year) + " pour le secteur " + guillemets(sector.name));
}

std::string letter_mail_body(const Programme& p, const Sector& s) {
    std::ostringstream out;
    out << "Madame, Monsieur,\n\n";
    out << "Veuillez trouver ci-joint la lettre de mission qui confie " << with_a(s.referent)
        << " la mission de structure référente du secteur " << guillemets(s.name) << " pour l’année " << p.year
        << " (fichier " << letter_file_name(p, s) << ").\n\n";
    if (!p.missions.empty()) {
        out << "Elle précise les " << (p.missions.size() == 3 ? "trois" : std::to_string(p.missions.size()))
            << " missions confiées, leurs objectifs pour le secteur, leur volume et leur montant" << kNbsp << ":\n";
        for (std::size_t i = 0; i < p.missions.size(); ++i)
            out << "– " << lower_first(p.missions[i].title) << (i + 1 < p.missions.size() ? kThinNbsp + ";" : ".")
                << "\n";
        out << "\n";
    }
    out << "La lettre est établie en deux exemplaires originaux" << kNbsp
        << ": nous vous remercions de nous en retourner un exemplaire signé.\n\n";
    write_contact(out, p);
    out << "Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.\n\n";
    write_signature(out, p);
    return typeset(out.str());
}


mail::MailTime letter_mail_time(const Date& date) {
    mail::MailTime t;
    t.year = date.year;
    t.month = date.month;
    t.day = date.day;
    t.hour = 9;
    t.utc_offset_minutes = is_summer_time(date) ? 120 : 60;
    return t;
}

mail::Message letter_message(const Programme& programme, const Sector& sector, const std::string& letter_pdf) {
    mail::Message m;
    m.from = {programme.organisation, programme.email};
    m.to = {{sector.contact.name.empty() ? sector.referent : sector.contact.name, sector.email}};
    m.subject = letter_mail_subject(programme, sector);
    m.body = letter_mail_body(programme, sector);
    m.language = "fr";
    m.attachments.push_back({letter_file_name(programme, sector), "application/pdf", letter_pdf});
    m.date = letter_mail_time(programme.letter_date);
    m.message_id = "lettre-" + std::to_string(programme.year) + "-" + slugify(sector.id) + "." +
                   sha256_hex(letter_pdf).substr(0, 12) + "@" + domain_of(programme.email);
    m.draft = true;
    return m;
}

}  // namespace lettrine
