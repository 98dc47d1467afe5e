#pragma once

#include "adapters/storage/db.h"
#include "core/ports/day_plan_repository.h"

namespace lifeline::storage {

class SqlDayPlanRepository final : public DayPlanRepository {
 public:
  explicit SqlDayPlanRepository(Connection& connection) : connection_(connection) {}
  Result<std::int64_t> Save(const dispatch::StoredDayPlan& plan) override;
  Result<std::optional<dispatch::StoredDayPlan>> Find(std::int64_t team_id, int day) override;
  Result<std::vector<dispatch::PlanStop>> StopsOf(std::int64_t user_id, int day) override;
  Result<std::optional<DatedStop>> PlannedStopFor(std::int64_t order_id) override;

 private:
  Connection& connection_;
};

}  // namespace lifeline::storage
