// The SQL of work-order reports. Every statement filters the same way ($1–$11, below) and is
// a fixed text: the grouping key picks one of seven statements, it is never spliced in. Each
// figure is a filtered COUNT or SUM measured at the end of the period ($2); the resolve-time bucket
// is DurationBucketOf() (core/reports/duration_histogram.h) written in SQL integer arithmetic,
// which both dialects share.
#include "adapters/storage/repositories/sql_report_repository.h"

#include <array>
#include <string>

#include "adapters/storage/sql_helpers.h"

namespace lifeline::storage {

namespace {

// $1 from, $2 to, $3 type, $4 category (and below), $5 district, $6 department, $7 assignee,
// $8 creator, $9 customer ('' / 0: any; -1: none), $10 restricted, $11 ",3,7," districts.
#define LIFELINE_REPORT_FILTER                                                             \
  " FROM work_orders w WHERE w.created_at >= $1 AND w.created_at < $2"                     \
  " AND ($3 = '' OR w.type = $3)"                                                          \
  " AND ($4 = '' OR w.category = $4 OR substr(w.category, 1, length($4) + 1) = $4 || '.')" \
  " AND ($5 = 0 OR w.district_id = $5 OR ($5 = -1 AND w.district_id IS NULL))"             \
  " AND ($6 = 0 OR w.department_id = $6 OR ($6 = -1 AND w.department_id IS NULL))"         \
  " AND ($7 = 0 OR w.assignee_id = $7 OR ($7 = -1 AND w.assignee_id IS NULL))"             \
  " AND ($8 = 0 OR w.created_by = $8)"                                                     \
  " AND ($9 = 0 OR w.customer_id = $9)"                                                    \
  " AND ($10 = 0 OR w.district_id IS NULL OR $11 LIKE ('%,' || w.district_id || ',%'))"

#define LIFELINE_RESOLVE_MS "(w.resolved_at - w.created_at)"

#define LIFELINE_BUCKET                                                 \
  "CASE WHEN w.resolved_at < $2 THEN CASE"                              \
  " WHEN " LIFELINE_RESOLVE_MS " < 7200000 THEN " LIFELINE_RESOLVE_MS   \
  " / 60000"                                                            \
  " WHEN " LIFELINE_RESOLVE_MS " < 86400000 THEN " LIFELINE_RESOLVE_MS  \
  " / 600000 * 10"                                                      \
  " WHEN " LIFELINE_RESOLVE_MS " < 864000000 THEN " LIFELINE_RESOLVE_MS \
  " / 3600000 * 60"                                                     \
  " ELSE " LIFELINE_RESOLVE_MS " / 86400000 * 1440 END END"

// Aggregate FILTER (WHERE …): standard SQL that both SQLite (3.30+) and PostgreSQL run, and
// cheaper per row in SQLite than SUM(CASE …).
#define LIFELINE_COUNT_IF(condition) " COUNT(*) FILTER (WHERE " condition ")"

#define LIFELINE_FIGURES \
  ", COUNT(*),"                                                                          \
  LIFELINE_COUNT_IF("w.resolved_at < $2") ","                                            \
  LIFELINE_COUNT_IF("w.state = 'closed' AND w.closed_at < $2") ","                       \
  LIFELINE_COUNT_IF("w.state = 'cancelled' AND w.closed_at < $2") ","                    \
  LIFELINE_COUNT_IF("w.state = 'merged' AND w.closed_at < $2") ","                       \
  " COUNT(w.due_response_at),"                                                           \
  LIFELINE_COUNT_IF("w.responded_at <= w.due_response_at AND w.responded_at < $2") ","   \
  " COUNT(w.due_arrival_at),"                                                            \
  LIFELINE_COUNT_IF("w.arrived_at <= w.due_arrival_at AND w.arrived_at < $2") ","        \
  " COUNT(w.due_resolution_at),"                                                         \
  LIFELINE_COUNT_IF("w.resolved_at <= w.due_resolution_at AND w.resolved_at < $2") ","   \
  " SUM(" LIFELINE_RESOLVE_MS ") FILTER (WHERE w.resolved_at < $2),"                     \
  " COUNT(w.satisfaction) FILTER (WHERE w.closed_at < $2),"                              \
  " SUM(w.satisfaction) FILTER (WHERE w.closed_at < $2),"                                \
  LIFELINE_COUNT_IF("w.closed_at < $2 AND w.satisfaction >= 4") ","                      \
  LIFELINE_COUNT_IF("w.closed_at < $2 AND w.satisfaction <= 2")

#define LIFELINE_AGGREGATE(name, key)                                              \
  Query {                                                                          \
    "reports.aggregate_" name,                                                     \
        "SELECT " key ", " LIFELINE_BUCKET LIFELINE_FIGURES LIFELINE_REPORT_FILTER \
        " GROUP BY 1, 2"                                                           \
  }

// $12: one figure (docs/design/reports.md), '' for every order of the scope.
#define LIFELINE_METRIC                                                                        \
  " AND ($12 = '' OR $12 = 'created'"                                                          \
  " OR ($12 = 'resolved' AND w.resolved_at < $2)"                                              \
  " OR ($12 = 'closed' AND w.state = 'closed' AND w.closed_at < $2)"                           \
  " OR ($12 = 'cancelled' AND w.state = 'cancelled' AND w.closed_at < $2)"                     \
  " OR ($12 = 'merged' AND w.state = 'merged' AND w.closed_at < $2)"                           \
  " OR ($12 = 'open' AND (w.resolved_at IS NULL OR w.resolved_at >= $2)"                       \
  "  AND NOT (w.state IN ('cancelled', 'merged') AND w.closed_at < $2))"                       \
  " OR ($12 = 'response_met' AND w.responded_at <= w.due_response_at"                          \
  "  AND w.responded_at < $2)"                                                                 \
  " OR ($12 = 'response_missed' AND w.due_response_at IS NOT NULL AND (w.responded_at IS NULL" \
  "  OR w.responded_at > w.due_response_at OR w.responded_at >= $2))"                          \
  " OR ($12 = 'arrival_met' AND w.arrived_at <= w.due_arrival_at AND w.arrived_at < $2)"       \
  " OR ($12 = 'arrival_missed' AND w.due_arrival_at IS NOT NULL AND (w.arrived_at IS NULL"     \
  "  OR w.arrived_at > w.due_arrival_at OR w.arrived_at >= $2))"                               \
  " OR ($12 = 'resolution_met' AND w.resolved_at <= w.due_resolution_at"                       \
  "  AND w.resolved_at < $2)"                                                                  \
  " OR ($12 = 'resolution_missed' AND w.due_resolution_at IS NOT NULL"                         \
  "  AND (w.resolved_at IS NULL OR w.resolved_at > w.due_resolution_at"                        \
  "  OR w.resolved_at >= $2))"                                                                 \
  " OR ($12 = 'rated' AND w.closed_at < $2 AND w.satisfaction IS NOT NULL)"                    \
  " OR ($12 = 'satisfied' AND w.closed_at < $2 AND w.satisfaction >= 4)"                       \
  " OR ($12 = 'unsatisfied' AND w.closed_at < $2 AND w.satisfaction <= 2))"

#define LIFELINE_ORDER_COLUMNS                                                               \
  "SELECT w.id, w.type, w.category, w.priority, w.state, w.title, w.district_id,"            \
  " w.department_id, w.assignee_id, w.created_by, w.customer_id, w.created_at,"              \
  " w.due_response_at, w.due_arrival_at, w.due_resolution_at, w.responded_at, w.arrived_at," \
  " w.resolved_at, w.closed_at, w.satisfaction"

constexpr Query kByType = LIFELINE_AGGREGATE("type", "w.type");
constexpr Query kByCategory = LIFELINE_AGGREGATE("category", "w.category");
constexpr Query kByDistrict = LIFELINE_AGGREGATE("district", "w.district_id");
constexpr Query kByDepartment = LIFELINE_AGGREGATE("department", "w.department_id");
constexpr Query kByAgent = LIFELINE_AGGREGATE("agent", "w.created_by");
constexpr Query kByAssignee = LIFELINE_AGGREGATE("assignee", "w.assignee_id");
// $12: the UTC offset of local time.
constexpr Query kByLocalDay = LIFELINE_AGGREGATE("local_day", "(w.created_at + $12) / 86400000");

constexpr Query kTopCategories{"reports.top_categories",
                               "SELECT w.category, COUNT(*)" LIFELINE_REPORT_FILTER
                               " GROUP BY w.category ORDER BY COUNT(*) DESC, w.category"
                               " LIMIT $12"};
constexpr Query kRepeatCallers{
    "reports.repeat_callers",
    "SELECT w.customer_id, COUNT(*)" LIFELINE_REPORT_FILTER
    " AND (w.customer_id IS NOT NULL OR w.contact_phone_idx IS NOT NULL)"
    " GROUP BY w.customer_id, CASE WHEN w.customer_id IS NULL THEN w.contact_phone_idx END"
    " HAVING COUNT(*) >= 2 ORDER BY COUNT(*) DESC, w.customer_id IS NULL, w.customer_id"};
constexpr Query kOrders{"reports.orders",
                        LIFELINE_ORDER_COLUMNS LIFELINE_REPORT_FILTER LIFELINE_METRIC
                        " ORDER BY w.id DESC LIMIT $13 OFFSET $14"};
constexpr Query kOrderCount{"reports.order_count",
                            "SELECT COUNT(*)" LIFELINE_REPORT_FILTER LIFELINE_METRIC};
constexpr Query kOrdersBefore{"reports.orders_before",
                              LIFELINE_ORDER_COLUMNS LIFELINE_REPORT_FILTER LIFELINE_METRIC
                              " AND ($13 = 0 OR w.id < $13) ORDER BY w.id DESC LIMIT $14"};

#undef LIFELINE_ORDER_COLUMNS
#undef LIFELINE_METRIC
#undef LIFELINE_AGGREGATE
#undef LIFELINE_FIGURES
#undef LIFELINE_COUNT_IF
#undef LIFELINE_BUCKET
#undef LIFELINE_RESOLVE_MS
#undef LIFELINE_REPORT_FILTER

// The filter's eleven arguments; the strings they borrow live in this object.
class FilterArgs {
 public:
  explicit FilterArgs(const ReportScope& s)
      : type_(s.type ? std::string(WorkOrderTypeCode(*s.type)) : std::string()),
        category_(s.category),
        districts_(DistrictList(s)) {
    args_ = {SqlArg(s.from),        SqlArg(s.to),          SqlArg(type_),
             SqlArg(category_),     SqlArg(s.district_id), SqlArg(s.department_id),
             SqlArg(s.assignee_id), SqlArg(s.created_by),  SqlArg(s.customer_id),
             SqlArg(s.restricted),  SqlArg(districts_)};
  }
  FilterArgs(const FilterArgs&) = delete;
  FilterArgs& operator=(const FilterArgs&) = delete;

  // The filter's arguments followed by `more`.
  std::vector<SqlArg> With(std::initializer_list<SqlArg> more) const {
    std::vector<SqlArg> all(args_.begin(), args_.end());
    all.insert(all.end(), more.begin(), more.end());
    return all;
  }

 private:
  static std::string DistrictList(const ReportScope& s) {
    std::string list = ",";
    for (std::int64_t id : s.district_ids) list += std::to_string(id) + ",";
    return list;
  }

  std::string type_;
  std::string category_;
  std::string districts_;
  std::vector<SqlArg> args_;
};

const Query& AggregateQuery(ReportKey key) {
  switch (key) {
    case ReportKey::kType:
      return kByType;
    case ReportKey::kCategory:
      return kByCategory;
    case ReportKey::kDistrict:
      return kByDistrict;
    case ReportKey::kDepartment:
      return kByDepartment;
    case ReportKey::kAgent:
      return kByAgent;
    case ReportKey::kAssignee:
      return kByAssignee;
    case ReportKey::kLocalDay:
      return kByLocalDay;
  }
  return kByType;
}

bool IsTextKey(ReportKey key) {
  return key == ReportKey::kType || key == ReportKey::kCategory;
}

ReportCounters CountersOf(const Row& row) {
  ReportCounters c;
  std::array<std::int64_t*, 16> slots{
      &c.created,     &c.resolved,         &c.closed,         &c.cancelled,
      &c.merged,      &c.response_due,     &c.response_met,   &c.arrival_due,
      &c.arrival_met, &c.resolution_due,   &c.resolution_met, &c.resolve_ms_sum,
      &c.rated,       &c.satisfaction_sum, &c.satisfied,      &c.unsatisfied};
  for (std::size_t i = 0; i < slots.size(); ++i) {
    const int column = static_cast<int>(i) + 2;
    *slots[i] = row.IsNull(column) ? 0 : row.Int(column);
  }
  return c;
}

template <class Enum>
Result<Enum> Code(const Row& row, int column, std::optional<Enum> (*parse)(std::string_view),
                  std::string_view what) {
  auto value = parse(row.Text(column));
  if (!value) return Fail(UnknownCode(what, row.Text(column)));
  return *value;
}

Result<ReportOrderRow> MapOrder(const Row& row) {
  ReportOrderRow o;
  o.id = row.Int(0);
  auto type = Code(row, 1, ParseWorkOrderType, "work order type");
  if (!type) return Fail(type.error());
  o.type = *type;
  o.category = row.Str(2);
  auto priority = Code(row, 3, ParsePriority, "priority");
  if (!priority) return Fail(priority.error());
  o.priority = *priority;
  auto state = Code(row, 4, ParseWorkOrderState, "work order state");
  if (!state) return Fail(state.error());
  o.state = *state;
  o.title = row.Str(5);
  o.district_id = row.OptInt(6);
  o.department_id = row.OptInt(7);
  o.assignee_id = row.OptInt(8);
  o.created_by = row.Int(9);
  o.customer_id = row.OptInt(10);
  o.created_at = row.Int(11);
  o.due_response_at = row.OptInt(12);
  o.due_arrival_at = row.OptInt(13);
  o.due_resolution_at = row.OptInt(14);
  o.responded_at = row.OptInt(15);
  o.arrived_at = row.OptInt(16);
  o.resolved_at = row.OptInt(17);
  o.closed_at = row.OptInt(18);
  if (!row.IsNull(19)) o.satisfaction = static_cast<int>(row.Int(19));
  return o;
}

std::string MetricCode(std::optional<ReportMetric> metric) {
  return metric ? std::string(ReportMetricCode(*metric)) : std::string();
}

}  // namespace

Result<std::vector<ReportRow>> SqlReportRepository::Aggregate(const ReportScope& scope,
                                                              ReportKey key) {
  FilterArgs filter(scope);
  const std::vector<SqlArg> args =
      key == ReportKey::kLocalDay ? filter.With({scope.utc_offset}) : filter.With({});
  std::vector<ReportRow> rows;
  Status read = connection_.Each(AggregateQuery(key), args, [&](const Row& row) -> Status {
    ReportRow out;
    if (row.IsNull(0)) {
      out.key.none = true;
    } else if (IsTextKey(key)) {
      out.key.code = row.Str(0);
    } else {
      out.key.number = row.Int(0);
    }
    out.bucket = row.OptInt(1);
    out.counters = CountersOf(row);
    rows.push_back(std::move(out));
    return Ok();
  });
  if (!read) return Fail(read.error());
  return rows;
}

Result<std::vector<CategoryCount>> SqlReportRepository::TopCategories(const ReportScope& scope,
                                                                      std::int64_t limit) {
  FilterArgs filter(scope);
  std::vector<CategoryCount> top;
  Status read =
      connection_.Each(kTopCategories, filter.With({limit}), [&](const Row& row) -> Status {
        top.push_back({row.Str(0), row.Int(1)});
        return Ok();
      });
  if (!read) return Fail(read.error());
  return top;
}

Result<std::vector<CallerCount>> SqlReportRepository::RepeatCallers(const ReportScope& scope) {
  FilterArgs filter(scope);
  std::vector<CallerCount> callers;
  Status read = connection_.Each(kRepeatCallers, filter.With({}), [&](const Row& row) -> Status {
    callers.push_back({row.OptInt(0), row.Int(1)});
    return Ok();
  });
  if (!read) return Fail(read.error());
  return callers;
}

Result<ReportOrderPage> SqlReportRepository::Orders(const ReportScope& scope,
                                                    std::optional<ReportMetric> metric,
                                                    std::int64_t offset, std::int64_t limit) {
  FilterArgs filter(scope);
  const std::string code = MetricCode(metric);
  ReportOrderPage page;
  Status read =
      connection_.Each(kOrders, filter.With({code, limit, offset}), [&](const Row& row) -> Status {
        auto order = MapOrder(row);
        if (!order) return Fail(order.error());
        page.items.push_back(std::move(*order));
        return Ok();
      });
  if (!read) return Fail(read.error());
  Status counted =
      connection_.Each(kOrderCount, filter.With({code}), [&](const Row& row) -> Status {
        page.total = row.Int(0);
        return Ok();
      });
  if (!counted) return Fail(counted.error());
  return page;
}

Status SqlReportRepository::EachOrder(const ReportScope& scope, std::optional<ReportMetric> metric,
                                      std::int64_t page, ReportOrderVisitor visit) {
  FilterArgs filter(scope);
  const std::string code = MetricCode(metric);
  std::int64_t before = 0;
  for (;;) {
    std::vector<ReportOrderRow> rows;
    Status read = connection_.Each(kOrdersBefore, filter.With({code, before, page}),
                                   [&](const Row& row) -> Status {
                                     auto order = MapOrder(row);
                                     if (!order) return Fail(order.error());
                                     rows.push_back(std::move(*order));
                                     return Ok();
                                   });
    if (!read) return read;
    for (const ReportOrderRow& order : rows) {
      if (auto s = visit(order); !s) return s;
    }
    if (static_cast<std::int64_t>(rows.size()) < page) return Ok();
    before = rows.back().id;
  }
}

}  // namespace lifeline::storage
