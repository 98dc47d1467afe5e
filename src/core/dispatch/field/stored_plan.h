// A team's day plan as it is stored: which work order each technician does, in which order, at
// what time, and the window the customer was told — plus the orders that could not be planned
// and why. Design: docs/design/dispatch.md ("The stored day plan").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/civil_time.h"
#include "core/common/error.h"
#include "core/dispatch/field/technician.h"
#include "core/dispatch/field/travel_times.h"

namespace lifeline::dispatch {

// One order in the plan. Without a technician it is unplanned, and `reason` says why.
struct PlanStop {
  std::int64_t order_id = 0;
  std::optional<std::int64_t> user_id{};
  int sequence = 0;  // 1, 2, … within the technician's day; 0 when unplanned
  int arrival_minute = 0;
  int start_minute = 0;
  int end_minute = 0;
  int window_start_minute = 0;  // the announced window (minutes from local midnight)
  int window_end_minute = 0;
  Point location;
  int duration_minutes = 60;
  Trade trade = Trade::kPipeRepair;
  bool booked = false;  // the window is the customer's own appointment
  std::string reason{};
};

struct PlanRoute {
  std::int64_t user_id = 0;
  std::string name{};  // filled in by reads
  int departure_minute = 0;
  int return_minute = 0;
  std::optional<int> break_start_minute{};
  int break_minutes = 0;
  double km = 0;
};

struct StoredDayPlan {
  std::int64_t id = 0;
  std::int64_t team_id = 0;
  int day = 0;  // yyyymmdd, local
  int revision = 0;
  std::int64_t planned_by = 0;
  TimeMs planned_at = 0;
  double km = 0;
  std::vector<PlanRoute> routes;
  std::vector<PlanStop> stops;  // by technician, then sequence; unplanned last
};

// "2026-12-03" → 20261203; nullopt for anything else (including 2026-02-30).
std::optional<int> ParseDayCode(std::string_view text);
// 20261203 → "2026-12-03".
std::string DayText(int day);
int DayCode(LocalDate date);
LocalDate DateOf(int day);

// The window announced for a job without an appointment: two hours from the planned start
// rounded down to the half hour less 30 minutes, not before `earliest`.
std::pair<int, int> AnnouncedWindow(int start_minute, int earliest);

// "预计 14:00–16:00 上门"
std::string ArrivalWindowLabel(int window_start_minute, int window_end_minute);
// "14:00"
std::string ClockText(int minute_of_day);

// One stop of a route being re-timed.
struct TimedStop {
  std::int64_t order_id = 0;
  Point location;
  int window_start_minute = 0;
  int window_end_minute = 0;
  int duration_minutes = 60;
  Trade trade = Trade::kPipeRepair;
  // Set by TimeRoute:
  int arrival_minute = 0;
  int start_minute = 0;
  int end_minute = 0;
};

struct RouteViolation {
  std::string kind;           // late, shift_overrun, break_missed, no_skill, off_duty
  std::int64_t order_id = 0;  // 0 for the route as a whole
  int minute = 0;             // the start, return or break that breaks the rule
};

struct TimedRoute {
  std::vector<TimedStop> stops;
  int departure_minute = 0;
  int return_minute = 0;
  std::optional<int> break_start_minute{};
  double km = 0;
  std::vector<RouteViolation> violations;
  bool feasible() const { return violations.empty(); }
};

// Re-times a technician's stops in the given order: leave the depot at the start of the shift
// (later, if the first window opens later), drive, wait for each window, work; the break is
// taken as soon as its window has opened between two stops (or at the end). Every rule the
// result breaks is listed; nothing is re-ordered.
TimedRoute TimeRoute(const Technician& technician, std::vector<TimedStop> stops,
                     const TravelModel& travel = {});

// An emergency (燃气泄漏, 爆管) pre-empts a technician's day: they drive from where they are at
// `now_minute` straight to it, then carry on with the rest of their stops in order. Every stop
// whose start moves is named with its old and new start and whether its window still holds —
// what the dispatcher tells those customers.
struct PreemptedStop {
  std::int64_t order_id = 0;
  int old_start_minute = 0;
  int new_start_minute = 0;
  bool window_kept = true;
};

struct Preemption {
  TimedRoute route;  // the emergency first, then the stops still ahead
  std::vector<PreemptedStop> moved;
};

// `ahead`: the stops not yet started, in their planned order with their planned times.
Preemption Preempt(const Technician& technician, Point at, int now_minute,
                   const TimedStop& emergency, const std::vector<TimedStop>& ahead,
                   const TravelModel& travel = {});

// The pre-emption as it is applied: a stop the emergency pushes past its announced window
// leaves the technician's day — it stays in `moved` (window_kept false, with the start it would
// have had) but not in the route, for the dispatcher to give to someone else. They are taken
// out one at a time from the first, since taking one out can bring later ones back into their
// windows; the route keeps the emergency and every stop whose window still holds.
Preemption PreemptKeepingWindows(const Technician& technician, Point at, int now_minute,
                                 const TimedStop& emergency, std::vector<TimedStop> ahead,
                                 const TravelModel& travel = {});

}  // namespace lifeline::dispatch
