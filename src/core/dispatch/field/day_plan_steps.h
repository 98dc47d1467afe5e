// The steps the day-plan service's operations share: reading the team's crew, placing and
// labelling orders, rewriting one technician's day inside a stored plan, storing a new revision,
// assigning through the work-order service and announcing the change.
// Design: docs/design/dispatch.md ("The stored day plan").
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/dispatch/field/day_plan_service.h"

namespace lifeline::dispatch::plan_steps {

inline constexpr int kDefaultMinutes = 60;  // a job whose service does not say how long

Result<PlanOrder> LabelOf(StoreSession& session, std::int64_t order_id);
Result<std::map<std::int64_t, PlanOrder>> LabelsOf(StoreSession& session,
                                                   const StoredDayPlan& plan);

const PlanStop* FindStop(const StoredDayPlan& plan, std::int64_t order_id);
// The reason of a job an emergency took out of its technician's day.
inline constexpr const char* kPreempted = "preempted";
// Whether the customer was told the stop's window: it was planned with a technician, or was
// until an emergency pre-empted it (its window still stands).
bool Announced(const PlanStop* before);
// Technicians first by id, each day in sequence; unplanned orders last.
void SortStops(StoredDayPlan& plan);

// The unit and every unit under it — a 维修所 plans the crews of its 班组 together — and their
// technicians.
struct Crew {
  std::vector<std::int64_t> units;
  std::vector<Technician> technicians;

  bool HasUnit(std::int64_t id) const;
  bool HasTechnician(std::int64_t user_id) const;
  const Technician* Find(std::int64_t user_id) const;
};
Result<Crew> CrewOf(StoreSession& session, std::int64_t team_id);

// A stored stop as a stop to re-time, carrying its planned times (TimeRoute replaces them).
TimedStop TimedStopOf(const PlanStop& stop);
// The technician's stops in their planned order, without `except_order`, ready to re-time.
std::vector<TimedStop> TimedStopsOf(const StoredDayPlan& plan, std::int64_t user_id,
                                    std::int64_t except_order);
// Writes a technician's re-timed day into the plan: their stops become `timed`'s (each taken
// from `originals` by order id, with the new times) and their route line is redrawn. Stops of
// other technicians are untouched, except that an order in `timed` leaves wherever it was.
void PutRoute(StoredDayPlan& plan, const Technician& technician, const TimedRoute& timed,
              const std::map<std::int64_t, PlanStop>& originals);
// Takes the order out of its technician's day and lists it unplanned with `reason`.
void Unplan(StoredDayPlan& plan, const PlanStop& stop, std::string reason);

// Stores the edited plan as the next revision, by `actor`, now.
Status SaveRevision(StoreSession& session, StoredDayPlan& plan, const Principal& actor, TimeMs now);

// Assigns the stop's order to its technician through the work-order service (history row,
// audit entry, event) unless it already is; `note` goes on the history row.
Status Assign(WorkOrderService& work_orders, StoreSession& session, const Principal& actor,
              const PlanStop& stop, std::string note);
// "日计划派单 2026-12-03 09:00–11:00"
std::string PlanAssignmentNote(int day, const PlanStop& stop);

// One `dispatch` event about the plan (type dayplan.planned or dayplan.changed), with the
// team, date, revision and counts, plus `extra`.
void Emit(StoreSession& session, std::string type, const StoredDayPlan& plan, Fields extra);

}  // namespace lifeline::dispatch::plan_steps
