// Stored day plans, one per team and local day, replaced whole on every re-plan.
// Design: docs/design/dispatch.md ("The stored day plan").
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/common/error.h"
#include "core/dispatch/field/stored_plan.h"

namespace lifeline {

// A planned stop with the day it belongs to, for the technician's list and the tracking page.
struct DatedStop {
  int day = 0;
  std::int64_t team_id = 0;
  dispatch::PlanStop stop;
};

class DayPlanRepository {
 public:
  virtual ~DayPlanRepository() = default;
  // Stores `plan` as the (team, day)'s plan: its header with `plan.revision`, and its routes
  // and stops in place of the previous ones. Returns the plan's id.
  virtual Result<std::int64_t> Save(const dispatch::StoredDayPlan& plan) = 0;
  // With routes (and technicians' names) and stops; nullopt when that day was never planned.
  virtual Result<std::optional<dispatch::StoredDayPlan>> Find(std::int64_t team_id, int day) = 0;
  // The technician's planned stops of `day` in their order, over every team's plan.
  virtual Result<std::vector<dispatch::PlanStop>> StopsOf(std::int64_t user_id, int day) = 0;
  // The order's planned stop in the latest day that plans it with a technician.
  virtual Result<std::optional<DatedStop>> PlannedStopFor(std::int64_t order_id) = 0;
};

}  // namespace lifeline
