// A year (or any number of days) of work-order history for the demo city, at a realistic rate:
// about half an order per account per year, with the seasonal peaks a northern utility sees —
// the start of the heating season in mid-November (radiators that stay cold), summer water
// pressure complaints in July and August. Orders run through the loop with consistent times:
// responded, arrived, resolved, called back and closed, deadlines from the built-in policies,
// breaches where they were missed, satisfaction from the callback. Deterministic for a seed
// (tracking codes still come from the secure random source).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/common/civil_time.h"
#include "core/customers/customer.h"
#include "core/ports/secure_random.h"
#include "core/ports/work_order_history_sink.h"

namespace lifeline::demo {

struct HistoryAccount {
  std::int64_t account_id = 0;
  std::int64_t customer_id = 0;
  std::int64_t district_id = 0;
  Utility utility = Utility::kWater;
};

struct HistoryPerson {
  std::int64_t user_id = 0;
  std::string name;
  std::int64_t org_unit_id = 0;
  std::vector<std::int64_t> district_ids;  // empty: the whole city
};

struct HistoryStaff {
  std::vector<HistoryPerson> agents;
  HistoryPerson dispatcher;
  std::vector<HistoryPerson> technicians;
};

struct HistoryPlan {
  int days = 365;
  TimeMs now = 0;                        // history ends here
  double orders_per_account_year = 0.5;  // before the seasonal shape
  std::uint64_t seed = 20261201;
  std::int64_t first_id = 1;
  std::size_t batch = 20'000;
};

struct HistorySummary {
  std::int64_t orders = 0;
  std::int64_t transitions = 0;
};

// How much busier `day` (local) is than an average day: 1 on average over a year.
double SeasonalWeight(LocalDate day);

Result<HistorySummary> GenerateHistory(const HistoryPlan& plan,
                                       const std::vector<HistoryAccount>& accounts,
                                       const HistoryStaff& staff, SecureRandom& random,
                                       WorkOrderHistorySink& sink);

}  // namespace lifeline::demo
