// Dispatch for people: technician profiles and positions, suggestions for one job, a team's
// day plan. Permission dispatch:plan (dispatchers, supervisors); technicians report their own
// position. Design: docs/design/dispatch.md ("The product layer").
#pragma once

#include <cstdint>
#include <vector>

#include "core/common/error.h"
#include "core/dispatch/field/city_plane.h"
#include "core/dispatch/field/day_planner.h"
#include "core/dispatch/field/position_tracking.h"
#include "core/dispatch/field/suggestion.h"
#include "core/dispatch/field/technician_profile.h"
#include "core/identity/principal.h"
#include "core/ports/clock.h"
#include "core/ports/store.h"

namespace lifeline::dispatch {

// A technician's own view of their profile: and whether their position is tracked now.
struct TechnicianStatus {
  Technician technician;
  Tracking tracking = Tracking::kOutsideShift;
};

class DispatchService {
 public:
  // `travel_times` (not owned) gives day plans their travel times; straight-line estimates when
  // null. `plane` maps phones' longitude/latitude to the city plane. `utc_offset_minutes` turns
  // the clock into the local minute of day (China: +480).
  DispatchService(Store& store, const Clock& clock, TravelTimes* travel_times = nullptr,
                  CityPlane plane = CityPlane(), int utc_offset_minutes = 8 * 60)
      : store_(store),
        clock_(clock),
        travel_times_(travel_times),
        plane_(plane),
        utc_offset_minutes_(utc_offset_minutes) {}

  // All teams when team_id is 0.
  [[nodiscard]] Result<std::vector<Technician>> Technicians(const Principal& actor,
                                                            std::int64_t team_id);
  [[nodiscard]] Result<std::vector<Suggestion>> Suggest(const Principal& actor, const JobNeed& job);
  [[nodiscard]] Result<DayPlan> Plan(const Principal& actor, std::int64_t team_id,
                                     std::span<const DayJob> jobs, const DayPlanOptions& options);
  // The calling technician's profile and tracking state (kNotFound without a profile).
  [[nodiscard]] Result<TechnicianStatus> Me(const Principal& actor);
  // A technician at work reports where they are (the technician page does it periodically);
  // kConflict when they are not tracked now (nothing is stored).
  [[nodiscard]] Status ReportPosition(const Principal& actor, Point position);
  [[nodiscard]] Status ReportPosition(const Principal& actor, GeoPoint position);
  // Sets a technician user's trades, working day, depot and van (creating their profile when
  // they have none: a new technician is on duty, position unknown). kNotFound for an unknown
  // user, kConflict for one who is not a technician.
  [[nodiscard]] Result<Technician> SaveProfile(const Principal& actor, std::int64_t user_id,
                                               const ProfileEdit& edit);
  // A technician falls ill or comes back: later plans and suggestions leave them out.
  [[nodiscard]] Status SetOnDuty(const Principal& actor, std::int64_t user_id, bool on_duty);

  int LocalMinuteOfDay() const;

 private:
  // Stores a position in the service area for the calling technician when they are tracked.
  Status Record(const Principal& actor, Point position);
  // The profile of `user_id` and whether they are tracked now.
  Result<TechnicianStatus> StatusOf(StoreSession& session, std::int64_t user_id) const;

  Store& store_;
  const Clock& clock_;
  TravelTimes* travel_times_;
  CityPlane plane_;
  int utc_offset_minutes_;
};

}  // namespace lifeline::dispatch
