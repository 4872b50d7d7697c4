#include "data/volume_text.hpp"

#include <cstdlib>

namespace lettrine {

namespace {

std::string day_count(int days) {
    // French: singular below two (« 1 jour », « 0 jour »).
    return std::to_string(days) + kNoBreakSpace + (days >= 2 || days <= -2 ? "jours" : "jour");
}

}  // namespace

std::string format_euros(Money amount) {
    const bool negative = amount.cents < 0;
    // Work on the magnitude as unsigned so INT64_MIN does not overflow.
    const uint64_t magnitude = negative ? uint64_t(0) - static_cast<uint64_t>(amount.cents)
                                        : static_cast<uint64_t>(amount.cents);
    // No-break spaces between groups: every spreadsheet font has U+00A0.
    std::string text = signed_grouped_digits(negative, std::to_string(magnitude / 100), kMinusSign, kNoBreakSpace);
    if (const uint64_t cents = magnitude % 100; cents != 0) {
        text += ',';
        if (cents < 10) text += '0';
        text += std::to_string(cents);
    }
    return text + kNoBreakSpace + "€";  // €
}

std::string format_day_range(std::optional<int> days_min, std::optional<int> days_max) {
    if (days_min && days_max && *days_min != *days_max)
        return std::to_string(*days_min) + kNoBreakSpace + "à" + kNoBreakSpace + day_count(*days_max);
    if (days_max) return day_count(*days_max);
    if (days_min) return day_count(*days_min);
    return {};
}

std::string describe_annual_volume(const Sector& sector, const Programme& programme) {
    if (sector.contracting == Contracting::NantesMetropole)
        return programme.public_partner.empty() ? "Conventionnement direct"
                                                : "Conventionné directement par " + programme.public_partner;
    const std::string days = format_day_range(sector.days_min, sector.days_max);
    if (!sector.budget) return days;
    const std::string amount = format_euros(*sector.budget);
    return days.empty() ? amount : amount + " (" + days + ")";
}

}  // namespace lettrine
