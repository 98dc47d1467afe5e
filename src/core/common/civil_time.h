// Calendar arithmetic on TimeMs for the parts of the core that think in local days and months
// (bills, deadlines, reports). Lifeline's local time is a fixed offset from UTC (China has no
// daylight saving); the offset is configurable and defaults to UTC+8.
#pragma once

#include <chrono>
#include <string>

#include "core/common/time.h"

namespace lifeline {

inline constexpr TimeMs kChinaUtcOffset = 8 * kHourMs;

struct LocalDate {
  int year = 1970;
  int month = 1;  // 1-12
  int day = 1;    // 1-31
};

inline LocalDate ToLocalDate(TimeMs at, TimeMs utc_offset = kChinaUtcOffset) {
  using namespace std::chrono;
  const auto days = floor<std::chrono::days>(sys_time<milliseconds>(milliseconds(at + utc_offset)));
  const year_month_day ymd{days};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

// Local midnight of `date`, plus `local_ms` into that day, as UTC TimeMs.
inline TimeMs FromLocalDate(LocalDate date, TimeMs local_ms = 0,
                            TimeMs utc_offset = kChinaUtcOffset) {
  using namespace std::chrono;
  const sys_days days{year{date.year} / month{static_cast<unsigned>(date.month)} /
                      day{static_cast<unsigned>(date.day)}};
  return duration_cast<milliseconds>(days.time_since_epoch()).count() + local_ms - utc_offset;
}

// Minutes since local midnight at `at`, 0–1439.
inline int LocalMinuteOfDay(TimeMs at, TimeMs utc_offset = kChinaUtcOffset) {
  const TimeMs local = at + utc_offset;
  const TimeMs into_day = ((local % kDayMs) + kDayMs) % kDayMs;  // also before 1970
  return static_cast<int>(into_day / kMinuteMs);
}

// The month `delta` months away from (year, month), delta may be negative.
inline LocalDate AddMonths(LocalDate date, int delta) {
  int index = date.year * 12 + (date.month - 1) + delta;
  return {index / 12, index % 12 + 1, 1};
}

// "2026-10"
inline std::string MonthCode(LocalDate date) {
  std::string out = std::to_string(date.year) + "-";
  if (date.month < 10) out += '0';
  out += std::to_string(date.month);
  return out;
}

}  // namespace lifeline
