#include "core/reports/report_period.h"

#include <charconv>
#include <chrono>

namespace lifeline {

namespace {

std::optional<int> Digits(std::string_view text) {
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<LocalDate> Valid(int year, int month, int day) {
  using namespace std::chrono;
  const year_month_day ymd{std::chrono::year{year},
                           std::chrono::month{static_cast<unsigned>(month)},
                           std::chrono::day{static_cast<unsigned>(day)}};
  if (!ymd.ok() || year < 1970 || year > 9999) return std::nullopt;
  return LocalDate{year, month, day};
}

TimeMs Midnight(LocalDate date, TimeMs utc_offset) {
  return FromLocalDate(date, 0, utc_offset);
}

}  // namespace

std::int64_t LocalDayNumber(TimeMs at, TimeMs utc_offset) {
  const TimeMs local = at + utc_offset;
  return local >= 0 ? local / kDayMs : (local - kDayMs + 1) / kDayMs;
}

std::int64_t DayNumberOf(LocalDate date) {
  return Midnight(date, 0) / kDayMs;
}

LocalDate DateOfDayNumber(std::int64_t day) {
  return ToLocalDate(day * kDayMs, 0);
}

LocalDate WeekStart(LocalDate date) {
  const std::int64_t day = DayNumberOf(date);
  // 1970-01-01 was a Thursday: (day + 3) % 7 is 0 on Mondays.
  return DateOfDayNumber(day - (day + 3) % 7);
}

std::string DayCode(LocalDate date) {
  std::string out = MonthCode(date) + "-";
  if (date.day < 10) out += '0';
  out += std::to_string(date.day);
  return out;
}

std::optional<LocalDate> ParseDateCode(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto year = Digits(text.substr(0, 4));
  auto month = Digits(text.substr(5, 2));
  auto day = Digits(text.substr(8, 2));
  if (!year || !month || !day) return std::nullopt;
  return Valid(*year, *month, *day);
}

std::optional<LocalDate> ParseMonthCode(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  auto year = Digits(text.substr(0, 4));
  auto month = Digits(text.substr(5, 2));
  if (!year || !month) return std::nullopt;
  return Valid(*year, *month, 1);
}

Result<ReportRange> ResolvePeriod(ReportPeriod period, LocalDate anchor,
                                  std::optional<LocalDate> last, TimeMs utc_offset) {
  if (period != ReportPeriod::kCustom && last) {
    return Fail(Error::Invalid("to", "to is only for period=custom"));
  }
  LocalDate first = anchor;
  LocalDate end = anchor;  // the day after the period, local
  switch (period) {
    case ReportPeriod::kDay:
      end = DateOfDayNumber(DayNumberOf(anchor) + 1);
      break;
    case ReportPeriod::kWeek:
      first = WeekStart(anchor);
      end = DateOfDayNumber(DayNumberOf(first) + 7);
      break;
    case ReportPeriod::kMonth:
      first = {anchor.year, anchor.month, 1};
      end = AddMonths(first, 1);
      break;
    case ReportPeriod::kYear:
      first = {anchor.year, 1, 1};
      end = {anchor.year + 1, 1, 1};
      break;
    case ReportPeriod::kCustom: {
      if (!last) return Fail(Error::Invalid("to", "period=custom needs to (the last day)"));
      const std::int64_t days = DayNumberOf(*last) - DayNumberOf(anchor) + 1;
      if (days < 1) return Fail(Error::Invalid("to", "to is before from"));
      if (days > kMaxReportDays) {
        return Fail(Error::Invalid(
            "to", "a custom period is at most " + std::to_string(kMaxReportDays) + " days"));
      }
      end = DateOfDayNumber(DayNumberOf(*last) + 1);
      break;
    }
  }
  return ReportRange{Midnight(first, utc_offset), Midnight(end, utc_offset)};
}

}  // namespace lifeline
