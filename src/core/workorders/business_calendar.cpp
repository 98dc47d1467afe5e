#include "core/workorders/business_calendar.h"

#include <algorithm>
#include <chrono>

namespace lifeline {

namespace {

// Never loop forever on a calendar with no working time: ten years of days is plenty.
constexpr int kMaxDaysScanned = 3700;

int Weekday(LocalDate date) {
  using namespace std::chrono;
  const sys_days days{year{date.year} / month{static_cast<unsigned>(date.month)} /
                      day{static_cast<unsigned>(date.day)}};
  return static_cast<int>(weekday{days}.c_encoding());
}

bool Contains(const std::vector<DateCode>& dates, DateCode date) {
  return std::ranges::find(dates, date) != dates.end();
}

LocalDate NextDay(LocalDate date, TimeMs utc_offset) {
  return ToLocalDate(FromLocalDate(date, 0, utc_offset) + kDayMs + kHourMs, utc_offset);
}

// The working window of `date` as UTC instants, or an empty window on a day off.
struct Window {
  TimeMs begin = 0;
  TimeMs end = 0;
};

Window WindowOf(const BusinessCalendar& calendar, LocalDate date) {
  if (!calendar.IsWorkday(date)) return {};
  return {FromLocalDate(date, calendar.open_minute * kMinuteMs, calendar.utc_offset),
          FromLocalDate(date, calendar.close_minute * kMinuteMs, calendar.utc_offset)};
}

}  // namespace

DateCode ToDateCode(LocalDate date) {
  return date.year * 10000 + date.month * 100 + date.day;
}

bool IsValidDateCode(DateCode code) {
  using namespace std::chrono;
  const year_month_day ymd{year{code / 10000}, month{static_cast<unsigned>(code / 100 % 100)},
                           day{static_cast<unsigned>(code % 100)}};
  return code >= 19700101 && code <= 21001231 && ymd.ok();
}

bool BusinessCalendar::IsWorkday(LocalDate date) const {
  const DateCode code = ToDateCode(date);
  if (Contains(extra_workdays, code)) return true;
  if (Contains(holidays, code)) return false;
  return (weekdays >> Weekday(date) & 1) != 0;
}

Status ValidateCalendar(const BusinessCalendar& calendar) {
  if (calendar.open_minute < 0 || calendar.close_minute > 24 * 60 ||
      calendar.open_minute >= calendar.close_minute) {
    return Fail(Error::Invalid("calendar.open_minute",
                               "working hours must open before they close, within one day"));
  }
  if (calendar.weekdays <= 0 || calendar.weekdays > 0b1111111) {
    return Fail(Error::Invalid("calendar.weekdays", "name at least one working weekday"));
  }
  for (DateCode date : calendar.holidays) {
    if (!IsValidDateCode(date)) {
      return Fail(Error::Invalid("calendar.holidays", "not a date: " + std::to_string(date)));
    }
  }
  for (DateCode date : calendar.extra_workdays) {
    if (!IsValidDateCode(date)) {
      return Fail(Error::Invalid("calendar.extra_workdays", "not a date: " + std::to_string(date)));
    }
  }
  return Ok();
}

TimeMs AddCounted(TimeMs start, TimeMs duration, CountingRule rule) {
  if (rule.calendar == nullptr || duration <= 0) return start + std::max<TimeMs>(duration, 0);
  const BusinessCalendar& calendar = *rule.calendar;
  LocalDate date = ToLocalDate(start, calendar.utc_offset);
  TimeMs remaining = duration;
  for (int i = 0; i < kMaxDaysScanned; ++i, date = NextDay(date, calendar.utc_offset)) {
    const Window window = WindowOf(calendar, date);
    const TimeMs from = std::max(start, window.begin);
    if (from >= window.end) continue;
    if (from + remaining <= window.end) return from + remaining;
    remaining -= window.end - from;
  }
  return start + duration;  // a calendar without working time: fall back to clock time
}

TimeMs CountedBetween(TimeMs from, TimeMs to, CountingRule rule) {
  if (to <= from) return 0;
  if (rule.calendar == nullptr) return to - from;
  const BusinessCalendar& calendar = *rule.calendar;
  TimeMs counted = 0;
  LocalDate date = ToLocalDate(from, calendar.utc_offset);
  for (int i = 0; i < kMaxDaysScanned; ++i, date = NextDay(date, calendar.utc_offset)) {
    const Window window = WindowOf(calendar, date);
    if (FromLocalDate(date, 0, calendar.utc_offset) >= to) break;
    const TimeMs begin = std::max(from, window.begin);
    const TimeMs end = std::min(to, window.end);
    if (end > begin) counted += end - begin;
  }
  return counted;
}

}  // namespace lifeline
