// Dispatch for people: technician profiles and positions, suggestions for one job, a team's
// day plan. Permission dispatch:plan (dispatchers, supervisors); technicians report their own
// position. Design: docs/design/dispatch.md ("The product layer").
#pragma once

#include <cstdint>
#include <vector>

#include "core/common/error.h"
#include "core/dispatch/field/day_planner.h"
#include "core/dispatch/field/suggestion.h"
#include "core/identity/principal.h"
#include "core/ports/clock.h"
#include "core/ports/store.h"

namespace lifeline::dispatch {

class DispatchService {
 public:
  // `utc_offset_minutes` turns the clock into the local minute of day (China: +480).
  // `travel_times` (not owned) gives day plans their travel times; straight-line estimates when
  // null.
  DispatchService(Store& store, const Clock& clock, TravelTimes* travel_times = nullptr,
                  int utc_offset_minutes = 8 * 60)
      : store_(store),
        clock_(clock),
        travel_times_(travel_times),
        utc_offset_minutes_(utc_offset_minutes) {}

  // All teams when team_id is 0.
  [[nodiscard]] Result<std::vector<Technician>> Technicians(const Principal& actor,
                                                            std::int64_t team_id);
  [[nodiscard]] Result<std::vector<Suggestion>> Suggest(const Principal& actor, const JobNeed& job);
  [[nodiscard]] Result<DayPlan> Plan(const Principal& actor, std::int64_t team_id,
                                     std::span<const DayJob> jobs, const DayPlanOptions& options);
  // A technician on duty reports where they are (the technician page does it periodically).
  [[nodiscard]] Status ReportPosition(const Principal& actor, Point position);
  // A technician falls ill or comes back: later plans and suggestions leave them out.
  [[nodiscard]] Status SetOnDuty(const Principal& actor, std::int64_t user_id, bool on_duty);

  int LocalMinuteOfDay() const;

 private:
  Store& store_;
  const Clock& clock_;
  TravelTimes* travel_times_;
  int utc_offset_minutes_;
};

}  // namespace lifeline::dispatch
