#include "core/dispatch/field/technician_profile.h"

#include <cmath>
#include <set>
#include <string>

namespace lifeline::dispatch {

namespace {

constexpr int kDayMinutes = 24 * 60;

Status CheckSkills(const std::vector<TradeSkill>& skills) {
  std::set<Trade> seen;
  for (std::size_t i = 0; i < skills.size(); ++i) {
    const std::string at = "skills[" + std::to_string(i) + "]";
    if (!seen.insert(skills[i].trade).second) {
      return Fail(Error::Invalid(at + ".trade", "each trade once"));
    }
    if (skills[i].level < 1 || skills[i].level > 5) {
      return Fail(Error::Invalid(at + ".level", "a level from 1 to 5"));
    }
  }
  return Ok();
}

Status CheckShift(const DayWindow& shift) {
  if (shift.start_minute < 0 || shift.start_minute >= kDayMinutes) {
    return Fail(Error::Invalid("shift_start_minute", "a minute of the day, 0–1439"));
  }
  if (shift.end_minute <= shift.start_minute || shift.end_minute > kDayMinutes) {
    return Fail(Error::Invalid("shift_end_minute", "after the start, at most 1440 (midnight)"));
  }
  return Ok();
}

// The break starts inside the shift and ends before it does.
Status CheckBreak(const ProfileEdit& edit) {
  if (edit.break_minutes < 0 || edit.break_minutes > kMaxBreakMinutes) {
    return Fail(Error::Invalid("break_minutes", "0 to 180 minutes"));
  }
  if (!edit.break_window) {
    if (edit.break_minutes > 0) {
      return Fail(Error::Invalid("break_earliest_minute", "a break needs the time it may start"));
    }
    return Ok();
  }
  const DayWindow& w = *edit.break_window;
  if (w.start_minute < edit.shift.start_minute) {
    return Fail(Error::Invalid("break_earliest_minute", "within the shift"));
  }
  if (w.end_minute < w.start_minute || w.end_minute + edit.break_minutes > edit.shift.end_minute) {
    return Fail(Error::Invalid("break_latest_minute",
                               "after the earliest start, and the break over before the shift"));
  }
  return Ok();
}

}  // namespace

Status CheckProfile(const ProfileEdit& edit) {
  if (auto s = CheckSkills(edit.skills); !s) return s;
  if (auto s = CheckShift(edit.shift); !s) return s;
  if (auto s = CheckBreak(edit); !s) return s;
  if (!std::isfinite(edit.depot.x) || !std::isfinite(edit.depot.y) ||
      std::hypot(edit.depot.x, edit.depot.y) > kMaxDepotKm) {
    return Fail(Error::Invalid("depot_x_km", "the depot lies outside the service area"));
  }
  if (edit.van_capacity < 0 || edit.van_capacity > kMaxVanCapacity) {
    return Fail(Error::Invalid("van_capacity", "0 to 100000 parts units"));
  }
  return Ok();
}

Technician WithProfile(Technician technician, const ProfileEdit& edit) {
  technician.skills = edit.skills;
  technician.shift = edit.shift;
  technician.break_window = edit.break_window;
  technician.break_minutes = edit.break_window ? edit.break_minutes : 0;
  technician.depot = edit.depot;
  technician.van_capacity = edit.van_capacity;
  return technician;
}

}  // namespace lifeline::dispatch
