// A team's day over real work orders: gather the day's appointments and assigned orders, place
// them on the city plane, plan them with PlanDay, store the plan, assign the orders through the
// work-order service; move a job or let an emergency pre-empt a technician's day, answering
// first what that would change (day_plan_edits.cpp).
// Design: docs/design/dispatch.md ("The stored day plan").
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/common/error.h"
#include "core/dispatch/field/day_planner.h"
#include "core/dispatch/field/stored_plan.h"
#include "core/identity/principal.h"
#include "core/ports/clock.h"
#include "core/ports/store.h"
#include "core/workorders/work_order_service.h"

namespace lifeline::dispatch {

namespace plan_steps {
struct Crew;
}  // namespace plan_steps

// What screens show of an order in a plan.
struct PlanOrder {
  std::string number;  // GD-20261203-000123
  std::string title;
  std::string address;
  std::string category;
  Priority priority = Priority::kNormal;
  WorkOrderState state = WorkOrderState::kAccepted;
};

struct DayPlanView {
  StoredDayPlan plan;
  std::map<std::int64_t, PlanOrder> orders;
  std::vector<MovedJob> moved;    // only in the answer to a (re-)plan
  bool travel_estimated = false;  // the same: the routing server did not answer
};

struct MoveRequest {
  std::int64_t team_id = 0;
  int day = 0;
  std::int64_t order_id = 0;
  std::int64_t to_user_id = 0;
  int position = 0;  // 0: first; beyond the end: last
  bool apply = false;
};

struct MoveAnswer {
  bool feasible = false;
  bool applied = false;
  std::optional<std::int64_t> from_user_id{};
  TimedRoute route;  // the target technician's day with the job in it
};

struct PreemptRequest {
  std::int64_t team_id = 0;
  int day = 0;
  std::int64_t order_id = 0;  // the emergency
  std::int64_t to_user_id = 0;
  bool apply = false;
};

struct PreemptAnswer {
  Preemption preemption;  // moved: window_kept false = leaves the technician's day on apply
  std::map<std::int64_t, PlanOrder> orders;  // the emergency and the jobs that move
  bool applied = false;
};

struct TechnicianStop {
  int day = 0;
  PlanStop stop;
  PlanOrder order;
};

class DayPlanService {
 public:
  DayPlanService(Store& store, const Clock& clock, WorkOrderService& work_orders,
                 TravelTimes* travel_times = nullptr, TimeMs utc_offset = kChinaUtcOffset)
      : store_(store),
        clock_(clock),
        work_orders_(work_orders),
        travel_times_(travel_times),
        utc_offset_(utc_offset) {}

  // Plans (or re-plans) the team's day and stores it (dispatch:plan and workorders:dispatch).
  [[nodiscard]] Result<DayPlanView> Plan(const Principal& actor, std::int64_t team_id, int day,
                                         double seconds = 2);
  // The stored plan; kNotFound when that day was never planned.
  [[nodiscard]] Result<DayPlanView> Get(const Principal& actor, std::int64_t team_id, int day);
  // Checks a move, and applies it when asked and feasible (kConflict when asked but not).
  [[nodiscard]] Result<MoveAnswer> Move(const Principal& actor, const MoveRequest& request);
  // What sending `to_user_id` to the emergency order now (or, for another day, at the start of
  // their shift) does to the rest of their stored day: which jobs move, to when, and which can
  // no longer keep their window. With `apply` (and workorders:dispatch) the plan is rewritten
  // that way and the emergency assigned to them.
  [[nodiscard]] Result<PreemptAnswer> Preempt(const Principal& actor,
                                              const PreemptRequest& request);
  // The technician's own stops of `day` (today when nullopt), in order.
  [[nodiscard]] Result<std::vector<TechnicianStop>> MyStops(const Principal& actor,
                                                            std::optional<int> day);

  int Today() const;
  int NowMinute() const;  // minutes since local midnight

 private:
  Status ApplyPreemption(StoreSession& session, const Principal& actor, StoredDayPlan& plan,
                         const plan_steps::Crew& crew, const Technician& to, int start,
                         PreemptAnswer& answer);

  Store& store_;
  const Clock& clock_;
  WorkOrderService& work_orders_;
  TravelTimes* travel_times_;
  TimeMs utc_offset_;
};

}  // namespace lifeline::dispatch
