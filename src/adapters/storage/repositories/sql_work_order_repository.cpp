#include "adapters/storage/repositories/sql_work_order_repository.h"

#include "adapters/storage/repositories/sql_customer_repository.h"
#include "adapters/storage/sql_helpers.h"
#include "core/customers/phone_number.h"

namespace lifeline::storage {

namespace {

#define LIFELINE_WORK_ORDER_COLUMNS                                                             \
  "w.id, w.tracking_code, w.type, w.category, w.priority, w.state, w.title, w.description,"     \
  " w.address, w.customer_id, w.account_id, w.interaction_id, w.contact_name,"                  \
  " w.contact_phone_enc, w.district_id, w.department_id, w.assignee_id,"                        \
  " COALESCE(u.display_name, ''), w.created_by, w.created_at, w.updated_at, w.due_response_at," \
  " w.due_arrival_at, w.due_resolution_at, w.responded_at, w.arrived_at, w.resolved_at,"        \
  " w.closed_at, w.paused_at, w.parent_id, w.merged_into_id, w.urge_count, w.reopen_count,"     \
  " w.breached, w.satisfaction, w.callback_reached, w.needs_review, w.version"

#define LIFELINE_WORK_ORDER_FROM " FROM work_orders w LEFT JOIN users u ON u.id = w.assignee_id"

#define LIFELINE_OPEN_STATES \
  "('accepted', 'dispatched', 'assigned', 'en_route', 'on_site', 'returned', 'reopened')"

// Overdue against $11 ("now"); a paused order's clock stopped when it was paused.
#define LIFELINE_OVERDUE(now)                                                        \
  "(w.state IN " LIFELINE_OPEN_STATES                                                \
  " AND ((w.responded_at IS NULL AND w.due_response_at < COALESCE(w.paused_at, " now \
  "))"                                                                               \
  "  OR (w.arrived_at IS NULL AND w.due_arrival_at < COALESCE(w.paused_at, " now     \
  "))"                                                                               \
  "  OR (w.resolved_at IS NULL AND w.due_resolution_at < COALESCE(w.paused_at, " now "))))"

// Every filter is a parameter with an "any" value ('' or 0), so one prepared statement serves
// every combination. The data scope is a ",3,7," list of district ids.
#define LIFELINE_WORK_ORDER_FILTER \
  " WHERE ($1 = '' OR w.state = $1)"                                                       \
  " AND ($2 = '' OR w.category = $2 OR substr(w.category, 1, length($2) + 1) = $2 || '.')" \
  " AND ($3 = '' OR w.priority = $3)"                                                      \
  " AND ($4 = '' OR w.type = $4)"                                                          \
  " AND ($5 = 0 OR w.district_id = $5)"                                                    \
  " AND ($6 = 0 OR w.department_id = $6)"                                                  \
  " AND ($7 = 0 OR w.assignee_id = $7)"                                                    \
  " AND ($8 = 0 OR w.customer_id = $8)"                                                    \
  " AND ($9 = 0 OR " LIFELINE_OVERDUE("$10") ")"                                           \
  " AND ($11 = 0 OR w.district_id IS NULL OR $12 LIKE ('%,' || w.district_id || ',%'))"

constexpr Query kInsert{
    "work_orders.insert",
    "INSERT INTO work_orders (tracking_code, type, category, priority, state, title, description,"
    " address, customer_id, account_id, interaction_id, contact_name, contact_phone_enc,"
    " contact_phone_idx, district_id, department_id, assignee_id, created_by, created_at,"
    " updated_at, due_response_at, due_arrival_at, due_resolution_at, responded_at, arrived_at,"
    " resolved_at, closed_at, paused_at, parent_id, merged_into_id, urge_count, reopen_count,"
    " breached, satisfaction, callback_reached, needs_review, version) VALUES ($1, $2, $3, $4,"
    " $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23,"
    " $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36, $37) RETURNING id"};
constexpr Query kById{"work_orders.by_id",
                      "SELECT " LIFELINE_WORK_ORDER_COLUMNS LIFELINE_WORK_ORDER_FROM
                      " WHERE w.id = $1"};
constexpr Query kByTrackingCode{"work_orders.by_tracking_code",
                                "SELECT " LIFELINE_WORK_ORDER_COLUMNS LIFELINE_WORK_ORDER_FROM
                                " WHERE w.tracking_code = $1"};
constexpr Query kUpdate{
    "work_orders.update",
    "UPDATE work_orders SET priority = $2, state = $3, department_id = $4, assignee_id = $5,"
    " updated_at = $6, due_response_at = $7, due_arrival_at = $8, due_resolution_at = $9,"
    " responded_at = $10, arrived_at = $11, resolved_at = $12, closed_at = $13, paused_at = $14,"
    " parent_id = $15, merged_into_id = $16, urge_count = $17, reopen_count = $18,"
    " breached = $19, satisfaction = $20, callback_reached = $21, needs_review = $22,"
    " version = $23 WHERE id = $1 AND version = $24"};
constexpr Query kList{
    "work_orders.list",
    "SELECT " LIFELINE_WORK_ORDER_COLUMNS LIFELINE_WORK_ORDER_FROM LIFELINE_WORK_ORDER_FILTER
    " ORDER BY w.id DESC LIMIT $13 OFFSET $14"};
constexpr Query kCount{"work_orders.count",
                       "SELECT COUNT(*) FROM work_orders w" LIFELINE_WORK_ORDER_FILTER};
constexpr Query kChildren{"work_orders.children",
                          "SELECT " LIFELINE_WORK_ORDER_COLUMNS LIFELINE_WORK_ORDER_FROM
                          " WHERE w.parent_id = $1 ORDER BY w.id"};
constexpr Query kNewlyOverdue{
    "work_orders.newly_overdue",
    "SELECT " LIFELINE_WORK_ORDER_COLUMNS LIFELINE_WORK_ORDER_FROM
    " WHERE w.state IN " LIFELINE_OPEN_STATES
    " AND ((w.responded_at IS NULL AND w.due_response_at < COALESCE(w.paused_at, $1)"
    "   AND (w.breached & 1) = 0)"
    "  OR (w.arrived_at IS NULL AND w.due_arrival_at < COALESCE(w.paused_at, $1)"
    "   AND (w.breached & 2) = 0)"
    "  OR (w.resolved_at IS NULL AND w.due_resolution_at < COALESCE(w.paused_at, $1)"
    "   AND (w.breached & 4) = 0))"
    " ORDER BY w.id LIMIT $2"};
constexpr Query kInsertTransition{
    "work_order_transitions.insert",
    "INSERT INTO work_order_transitions (order_id, at, actor_id, actor_name, action, from_state,"
    " to_state, note, department_id, assignee_id, related_order_id, satisfaction)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id"};
constexpr Query kHistory{
    "work_order_transitions.history",
    "SELECT t.id, t.order_id, t.at, t.actor_id, t.actor_name, t.action, t.from_state,"
    " t.to_state, t.note, t.department_id, t.assignee_id, COALESCE(u.display_name, ''),"
    " t.related_order_id, t.satisfaction FROM work_order_transitions t"
    " LEFT JOIN users u ON u.id = t.assignee_id WHERE t.order_id = $1 ORDER BY t.id"};

#undef LIFELINE_WORK_ORDER_FILTER
#undef LIFELINE_OVERDUE
#undef LIFELINE_OPEN_STATES
#undef LIFELINE_WORK_ORDER_FROM
#undef LIFELINE_WORK_ORDER_COLUMNS

std::optional<int> OptSmall(const Row& row, int column) {
  if (row.IsNull(column)) return std::nullopt;
  return static_cast<int>(row.Int(column));
}

template <class Enum>
Result<Enum> ParseColumn(const Row& row, int column, std::optional<Enum> (*parse)(std::string_view),
                         std::string_view what) {
  auto value = parse(row.Text(column));
  if (!value) return Fail(UnknownCode(what, row.Text(column)));
  return *value;
}

// Built directly: GCC 12 warns (wrongly) about a converted std::optional<std::int64_t>.
SqlArg SmallArg(const std::optional<int>& value) {
  return value ? SqlArg(static_cast<std::int64_t>(*value)) : SqlArg(nullptr);
}

std::string District(const WorkOrderFilter& filter) {
  std::string list = ",";
  for (std::int64_t id : filter.district_ids) list += std::to_string(id) + ",";
  return list;
}

Result<WorkOrderTransition> MapTransition(const Row& row) {
  WorkOrderTransition t;
  t.id = row.Int(0);
  t.order_id = row.Int(1);
  t.at = row.Int(2);
  t.actor_id = row.Int(3);
  t.actor_name = row.Str(4);
  t.action = row.Str(5);
  auto from = ParseColumn(row, 6, ParseWorkOrderState, "work order state");
  if (!from) return Fail(from.error());
  t.from_state = *from;
  auto to = ParseColumn(row, 7, ParseWorkOrderState, "work order state");
  if (!to) return Fail(to.error());
  t.to_state = *to;
  t.note = row.Str(8);
  t.department_id = row.OptInt(9);
  t.assignee_id = row.OptInt(10);
  t.assignee_name = row.Str(11);
  t.related_order_id = row.OptInt(12);
  t.satisfaction = OptSmall(row, 13);
  return t;
}

}  // namespace

Result<WorkOrder> SqlWorkOrderRepository::Map(const Row& row) const {
  WorkOrder o;
  o.id = row.Int(0);
  o.tracking_code = row.Str(1);
  auto type = ParseColumn(row, 2, ParseWorkOrderType, "work order type");
  if (!type) return Fail(type.error());
  o.type = *type;
  o.category = row.Str(3);
  auto priority = ParseColumn(row, 4, ParsePriority, "priority");
  if (!priority) return Fail(priority.error());
  o.priority = *priority;
  auto state = ParseColumn(row, 5, ParseWorkOrderState, "work order state");
  if (!state) return Fail(state.error());
  o.state = *state;
  o.title = row.Str(6);
  o.description = row.Str(7);
  o.address = row.Str(8);
  o.customer_id = row.OptInt(9);
  o.account_id = row.OptInt(10);
  o.interaction_id = row.OptInt(11);
  o.contact_name = row.Str(12);
  if (!row.IsNull(13)) {
    auto phone = cipher_.Open(row.Blob(13));
    if (!phone) return Fail(phone.error());
    o.contact_phone = std::move(*phone);
  }
  o.district_id = row.OptInt(14);
  o.department_id = row.OptInt(15);
  o.assignee_id = row.OptInt(16);
  o.assignee_name = row.Str(17);
  o.created_by = row.Int(18);
  o.created_at = row.Int(19);
  o.updated_at = row.Int(20);
  o.due_response_at = row.OptInt(21);
  o.due_arrival_at = row.OptInt(22);
  o.due_resolution_at = row.OptInt(23);
  o.responded_at = row.OptInt(24);
  o.arrived_at = row.OptInt(25);
  o.resolved_at = row.OptInt(26);
  o.closed_at = row.OptInt(27);
  o.paused_at = row.OptInt(28);
  o.parent_id = row.OptInt(29);
  o.merged_into_id = row.OptInt(30);
  o.urge_count = static_cast<int>(row.Int(31));
  o.reopen_count = static_cast<int>(row.Int(32));
  o.breached = static_cast<int>(row.Int(33));
  o.satisfaction = OptSmall(row, 34);
  if (!row.IsNull(35)) o.callback_reached = row.Bool(35);
  o.needs_review = row.Bool(36);
  o.version = row.Int(37);
  return o;
}

Result<std::int64_t> SqlWorkOrderRepository::Insert(const WorkOrder& o) {
  std::optional<std::string> sealed;
  std::optional<std::string> index;
  if (!o.contact_phone.empty()) {
    sealed = cipher_.Seal(o.contact_phone);
    auto phone = NormalizePhone(o.contact_phone);
    index = phone ? cipher_.BlindIndex(kPhoneIndexDomain, *phone)
                  : cipher_.BlindIndex("contact", o.contact_phone);
  }
  const SqlArg phone_arg = sealed ? SqlArg(BlobArg{*sealed}) : SqlArg(nullptr);
  const SqlArg satisfaction = SmallArg(o.satisfaction);
  const SqlArg reached = o.callback_reached ? SqlArg(*o.callback_reached) : SqlArg(nullptr);
  return InsertReturningId(connection_, kInsert,
                           {o.tracking_code,
                            WorkOrderTypeCode(o.type),
                            o.category,
                            PriorityCode(o.priority),
                            WorkOrderStateCode(o.state),
                            o.title,
                            o.description,
                            o.address,
                            o.customer_id,
                            o.account_id,
                            o.interaction_id,
                            o.contact_name,
                            phone_arg,
                            index,
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
                            o.paused_at,
                            o.parent_id,
                            o.merged_into_id,
                            static_cast<std::int64_t>(o.urge_count),
                            static_cast<std::int64_t>(o.reopen_count),
                            static_cast<std::int64_t>(o.breached),
                            satisfaction,
                            reached,
                            o.needs_review,
                            o.version});
}

Result<WorkOrder> SqlWorkOrderRepository::FindById(std::int64_t id) {
  return FetchOne<WorkOrder>(
      connection_, kById, {id}, [&](const Row& row) { return Map(row); }, "work order");
}

Result<WorkOrder> SqlWorkOrderRepository::FindByTrackingCode(std::string_view code) {
  return FetchOne<WorkOrder>(
      connection_, kByTrackingCode, {code}, [&](const Row& row) { return Map(row); }, "work order");
}

Status SqlWorkOrderRepository::Update(const WorkOrder& o, std::int64_t expected_version) {
  const SqlArg satisfaction = SmallArg(o.satisfaction);
  const SqlArg reached = o.callback_reached ? SqlArg(*o.callback_reached) : SqlArg(nullptr);
  auto changed = connection_.Exec(kUpdate, {o.id,
                                            PriorityCode(o.priority),
                                            WorkOrderStateCode(o.state),
                                            o.department_id,
                                            o.assignee_id,
                                            o.updated_at,
                                            o.due_response_at,
                                            o.due_arrival_at,
                                            o.due_resolution_at,
                                            o.responded_at,
                                            o.arrived_at,
                                            o.resolved_at,
                                            o.closed_at,
                                            o.paused_at,
                                            o.parent_id,
                                            o.merged_into_id,
                                            static_cast<std::int64_t>(o.urge_count),
                                            static_cast<std::int64_t>(o.reopen_count),
                                            static_cast<std::int64_t>(o.breached),
                                            satisfaction,
                                            reached,
                                            o.needs_review,
                                            o.version,
                                            expected_version});
  if (!changed) return Fail(changed.error());
  if (*changed == 0) {
    return Fail(Error::Conflict("the work order was changed by someone else; reload it"));
  }
  return Ok();
}

Result<std::int64_t> SqlWorkOrderRepository::AppendTransition(const WorkOrderTransition& t) {
  const SqlArg satisfaction = SmallArg(t.satisfaction);
  return InsertReturningId(
      connection_, kInsertTransition,
      {t.order_id, t.at, t.actor_id, t.actor_name, t.action, WorkOrderStateCode(t.from_state),
       WorkOrderStateCode(t.to_state), t.note, t.department_id, t.assignee_id, t.related_order_id,
       satisfaction});
}

Result<std::vector<WorkOrderTransition>> SqlWorkOrderRepository::History(std::int64_t order_id) {
  return FetchAll<WorkOrderTransition>(connection_, kHistory, {order_id}, MapTransition);
}

Result<WorkOrderPage> SqlWorkOrderRepository::List(const WorkOrderFilter& f) {
  const std::string_view state = f.state ? WorkOrderStateCode(*f.state) : "";
  const std::string_view priority = f.priority ? PriorityCode(*f.priority) : "";
  const std::string_view type = f.type ? WorkOrderTypeCode(*f.type) : "";
  const std::string districts = District(f);
  auto arg = [](const std::optional<std::int64_t>& v) { return v.value_or(0); };
  WorkOrderPage page;
  auto items = FetchAll<WorkOrder>(
      connection_, kList,
      {state, f.category, priority, type, arg(f.district_id), arg(f.department_id),
       arg(f.assignee_id), arg(f.customer_id), f.overdue_only ? 1 : 0, f.now, f.restricted ? 1 : 0,
       districts, f.limit, f.offset},
      [&](const Row& row) { return Map(row); });
  if (!items) return Fail(items.error());
  page.items = std::move(*items);
  Status counted =
      connection_.Each(kCount,
                       {state, f.category, priority, type, arg(f.district_id), arg(f.department_id),
                        arg(f.assignee_id), arg(f.customer_id), f.overdue_only ? 1 : 0, f.now,
                        f.restricted ? 1 : 0, districts},
                       [&](const Row& row) -> Status {
                         page.total = row.Int(0);
                         return Ok();
                       });
  if (!counted) return Fail(counted.error());
  return page;
}

Result<std::vector<WorkOrder>> SqlWorkOrderRepository::Children(std::int64_t parent_id) {
  return FetchAll<WorkOrder>(connection_, kChildren, {parent_id},
                             [&](const Row& row) { return Map(row); });
}

Result<std::vector<WorkOrder>> SqlWorkOrderRepository::NewlyOverdue(TimeMs now,
                                                                    std::int64_t limit) {
  return FetchAll<WorkOrder>(connection_, kNewlyOverdue, {now, limit},
                             [&](const Row& row) { return Map(row); });
}

}  // namespace lifeline::storage
