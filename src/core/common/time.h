// Time in Lifeline is UTC milliseconds since the Unix epoch, everywhere below the UI.
#pragma once

#include <cstdint>

namespace lifeline {

using TimeMs = std::int64_t;

inline constexpr TimeMs kSecondMs = 1000;
inline constexpr TimeMs kMinuteMs = 60 * kSecondMs;
inline constexpr TimeMs kHourMs = 60 * kMinuteMs;
inline constexpr TimeMs kDayMs = 24 * kHourMs;

}  // namespace lifeline
