#include "core/option_words.hpp"

namespace lettrine {

bool OptionWords::next() {
    if (started_) ++index_;
    started_ = true;
    if (index_ >= words_.size()) return false;
    option_ = words_[index_];
    has_inline_value_ = false;
    if (const auto equals = option_.find('='); option_.rfind("--", 0) == 0 && equals != std::string::npos) {
        inline_value_ = option_.substr(equals + 1);
        option_ = option_.substr(0, equals);
        has_inline_value_ = true;
    }
    return true;
}

std::string OptionWords::value() {
    if (has_inline_value_) return inline_value_;
    if (index_ + 1 >= words_.size()) {
        usage_error_("l’option " + option_ + " attend une valeur");
        return {};
    }
    return words_[++index_];
}

}  // namespace lettrine
