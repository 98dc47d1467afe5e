// The demo city's crews on the move: without phones in the field, `lifeline serve
// --simulate-fleet` puts each technician where their day would have them now, through the same
// record a phone's report writes. Design: docs/design/dispatch.md ("Live positions").
#pragma once

#include <span>

#include "core/common/civil_time.h"
#include "core/dispatch/field/stored_plan.h"
#include "core/dispatch/field/technician.h"
#include "core/dispatch/field/travel_times.h"
#include "core/ports/clock.h"
#include "core/ports/store.h"

namespace lifeline::dispatch {

// Where a technician driving `stops` (their planned day, in order) is at `minute`: at the depot
// before they leave, on the straight line between two places at the planned times, at a stop
// while working there, home after the last. Without stops, a slow loop around the depot.
Point SimulatedPosition(const Technician& technician, std::span<const PlanStop> stops,
                        double minute, const TravelModel& travel = {});

class DemoFleet {
 public:
  DemoFleet(Store& store, const Clock& clock, TimeMs utc_offset = kChinaUtcOffset)
      : store_(store), clock_(clock), utc_offset_(utc_offset) {}

  // Moves every technician who is tracked now (docs: "When") to their simulated position and
  // emits `technician.position` for each one that moved. Returns how many moved.
  [[nodiscard]] Result<int> Step();

 private:
  Store& store_;
  const Clock& clock_;
  TimeMs utc_offset_;
};

}  // namespace lifeline::dispatch
