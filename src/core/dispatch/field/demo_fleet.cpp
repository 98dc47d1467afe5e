#include "core/dispatch/field/demo_fleet.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include "core/dispatch/field/position_tracking.h"

namespace lifeline::dispatch {

namespace {

constexpr double kIdleLoopRadiusKm = 1.5;
constexpr int kIdleLoopMinutes = 90;
constexpr double kMovedKm = 0.001;  // closer than a metre is standing still

Point Between(Point from, Point to, double fraction) {
  fraction = std::clamp(fraction, 0.0, 1.0);
  return {from.x + (to.x - from.x) * fraction, from.y + (to.y - from.y) * fraction};
}

// Each technician starts the loop at their own angle, so an idle crew does not move in step.
Point IdleLoop(const Technician& technician, double minute) {
  const double turns =
      minute / kIdleLoopMinutes + static_cast<double>(technician.user_id % 12) / 12;
  const double angle = 2 * std::numbers::pi * turns;
  return {technician.depot.x + kIdleLoopRadiusKm * std::cos(angle),
          technician.depot.y + kIdleLoopRadiusKm * std::sin(angle)};
}

}  // namespace

Point SimulatedPosition(const Technician& technician, std::span<const PlanStop> stops,
                        double minute, const TravelModel& travel) {
  if (stops.empty()) return IdleLoop(technician, minute);
  Point from = technician.depot;
  // Leaves home just in time for the first arrival, and each stop as soon as its work is done.
  double left_at =
      stops.front().arrival_minute - travel.Minutes(technician.depot, stops.front().location);
  for (const PlanStop& stop : stops) {
    if (minute < stop.arrival_minute) {
      const double leg = stop.arrival_minute - left_at;
      return leg <= 0 ? from : Between(from, stop.location, (minute - left_at) / leg);
    }
    if (minute < stop.end_minute) return stop.location;
    from = stop.location;
    left_at = stop.end_minute;
  }
  const double home = travel.Minutes(from, technician.depot);
  return home <= 0 ? from : Between(from, technician.depot, (minute - left_at) / home);
}

Result<int> DemoFleet::Step() {
  const TimeMs now = clock_.NowMs();
  const int day = DayCode(ToLocalDate(now, utc_offset_));
  const int minute = LocalMinuteOfDay(now, utc_offset_);
  // To the second, so that a step every half minute moves the crew smoothly.
  const double exact_minute = minute + static_cast<double>(now % kMinuteMs) / kMinuteMs;
  int moved = 0;
  Status wrote = store_.Write([&](StoreSession& session) -> Status {
    moved = 0;
    auto technicians = session.Technicians().List(0);
    if (!technicians) return Fail(technicians.error());
    for (const Technician& t : *technicians) {
      if (TrackingAt(t, minute, /*on_a_job=*/false) != Tracking::kOn) continue;
      auto stops = session.DayPlans().StopsOf(t.user_id, day);
      if (!stops) return Fail(stops.error());
      const Point at = SimulatedPosition(t, *stops, exact_minute);
      if (t.position && std::hypot(at.x - t.position->x, at.y - t.position->y) < kMovedKm) continue;
      if (auto s = session.Technicians().UpdatePosition(t.user_id, at, now); !s) return s;
      session.Events().Emit({"dispatch",
                             "technician.position",
                             "user/" + std::to_string(t.user_id),
                             {{"x_km", at.x}, {"y_km", at.y}, {"simulated", true}}});
      ++moved;
    }
    return Ok();
  });
  if (!wrote) return Fail(wrote.error());
  return moved;
}

}  // namespace lifeline::dispatch
