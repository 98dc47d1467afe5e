// Where the demo's year of work-order history goes: whole orders with their history rows, in
// large batches, written by the storage adapter's bulk path (not the per-order service path),
// so half a million orders seed in minutes. docs/design/reports.md ("Demo volume").
#pragma once

#include <span>
#include <vector>

#include "core/common/error.h"
#include "core/workorders/transition.h"
#include "core/workorders/work_order.h"

namespace lifeline {

// `order.id` is assigned by the generator; the transitions carry it as their order_id.
struct HistoricOrder {
  WorkOrder order;
  std::vector<WorkOrderTransition> transitions;
};

class WorkOrderHistorySink {
 public:
  virtual ~WorkOrderHistorySink() = default;
  virtual Status AddOrders(std::span<const HistoricOrder> orders) = 0;
};

}  // namespace lifeline
