#pragma once

#include <string>
#include <string_view>

namespace chorus {

// Opt-in privacy applied while importing.
class Privacy {
public:
    // A stable pseudonym for a user id: HMAC-SHA256 keyed by the project's secret, so the same
    // user gets the same pseudonym in every import of this project and none elsewhere.
    static std::string pseudonym(std::string_view secret, std::string_view userId);
    // Replaces e-mail addresses with "<email>" and phone numbers with "<phone>". Leaves URLs,
    // dates, prices, and short numbers alone.
    static std::string maskContacts(std::string_view text);
};

} // namespace chorus
