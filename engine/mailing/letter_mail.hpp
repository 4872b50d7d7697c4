#pragma once
// The e-mail that carries a sector's lettre de mission to its référent:
// who writes to whom, the French wording, the dates and identifiers. Pure
// functions of the programme and the letter's bytes.
#include <string>

#include "core/digest.hpp"
#include "data/programme.hpp"
#include "mail/mime.hpp"

namespace lettrine {

// "lettre-de-mission-2016-habitat.pdf", what `lettrine lettres` writes.
std::string letter_file_name(const Programme& programme, const Sector& sector);
// "courriel-2016-habitat.eml"
std::string draft_file_name(const Programme& programme, const Sector& sector);

// « Lettre de mission 2016 pour le secteur « Habitat » » (French spacing).
std::string letter_mail_subject(const Programme& programme, const Sector& sector);
// « Madame, Monsieur, » … the organisation's signature.
std::string letter_mail_body(const Programme& programme, const Sector& sector);


// The draft: from the organisation to the sector's contact, the letter
// attached, dated the letter's date at 9:00 Paris time, its Message-ID made
// of the year, the sector and the letter's SHA-256 (same inputs, same bytes).
mail::Message letter_message(const Programme& programme, const Sector& sector, const std::string& letter_pdf);

// The letter's date at 9:00 in Paris (UTC+1, UTC+2 in summer time).
mail::MailTime letter_mail_time(const Date& date);

}  // namespace lettrine
