#include "core/appointments/slot_plan.h"

#include <algorithm>
#include <string>

namespace lifeline {

namespace {

Error WindowError(std::size_t index, std::string_view field, std::string message) {
  return Error::Invalid("windows[" + std::to_string(index) + "]." + std::string(field),
                        std::move(message));
}

}  // namespace

std::vector<DailyWindow> StandardWindows(int capacity) {
  return {{9 * 60, 11 * 60, capacity},
          {11 * 60, 13 * 60, capacity},
          {14 * 60, 16 * 60, capacity},
          {16 * 60, 18 * 60, capacity}};
}

LocalDate FromDateCode(DateCode code) {
  return {code / 10000, code / 100 % 100, code % 100};
}

Status ValidateSlotPlan(const SlotPlan& plan) {
  if (plan.team_id <= 0) return Fail(Error::Invalid("team_id", "team_id is required"));
  if (plan.district_id <= 0) return Fail(Error::Invalid("district_id", "district_id is required"));
  if (!IsValidDateCode(plan.from)) return Fail(Error::Invalid("from", "from must be yyyymmdd"));
  if (!IsValidDateCode(plan.to)) return Fail(Error::Invalid("to", "to must be yyyymmdd"));
  const TimeMs first = FromLocalDate(FromDateCode(plan.from));
  const TimeMs last = FromLocalDate(FromDateCode(plan.to));
  if (last < first) return Fail(Error::Invalid("to", "to is before from"));
  if ((last - first) / kDayMs + 1 > kMaxPlanDays) {
    return Fail(Error::Invalid("to", "at most " + std::to_string(kMaxPlanDays) + " days at once"));
  }
  if (plan.windows.empty()) return Fail(Error::Invalid("windows", "give at least one window"));
  if (plan.windows.size() > kMaxWindowsPerDay) {
    return Fail(Error::Invalid("windows", "at most " + std::to_string(kMaxWindowsPerDay)));
  }
  std::vector<DailyWindow> sorted = plan.windows;
  for (std::size_t i = 0; i < plan.windows.size(); ++i) {
    const DailyWindow& w = plan.windows[i];
    if (w.start_minute < 0 || w.start_minute >= 24 * 60) {
      return Fail(WindowError(i, "start_minute", "between 0 and 1439"));
    }
    if (w.end_minute <= w.start_minute || w.end_minute > 24 * 60) {
      return Fail(WindowError(i, "end_minute", "after start_minute, at most 1440"));
    }
    if (w.capacity < 1 || w.capacity > kMaxSlotCapacity) {
      return Fail(WindowError(i, "capacity", "between 1 and " + std::to_string(kMaxSlotCapacity)));
    }
  }
  std::ranges::sort(sorted, {}, &DailyWindow::start_minute);
  for (std::size_t i = 1; i < sorted.size(); ++i) {
    if (sorted[i].start_minute < sorted[i - 1].end_minute) {
      return Fail(Error::Invalid("windows", "windows overlap"));
    }
  }
  return Ok();
}

std::vector<AppointmentSlot> ExpandSlotPlan(const SlotPlan& plan,
                                            const BusinessCalendar& calendar) {
  std::vector<AppointmentSlot> slots;
  std::vector<DailyWindow> windows = plan.windows;
  std::ranges::sort(windows, {}, &DailyWindow::start_minute);
  const TimeMs last = FromLocalDate(FromDateCode(plan.to), 0, calendar.utc_offset);
  for (TimeMs day = FromLocalDate(FromDateCode(plan.from), 0, calendar.utc_offset); day <= last;
       day += kDayMs) {
    const LocalDate date = ToLocalDate(day, calendar.utc_offset);
    if (plan.skip_non_working_days && !calendar.IsWorkday(date)) continue;
    for (const DailyWindow& w : windows) {
      AppointmentSlot slot;
      slot.team_id = plan.team_id;
      slot.district_id = plan.district_id;
      slot.utility = plan.utility;
      slot.starts_at = day + w.start_minute * kMinuteMs;
      slot.ends_at = day + w.end_minute * kMinuteMs;
      slot.capacity = w.capacity;
      slots.push_back(slot);
    }
  }
  return slots;
}

}  // namespace lifeline
