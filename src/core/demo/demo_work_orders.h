// Demo work orders: a few hundred requests over the last weeks in every state, so the screens
// have something to show. Deterministic: the same seed gives the same orders, categories,
// ages and progress (tracking codes still come from the secure random source).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/common/rng.h"
#include "core/customers/customer.h"
#include "core/workorders/work_order.h"

namespace lifeline::demo {

// How far a demo order has come.
enum class DemoStage {
  kAccepted,
  kDispatched,
  kAssigned,
  kEnRoute,
  kOnSite,
  kResolved,
  kClosed,
  kCancelled
};

struct DemoWorkOrder {
  std::int64_t customer_index = 0;  // 0-based: the customer with id index + 1
  WorkOrderType type = WorkOrderType::kRepair;
  std::string title;
  TimeMs age = 0;       // how long before "now" it was created
  TimeMs step_gap = 0;  // time between its steps
  DemoStage stage = DemoStage::kAccepted;
  int satisfaction = 5;  // when closed
};

// `count` orders over `customers` customers.
std::vector<DemoWorkOrder> PlanDemoWorkOrders(std::int64_t count, std::int64_t customers,
                                              std::uint64_t seed = 20261115);

// A category of `utility` for a demo request of `type`, with a title people would say.
struct DemoCategory {
  std::string code;
  std::string title;
};
DemoCategory DemoCategoryFor(Utility utility, WorkOrderType type, Rng& rng);

}  // namespace lifeline::demo
