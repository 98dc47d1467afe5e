// The business calendar deadlines count in: working hours on working days, with holidays and
// make-up working days (调休). Clock-time deadlines ignore it. Design: docs/design/work-orders.md
// ("Deadlines").
#pragma once

#include <cstdint>
#include <vector>

#include "core/common/civil_time.h"
#include "core/common/error.h"
#include "core/common/time.h"

namespace lifeline {

// A date as yyyymmdd (20261001), the form holidays are entered and stored in.
using DateCode = std::int32_t;
DateCode ToDateCode(LocalDate date);
bool IsValidDateCode(DateCode code);

struct BusinessCalendar {
  int open_minute = 8 * 60 + 30;  // local minutes from midnight: 08:30
  int close_minute = 17 * 60 + 30;
  // Bit d set: weekday d is a working day (0 = Sunday … 6 = Saturday). Monday to Friday.
  int weekdays = 0b0111110;
  std::vector<DateCode> holidays;        // not working days, whatever the weekday
  std::vector<DateCode> extra_workdays;  // 调休: working days, whatever the weekday
  TimeMs utc_offset = kChinaUtcOffset;

  bool IsWorkday(LocalDate date) const;
};

Status ValidateCalendar(const BusinessCalendar& calendar);

// A rule a deadline counts by: business time (the calendar's working hours) or clock time.
struct CountingRule {
  const BusinessCalendar* calendar = nullptr;  // null: clock time, 24×7
};

// The instant `duration` of counted time after `start`.
TimeMs AddCounted(TimeMs start, TimeMs duration, CountingRule rule);
// Counted time between `from` and `to` (0 when to <= from).
TimeMs CountedBetween(TimeMs from, TimeMs to, CountingRule rule);

}  // namespace lifeline
