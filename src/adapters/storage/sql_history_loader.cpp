#include "adapters/storage/sql_history_loader.h"

#include <array>

#include "adapters/storage/sql_helpers.h"

namespace lifeline::storage {

namespace {

constexpr Query kAccounts{"history.accounts",
                          "SELECT a.id, a.customer_id, a.utility, p.district_id FROM accounts a"
                          " JOIN premises p ON p.id = a.premise_id ORDER BY a.id"};
constexpr Query kNextOrderId{"history.next_order_id",
                             "SELECT COALESCE(MAX(id), 0) + 1 FROM work_orders"};

constexpr std::array<std::string_view, 29> kOrderColumns{"id",
                                                         "tracking_code",
                                                         "type",
                                                         "category",
                                                         "priority",
                                                         "state",
                                                         "title",
                                                         "description",
                                                         "address",
                                                         "customer_id",
                                                         "account_id",
                                                         "contact_name",
                                                         "district_id",
                                                         "department_id",
                                                         "assignee_id",
                                                         "created_by",
                                                         "created_at",
                                                         "updated_at",
                                                         "due_response_at",
                                                         "due_arrival_at",
                                                         "due_resolution_at",
                                                         "responded_at",
                                                         "arrived_at",
                                                         "resolved_at",
                                                         "closed_at",
                                                         "breached",
                                                         "satisfaction",
                                                         "callback_reached",
                                                         "needs_review"};
constexpr std::array<std::string_view, 11> kTransitionColumns{
    "order_id", "at",   "actor_id",      "actor_name",  "action",      "from_state",
    "to_state", "note", "department_id", "assignee_id", "satisfaction"};

SqlArg Small(const std::optional<int>& value) {
  return value ? SqlArg(static_cast<std::int64_t>(*value)) : SqlArg(nullptr);
}

Status AddOrderRow(BulkLoader& loader, const WorkOrder& o) {
  const SqlArg reached = o.callback_reached ? SqlArg(*o.callback_reached) : SqlArg(nullptr);
  return loader.Add({o.id,
                     o.tracking_code,
                     WorkOrderTypeCode(o.type),
                     o.category,
                     PriorityCode(o.priority),
                     WorkOrderStateCode(o.state),
                     o.title,
                     o.description,
                     o.address,
                     o.customer_id,
                     o.account_id,
                     o.contact_name,
                     o.district_id,
                     o.department_id,
                     o.assignee_id,
                     o.created_by,
                     o.created_at,
                     o.updated_at,
                     o.due_response_at,
                     o.due_arrival_at,
                     o.due_resolution_at,
                     o.responded_at,
                     o.arrived_at,
                     o.resolved_at,
                     o.closed_at,
                     static_cast<std::int64_t>(o.breached),
                     Small(o.satisfaction),
                     reached,
                     o.needs_review});
}

Status AddTransitionRow(BulkLoader& loader, const WorkOrderTransition& t) {
  return loader.Add({t.order_id, t.at, t.actor_id, t.actor_name, t.action,
                     WorkOrderStateCode(t.from_state), WorkOrderStateCode(t.to_state), t.note,
                     t.department_id, t.assignee_id, Small(t.satisfaction)});
}

}  // namespace

Result<std::vector<demo::HistoryAccount>> SqlHistoryLoader::Accounts() {
  auto connection = db_.Acquire(Access::kRead);
  if (!connection) return Fail(connection.error());
  return FetchAll<demo::HistoryAccount>(
      **connection, kAccounts, {}, [](const Row& row) -> Result<demo::HistoryAccount> {
        auto utility = ParseUtility(row.Text(2));
        if (!utility) return Fail(UnknownCode("utility", row.Text(2)));
        return demo::HistoryAccount{row.Int(0), row.Int(1), row.Int(3), *utility};
      });
}

Result<std::int64_t> SqlHistoryLoader::NextOrderId() {
  auto connection = db_.Acquire(Access::kRead);
  if (!connection) return Fail(connection.error());
  return FetchOne<std::int64_t>(
      **connection, kNextOrderId, {},
      [](const Row& row) -> Result<std::int64_t> { return row.Int(0); }, "next id");
}

Status SqlHistoryLoader::AddOrders(std::span<const HistoricOrder> orders) {
  auto connection = db_.Acquire(Access::kWrite);
  if (!connection) return Fail(connection.error());
  Connection& conn = **connection;
  if (auto s = conn.Begin(); !s) return s;
  const auto load = [&]() -> Status {
    auto order_loader =
        conn.StartBulk("work_orders", std::span<const std::string_view>(kOrderColumns));
    if (!order_loader) return Fail(order_loader.error());
    for (const HistoricOrder& h : orders) {
      if (auto s = AddOrderRow(**order_loader, h.order); !s) return s;
    }
    if (auto s = (*order_loader)->Finish(); !s) return s;
    auto transition_loader = conn.StartBulk("work_order_transitions",
                                            std::span<const std::string_view>(kTransitionColumns));
    if (!transition_loader) return Fail(transition_loader.error());
    for (const HistoricOrder& h : orders) {
      for (const WorkOrderTransition& t : h.transitions) {
        if (auto s = AddTransitionRow(**transition_loader, t); !s) return s;
      }
    }
    return (*transition_loader)->Finish();
  };
  Status status = load();
  if (status) status = conn.Commit();
  if (!status) (void)conn.Rollback();
  return status;
}

Status SqlHistoryLoader::Finish() {
  auto connection = db_.Acquire(Access::kWrite);
  if (!connection) return Fail(connection.error());
  Connection& conn = **connection;
  if (conn.dialect() == Dialect::kPostgres) {
    if (auto s = conn.ExecScript("SELECT setval(pg_get_serial_sequence('work_orders', 'id'),"
                                 " COALESCE((SELECT MAX(id) FROM work_orders), 0) + 1, false)");
        !s) {
      return s;
    }
    // Marks the loaded pages all-visible, so reports scan their covering index without visiting
    // the table (an index-only scan) from the start; autovacuum would get there minutes later.
    if (auto s = conn.ExecScript("VACUUM (ANALYZE) work_orders"); !s) return s;
  }
  return conn.ExecScript("ANALYZE");
}

}  // namespace lifeline::storage
