#pragma once
// The June general assembly (assemblée générale, AG), validated: the day's
// timetable, one workshop per sector of the programme and the registrants.
// Read from its own workbook (input/ag-2016.xlsx) or its XML twin
// (input/ag-2016.xml); both give the same GeneralAssembly (docs/AG.md).
// Every record keeps the position it was read from.
#include <optional>
#include <string>
#include <vector>

#include "core/position.hpp"
#include "data/programme.hpp"

namespace lettrine {

// A time of day, in minutes after midnight (0..1439).
struct TimeOfDay {
    int minutes = 0;
    bool operator==(const TimeOfDay& o) const { return minutes == o.minutes; }
    bool operator<(const TimeOfDay& o) const { return minutes < o.minutes; }
};

// One slot of the day's timetable: « 9 h 30 – 12 h : assemblée générale statutaire ».
struct TimetableSlot {
    TimeOfDay start;
    std::optional<TimeOfDay> end;
    std::string title;
    SourcePosition position;
};

// One item of a workshop's agenda; the time is optional.
struct AgendaItem {
    std::optional<TimeOfDay> time;
    std::string text;
    SourcePosition position;
};

struct Question {
    std::string text;
    SourcePosition position;
};

// The workshop of one sector.
struct Workshop {
    std::string sector_id;     // a sector of the programme ("habitat")
    std::string title;         // « Habiter autrement : où en sont les projets ? »; may be empty
    std::string room;          // « Salle 2 (mezzanine) »
    TimeOfDay start, end;
    // Who facilitates: given explicitly, or (when empty) the sector's
    // référent (its contact person and structure) — see facilitator_of().
    Person facilitator;
    std::string facilitator_organisation;
    std::string objective;     // one sentence; may be empty
    std::vector<AgendaItem> agenda;
    std::vector<Question> questions;
    SourcePosition position;
};

struct Registrant {
    std::string last_name;     // nom, as written (« de La Fontaine »)
    std::string first_name;    // prénom
    std::string organisation;  // may be empty (a private person)
    std::string email;         // may be empty
    std::string workshop;      // the sector identifier of the workshop
    SourcePosition position;
};

// How many rows the attendance sheet (feuille d'émargement) prints: at least
// `total` rows, and always `minimum_blank` empty rows after the registrants
// for people who come without registering.
struct AttendanceRows {
    int total = 20;
    int minimum_blank = 5;
    // Rows for `registrants` people: max(total, registrants + minimum_blank).
    int rows_for(int registrants) const {
        return registrants + minimum_blank > total ? registrants + minimum_blank : total;
    }
};

struct GeneralAssembly {
    int year = 0;                 // of the date
    Date date;                    // 2016-06-16
    std::string place;            // « Le Solilab, halle »
    std::string address;          // several lines separated by '\n'
    std::vector<TimetableSlot> timetable;  // in the file's order
    std::vector<Workshop> workshops;       // in the file's order
    std::vector<Registrant> registrants;   // in the file's order (sorted for print by the view)
    AttendanceRows attendance;

    std::string source_file;      // for messages

    const Workshop* find_workshop(const std::string& sector_id) const;
    std::vector<const Registrant*> registrants_of(const std::string& sector_id) const;
};

// The facilitator printed for a workshop: the one given, else the sector's
// contact person at its structure référente.
struct Facilitator {
    Person person;
    std::string organisation;
};
Facilitator facilitator_of(const Workshop& workshop, const Sector& sector);

// « 9 h », « 14 h 30 » (U+00A0 around « h », the Imprimerie nationale's usage).
std::string format_time(TimeOfDay time);
// « 14 h – 16 h 30 » (en dash between no-break spaces).
std::string format_time_range(TimeOfDay start, std::optional<TimeOfDay> end);

}  // namespace lettrine
