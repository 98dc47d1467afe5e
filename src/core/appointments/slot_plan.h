// Turning "these daily windows, from this date to that" into slots: an administrator plans a
// team's capacity for a district and utility, e.g. 09:00–11:00, 11:00–13:00, 14:00–16:00,
// 16:00–18:00 with 4 visits each, on the working days of the business calendar.
#pragma once

#include <cstdint>
#include <vector>

#include "core/appointments/appointment.h"
#include "core/common/error.h"
#include "core/workorders/business_calendar.h"

namespace lifeline {

struct DailyWindow {
  int start_minute = 9 * 60;  // local minutes from midnight
  int end_minute = 11 * 60;
  int capacity = 1;
};

struct SlotPlan {
  std::int64_t team_id = 0;
  std::int64_t district_id = 0;
  Utility utility = Utility::kGas;
  DateCode from = 0;  // yyyymmdd, local, inclusive
  DateCode to = 0;
  std::vector<DailyWindow> windows;
  bool skip_non_working_days = true;  // per the business calendar (holidays, 调休)
};

inline constexpr int kMaxPlanDays = 92;
inline constexpr int kMaxWindowsPerDay = 12;
inline constexpr int kMaxSlotCapacity = 200;

// The four windows of a usual day with `capacity` each.
std::vector<DailyWindow> StandardWindows(int capacity);

// Shape checks; errors name the field ("windows[2].end_minute").
Status ValidateSlotPlan(const SlotPlan& plan);

// The slots the plan describes, oldest first, without ids.
std::vector<AppointmentSlot> ExpandSlotPlan(const SlotPlan& plan, const BusinessCalendar& calendar);

LocalDate FromDateCode(DateCode code);

}  // namespace lifeline
