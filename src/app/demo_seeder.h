// `lifeline seed --demo`: the demo city and the demo utility's staff, into an empty database,
// and DIR/demo-accounts.txt listing the demo logins ("username role password" per line).
#pragma once

#include <cstdint>
#include <filesystem>

#include "app/runtime.h"
#include "core/demo/demo_city.h"

namespace lifeline::app {

struct SeedReport {
  demo::DemoCitySummary city;
  int org_units = 0;
  int users = 0;
  int work_orders = 0;
  int appointment_slots = 0;
  int appointments = 0;
  std::int64_t history_orders = 0;  // --history-days: bulk-loaded past orders
  std::int64_t history_transitions = 0;
};

// `history_days` > 0 also bulk-loads that many days of work-order history before now.
[[nodiscard]] Result<SeedReport> SeedDemo(Runtime& runtime, std::int64_t customers,
                                          const std::filesystem::path& accounts_file,
                                          int history_days = 0);

}  // namespace lifeline::app
