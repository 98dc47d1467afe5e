// The period a report covers, calendar-aligned in local time (Asia/Shanghai, UTC+8, by
// default): a day, the week from Monday, the month, the year, or custom dates from–to
// inclusive. Also the local-day arithmetic that trend buckets are made of.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/common/civil_time.h"
#include "core/common/error.h"
#include "core/reports/report_types.h"

namespace lifeline {

// [from, to) in UTC milliseconds.
struct ReportRange {
  TimeMs from = 0;
  TimeMs to = 0;
};

// The longest custom period, in days: three years.
inline constexpr int kMaxReportDays = 1100;

// `anchor` is a date inside the period (the first day for custom); `last` the last day of a
// custom period, which needs one and is refused for the others (400 naming `to`).
Result<ReportRange> ResolvePeriod(ReportPeriod period, LocalDate anchor,
                                  std::optional<LocalDate> last, TimeMs utc_offset);

// Local days since 1970-01-01 (local), and back.
std::int64_t LocalDayNumber(TimeMs at, TimeMs utc_offset);
std::int64_t DayNumberOf(LocalDate date);
LocalDate DateOfDayNumber(std::int64_t day);
LocalDate WeekStart(LocalDate date);  // the Monday on or before

// "2026-11-16"; "2026-11" (MonthCode in civil_time.h).
std::string DayCode(LocalDate date);
// Strict "YYYY-MM-DD" and "YYYY-MM" (then day 1); none when malformed or not a real date.
std::optional<LocalDate> ParseDateCode(std::string_view text);
std::optional<LocalDate> ParseMonthCode(std::string_view text);

}  // namespace lifeline
