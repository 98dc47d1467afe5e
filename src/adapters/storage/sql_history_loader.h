// Bulk-writes the demo's work-order history (core/demo/demo_history.h): orders and their
// history rows through the bulk path (COPY on PostgreSQL, a reused prepared INSERT on
// SQLite), one transaction per batch — not through WorkOrderService, which would take hours
// for half a million orders. No audit entries or events: this is history being loaded, not
// work being done. docs/design/reports.md ("Demo volume").
#pragma once

#include <vector>

#include "adapters/storage/db.h"
#include "core/demo/demo_history.h"
#include "core/ports/work_order_history_sink.h"

namespace lifeline::storage {

class SqlHistoryLoader final : public WorkOrderHistorySink {
 public:
  explicit SqlHistoryLoader(Db& db) : db_(db) {}

  // Every account with its customer, utility and district.
  Result<std::vector<demo::HistoryAccount>> Accounts();
  // The id the next order should take.
  Result<std::int64_t> NextOrderId();
  Status AddOrders(std::span<const HistoricOrder> orders) override;
  // Moves the id sequences past the loaded rows (PostgreSQL) and refreshes planner statistics.
  Status Finish();

 private:
  Db& db_;
};

}  // namespace lifeline::storage
