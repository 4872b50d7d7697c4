#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/rbnf.h>

#include "core/diagnostic.hpp"
#include "template/french_format.hpp"

using namespace lettrine;

namespace {
const std::string kFine = "\u202F";  // thousands
const std::string kNbsp = "\u00A0";  // before a unit
Money euros(long long e, int cents = 0) { return Money{e * 100 + cents}; }
}  // namespace

TEST(FrenchFormat, Amounts) {
    EXPECT_EQ(format_amount(euros(15000)), "15" + kFine + "000" + kNbsp + "€");
    EXPECT_EQ(format_amount(euros(15000, 50)), "15" + kFine + "000,50" + kNbsp + "€");
    EXPECT_EQ(format_amount(euros(0)), "0" + kNbsp + "€");
    EXPECT_EQ(format_amount(Money{5}), "0,05" + kNbsp + "€");
    EXPECT_EQ(format_amount(euros(999)), "999" + kNbsp + "€");
    EXPECT_EQ(format_amount(euros(1000)), "1" + kFine + "000" + kNbsp + "€");
    EXPECT_EQ(format_amount(euros(1000000)), "1" + kFine + "000" + kFine + "000" + kNbsp + "€");
    EXPECT_EQ(format_amount(Money{-125050}), "\u22121" + kFine + "250,50" + kNbsp + "€");
}

TEST(FrenchFormat, Numbers) {
    EXPECT_EQ(format_number(1234.5), "1" + kFine + "234,5");
    EXPECT_EQ(format_number(1234), "1" + kFine + "234");
    EXPECT_EQ(format_number(0.1), "0,1");
    EXPECT_EQ(format_number(-0.0), "0");
    EXPECT_EQ(format_number(-1234567.25), "\u22121" + kFine + "234" + kFine + "567,25");
    EXPECT_EQ(format_number(999), "999");
    EXPECT_EQ(format_number(std::numeric_limits<long long>::min()),
              "\u22129" + kFine + "223" + kFine + "372" + kFine + "036" + kFine + "854" + kFine + "775" + kFine + "808");
    EXPECT_THROW(format_number(std::nan("")), LettrineError);
}

TEST(FrenchFormat, DaysAndOrdinals) {
    EXPECT_EQ(format_days(30), "30" + kNbsp + "jours");
    EXPECT_EQ(format_days(1), "1" + kNbsp + "jour");
    EXPECT_EQ(format_days(0), "0" + kNbsp + "jour");
    EXPECT_EQ(format_days(2), "2" + kNbsp + "jours");
    EXPECT_EQ(format_days(1500), "1" + kFine + "500" + kNbsp + "jours");
    EXPECT_EQ(format_ordinal(1), "1er");
    EXPECT_EQ(format_ordinal(1, Gender::Feminine), "1re");
    EXPECT_EQ(format_ordinal(2), "2e");
    EXPECT_EQ(format_ordinal(2, Gender::Feminine), "2e");
    EXPECT_EQ(format_ordinal(21), "21e");
}

TEST(FrenchFormat, Dates) {
    EXPECT_EQ(format_date_long({2015, 12, 1}), "1er" + kNbsp + "décembre 2015");
    EXPECT_EQ(format_date_long({2015, 12, 15}), "15" + kNbsp + "décembre 2015");
    EXPECT_EQ(format_date_long({2016, 8, 2}), "2" + kNbsp + "août 2016");
    EXPECT_EQ(format_date_with_weekday({2016, 6, 1}), "mercredi 1er" + kNbsp + "juin 2016");
    EXPECT_EQ(format_date_with_weekday({2015, 12, 1}), "mardi 1er" + kNbsp + "décembre 2015");
    EXPECT_EQ(format_date_with_weekday({2000, 2, 29}), "mardi 29" + kNbsp + "février 2000");
    EXPECT_EQ(format_date_with_weekday({2024, 1, 7}), "dimanche 7" + kNbsp + "janvier 2024");
    EXPECT_EQ(format_date_short({2015, 12, 1}), "01/12/2015");
    EXPECT_EQ(format_date_iso({2015, 12, 1}), "2015-12-01");
    EXPECT_FALSE(is_valid_date({2015, 2, 29}));
    EXPECT_TRUE(is_valid_date({2016, 2, 29}));
    EXPECT_FALSE(is_valid_date({1900, 2, 29}));
    EXPECT_FALSE(is_valid_date({2015, 4, 31}));
    try {
        format_date_long({2015, 2, 30});
        FAIL() << "expected an error";
    } catch (const LettrineError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Data);
        EXPECT_STREQ(e.what(), "« 2015-02-30 » n’est pas une date valide");
    }
}

TEST(FrenchFormat, WeekdaysAgreeWithIcuOverFourHundredYears) {
    // An external oracle: ICU's Gregorian calendar (day of week 1 = Sunday).
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Calendar> calendar(icu::Calendar::createInstance(icu::Locale("fr_FR"), status));
    ASSERT_TRUE(U_SUCCESS(status));
    for (int year = 1900; year < 2300; year += 7)
        for (int month = 1; month <= 12; ++month)
            for (int day : {1, 13, 28}) {
                calendar->clear();
                calendar->set(year, month - 1, day);
                const int icu_day = calendar->get(UCAL_DAY_OF_WEEK, status);
                EXPECT_EQ(day_of_week({year, month, day}), (icu_day + 5) % 7) << year << "-" << month << "-" << day;
            }
}

TEST(FrenchFormat, NumbersInWordsTable) {
    const std::pair<long long, const char*> cases[] = {
        {0, "zéro"},
        {1, "un"},
        {16, "seize"},
        {17, "dix-sept"},
        {21, "vingt et un"},
        {22, "vingt-deux"},
        {61, "soixante et un"},
        {70, "soixante-dix"},
        {71, "soixante et onze"},
        {77, "soixante-dix-sept"},
        {80, "quatre-vingts"},
        {81, "quatre-vingt-un"},
        {90, "quatre-vingt-dix"},
        {91, "quatre-vingt-onze"},
        {99, "quatre-vingt-dix-neuf"},
        {100, "cent"},
        {101, "cent un"},
        {180, "cent quatre-vingts"},
        {200, "deux cents"},
        {201, "deux cent un"},
        {1000, "mille"},
        {1001, "mille un"},
        {1250, "mille deux cent cinquante"},
        {2000, "deux mille"},
        {15000, "quinze mille"},
        {21000, "vingt et un mille"},
        {80000, "quatre-vingt mille"},
        {200000, "deux cent mille"},
        {1000000, "un million"},
        {2000000, "deux millions"},
        {80000000, "quatre-vingts millions"},
        {200000000, "deux cents millions"},
        {1200000, "un million deux cent mille"},
        {1000000000, "un milliard"},
        {3000000001LL, "trois milliards un"},
        {1000000000000LL, "mille milliards"},
        {-3, "moins trois"},
    };
    for (const auto& [n, words] : cases) EXPECT_EQ(number_in_words(n), words) << n;
}

TEST(FrenchFormat, RectifiedSpellingHyphensEveryNumeral) {
    EXPECT_EQ(number_in_words(21, NumberSpelling::Rectified1990), "vingt-et-un");
    EXPECT_EQ(number_in_words(15000, NumberSpelling::Rectified1990), "quinze-mille");
    EXPECT_EQ(number_in_words(1250, NumberSpelling::Rectified1990), "mille-deux-cent-cinquante");
    EXPECT_EQ(number_in_words(2000300, NumberSpelling::Rectified1990), "deux millions trois-cents");
}

TEST(FrenchFormat, NumbersInWordsAgreeWithIcuBelowOneMillion) {
    // ICU's French spell-out (CLDR) writes "vingt-et-un" where the traditional
    // spelling has "vingt et un"; otherwise both agree below one million.
    UErrorCode status = U_ZERO_ERROR;
    icu::RuleBasedNumberFormat spellout(icu::URBNF_SPELLOUT, icu::Locale("fr"), status);
    ASSERT_TRUE(U_SUCCESS(status));
    for (long long n = 0; n < 1000000; n += (n < 2000 ? 1 : 997)) {
        icu::UnicodeString text;
        spellout.format(static_cast<int64_t>(n), text);
        std::string expected;
        text.toUTF8String(expected);
        for (std::size_t at; (at = expected.find("-et-")) != std::string::npos;) expected.replace(at, 4, " et ");
        ASSERT_EQ(number_in_words(n), expected) << n;
    }
}

TEST(FrenchFormat, AmountsInWords) {
    EXPECT_EQ(amount_in_words(euros(15000)), "quinze mille euros");
    EXPECT_EQ(amount_in_words(euros(10000)), "dix mille euros");
    EXPECT_EQ(amount_in_words(euros(1250, 50)), "mille deux cent cinquante euros et cinquante centimes");
    EXPECT_EQ(amount_in_words(euros(1)), "un euro");
    EXPECT_EQ(amount_in_words(euros(0)), "zéro euro");
    EXPECT_EQ(amount_in_words(Money{1}), "un centime");
    EXPECT_EQ(amount_in_words(Money{50}), "cinquante centimes");
    EXPECT_EQ(amount_in_words(euros(1, 1)), "un euro et un centime");
    EXPECT_EQ(amount_in_words(euros(80)), "quatre-vingts euros");
    EXPECT_EQ(amount_in_words(euros(1000000)), "un million d’euros");
    EXPECT_EQ(amount_in_words(euros(3000000)), "trois millions d’euros");
    EXPECT_EQ(amount_in_words(euros(1000200)), "un million deux cents euros");
    EXPECT_EQ(amount_in_words(euros(-5)), "moins cinq euros");
}

TEST(FrenchFormat, DecimalsKeepTheirDigits) {
    EXPECT_EQ(format_decimal(*parse_decimal("0012345,50")), "12" + kFine + "345,50");
    EXPECT_FALSE(parse_decimal("quinze"));
}
