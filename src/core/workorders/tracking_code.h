// Tracking codes (查询码): what a customer types or reads out to follow an order without
// logging in. 12 characters of Crockford base32 — no I, L, O or U, so nothing is misread —
// from the secure random source: 60 bits, far beyond guessing.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/ports/secure_random.h"

namespace lifeline {

inline constexpr std::size_t kTrackingCodeLength = 12;

std::string NewTrackingCode(SecureRandom& random);

// "abcd-efgh-jkmn" → "ABCDEFGHJKMN": upper case, dashes and spaces dropped, the usual
// misreadings mapped (O→0, I/L→1). nullopt when it cannot be a code.
std::optional<std::string> NormalizeTrackingCode(std::string_view text);

// "ABCDEFGHJKMN" → "ABCD-EFGH-JKMN", for people.
std::string FormatTrackingCode(std::string_view code);

}  // namespace lifeline
