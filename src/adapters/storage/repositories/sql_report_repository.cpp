// The SQL of work-order reports. A statement is put together from fixed fragments: the query's
// head (one per grouping key, the top categories, the callers, the order list), the period, one
// fragment for each filter that is set and, for a drill-down, the figure's predicate. Which
// fragments are present is the statement's shape and part of its name; user values are always
// bound, never spliced in. A filter that is not set is not in the text at all, so the database
// neither evaluates "any"-conditions ($3 = '' OR …) on every row nor plans around them.
//
// Each figure is a filtered COUNT or SUM measured at the end of the period ($2), and a
// drill-down filters by the very same predicate. The resolve-time bucket is DurationBucketOf()
// (core/reports/duration_histogram.h) in SQL integer arithmetic, which both dialects share.
#include "adapters/storage/repositories/sql_report_repository.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "adapters/storage/repositories/report_row_sums.h"
#include "adapters/storage/sql_helpers.h"

namespace lifeline::storage {

namespace {

// The figures' predicates, at the end of the period $2 (docs/design/reports.md, "Figures").
#define LIFELINE_RESOLVED "w.resolved_at < $2"
#define LIFELINE_CLOSED "w.state = 'closed' AND w.closed_at < $2"
#define LIFELINE_CANCELLED "w.state = 'cancelled' AND w.closed_at < $2"
#define LIFELINE_MERGED "w.state = 'merged' AND w.closed_at < $2"
#define LIFELINE_RESPONSE_MET "w.responded_at <= w.due_response_at AND w.responded_at < $2"
#define LIFELINE_ARRIVAL_MET "w.arrived_at <= w.due_arrival_at AND w.arrived_at < $2"
#define LIFELINE_RESOLUTION_MET "w.resolved_at <= w.due_resolution_at AND w.resolved_at < $2"
#define LIFELINE_RATED "w.closed_at < $2 AND w.satisfaction IS NOT NULL"
#define LIFELINE_SATISFIED "w.closed_at < $2 AND w.satisfaction >= 4"
#define LIFELINE_UNSATISFIED "w.closed_at < $2 AND w.satisfaction <= 2"

#define LIFELINE_RESOLVE_MS "(w.resolved_at - w.created_at)"

// The bucket of the order's resolve time, whenever it was resolved: an order resolved after the
// period sits in its bucket with `resolved` 0 there, and the histogram counts `resolved`, so the
// p90 is that of the orders resolved in time. Left free of $2 so that PostgreSQL can know how
// many buckets there are (statistics on this very expression, migration 012) and hash them.
#define LIFELINE_BUCKET                                                 \
  "CASE"                                                                \
  " WHEN " LIFELINE_RESOLVE_MS " < 7200000 THEN " LIFELINE_RESOLVE_MS   \
  " / 60000"                                                            \
  " WHEN " LIFELINE_RESOLVE_MS " < 86400000 THEN " LIFELINE_RESOLVE_MS  \
  " / 600000 * 10"                                                      \
  " WHEN " LIFELINE_RESOLVE_MS " < 864000000 THEN " LIFELINE_RESOLVE_MS \
  " / 3600000 * 60"                                                     \
  " ELSE " LIFELINE_RESOLVE_MS " / 86400000 * 1440 END"

// Aggregate FILTER (WHERE …): standard SQL that both SQLite (3.30+) and PostgreSQL run, and
// cheaper per row in SQLite than SUM(CASE …).
#define LIFELINE_COUNT_IF(condition) " COUNT(*) FILTER (WHERE " condition ")"

#define LIFELINE_FIGURES \
  ", COUNT(*),"                                                               \
  LIFELINE_COUNT_IF(LIFELINE_RESOLVED) ","                                    \
  LIFELINE_COUNT_IF(LIFELINE_CLOSED) ","                                      \
  LIFELINE_COUNT_IF(LIFELINE_CANCELLED) ","                                   \
  LIFELINE_COUNT_IF(LIFELINE_MERGED) ","                                      \
  " COUNT(w.due_response_at),"                                                \
  LIFELINE_COUNT_IF(LIFELINE_RESPONSE_MET) ","                                \
  " COUNT(w.due_arrival_at),"                                                 \
  LIFELINE_COUNT_IF(LIFELINE_ARRIVAL_MET) ","                                 \
  " COUNT(w.due_resolution_at),"                                              \
  LIFELINE_COUNT_IF(LIFELINE_RESOLUTION_MET) ","                              \
  " SUM(" LIFELINE_RESOLVE_MS ") FILTER (WHERE " LIFELINE_RESOLVED "),"       \
  LIFELINE_COUNT_IF(LIFELINE_RATED) ","                                       \
  " SUM(w.satisfaction) FILTER (WHERE " LIFELINE_RATED "),"                   \
  LIFELINE_COUNT_IF(LIFELINE_SATISFIED) ","                                   \
  LIFELINE_COUNT_IF(LIFELINE_UNSATISFIED)

#define LIFELINE_AGGREGATE(key) "SELECT " key ", " LIFELINE_BUCKET LIFELINE_FIGURES

// SQLite: each order's figures as the flags of report_row_sums.h, the same predicates, added up
// in C++ (SQLite's GROUP BY would sort the whole period first).
#define LIFELINE_FLAG(condition, bit) " + CASE WHEN " condition " THEN " bit " ELSE 0 END"
// clang-format off
#define LIFELINE_ORDER_FLAGS                                    \
  "0"                                                           \
  LIFELINE_FLAG(LIFELINE_RESOLVED, "1")                         \
  LIFELINE_FLAG(LIFELINE_CLOSED, "2")                           \
  LIFELINE_FLAG(LIFELINE_CANCELLED, "4")                        \
  LIFELINE_FLAG(LIFELINE_MERGED, "8")                           \
  LIFELINE_FLAG("w.due_response_at IS NOT NULL", "16")          \
  LIFELINE_FLAG(LIFELINE_RESPONSE_MET, "32")                    \
  LIFELINE_FLAG("w.due_arrival_at IS NOT NULL", "64")           \
  LIFELINE_FLAG(LIFELINE_ARRIVAL_MET, "128")                    \
  LIFELINE_FLAG("w.due_resolution_at IS NOT NULL", "256")       \
  LIFELINE_FLAG(LIFELINE_RESOLUTION_MET, "512")                 \
  LIFELINE_FLAG(LIFELINE_RATED, "1024")                         \
  LIFELINE_FLAG(LIFELINE_SATISFIED, "2048")                     \
  LIFELINE_FLAG(LIFELINE_UNSATISFIED, "4096")
// clang-format on
#define LIFELINE_PER_ORDER(key)                                                         \
  "SELECT " key ", " LIFELINE_BUCKET ", " LIFELINE_ORDER_FLAGS ", " LIFELINE_RESOLVE_MS \
  ", w.satisfaction"

// One head per grouping key; kLocalDay's "$?" is the UTC offset of local time.
constexpr std::array<std::string_view, 7> kAggregateHeads{
    LIFELINE_AGGREGATE("w.type"),
    LIFELINE_AGGREGATE("w.category"),
    LIFELINE_AGGREGATE("w.district_id"),
    LIFELINE_AGGREGATE("w.department_id"),
    LIFELINE_AGGREGATE("w.created_by"),
    LIFELINE_AGGREGATE("w.assignee_id"),
    LIFELINE_AGGREGATE("(w.created_at + $?) / 86400000")};
constexpr std::array<std::string_view, 7> kPerOrderHeads{
    LIFELINE_PER_ORDER("w.type"),
    LIFELINE_PER_ORDER("w.category"),
    LIFELINE_PER_ORDER("w.district_id"),
    LIFELINE_PER_ORDER("w.department_id"),
    LIFELINE_PER_ORDER("w.created_by"),
    LIFELINE_PER_ORDER("w.assignee_id"),
    LIFELINE_PER_ORDER("(w.created_at + $?) / 86400000")};
constexpr std::array<std::string_view, 7> kAggregateNames{
    "reports.aggregate_type",       "reports.aggregate_category", "reports.aggregate_district",
    "reports.aggregate_department", "reports.aggregate_agent",    "reports.aggregate_assignee",
    "reports.aggregate_local_day"};

constexpr std::string_view kPeriod =
    " FROM work_orders w WHERE w.created_at >= $1 AND w.created_at < $2";

constexpr std::string_view kOrderColumns =
    "SELECT w.id, w.type, w.category, w.priority, w.state, w.title, w.district_id,"
    " w.department_id, w.assignee_id, w.created_by, w.customer_id, w.created_at,"
    " w.due_response_at, w.due_arrival_at, w.due_resolution_at, w.responded_at, w.arrived_at,"
    " w.resolved_at, w.closed_at, w.satisfaction";

// The orders behind a figure: the predicate its COUNT used (or its complement).
std::string_view MetricPredicate(ReportMetric metric) {
  switch (metric) {
    case ReportMetric::kCreated:
      return "";
    case ReportMetric::kResolved:
      return " AND " LIFELINE_RESOLVED;
    case ReportMetric::kClosed:
      return " AND " LIFELINE_CLOSED;
    case ReportMetric::kCancelled:
      return " AND " LIFELINE_CANCELLED;
    case ReportMetric::kMerged:
      return " AND " LIFELINE_MERGED;
    case ReportMetric::kOpen:
      return " AND (w.resolved_at IS NULL OR w.resolved_at >= $2)"
             " AND NOT (w.state IN ('cancelled', 'merged') AND w.closed_at < $2)";
    case ReportMetric::kResponseMet:
      return " AND " LIFELINE_RESPONSE_MET;
    case ReportMetric::kResponseMissed:
      return " AND w.due_response_at IS NOT NULL AND (w.responded_at IS NULL"
             " OR w.responded_at > w.due_response_at OR w.responded_at >= $2)";
    case ReportMetric::kArrivalMet:
      return " AND " LIFELINE_ARRIVAL_MET;
    case ReportMetric::kArrivalMissed:
      return " AND w.due_arrival_at IS NOT NULL AND (w.arrived_at IS NULL"
             " OR w.arrived_at > w.due_arrival_at OR w.arrived_at >= $2)";
    case ReportMetric::kResolutionMet:
      return " AND " LIFELINE_RESOLUTION_MET;
    case ReportMetric::kResolutionMissed:
      return " AND w.due_resolution_at IS NOT NULL AND (w.resolved_at IS NULL"
             " OR w.resolved_at > w.due_resolution_at OR w.resolved_at >= $2)";
    case ReportMetric::kRated:
      return " AND " LIFELINE_RATED;
    case ReportMetric::kSatisfied:
      return " AND " LIFELINE_SATISFIED;
    case ReportMetric::kUnsatisfied:
      return " AND " LIFELINE_UNSATISFIED;
  }
  return "";
}

#undef LIFELINE_PER_ORDER
#undef LIFELINE_ORDER_FLAGS
#undef LIFELINE_FLAG
#undef LIFELINE_AGGREGATE
#undef LIFELINE_FIGURES
#undef LIFELINE_COUNT_IF
#undef LIFELINE_BUCKET
#undef LIFELINE_RESOLVE_MS
#undef LIFELINE_UNSATISFIED
#undef LIFELINE_SATISFIED
#undef LIFELINE_RATED
#undef LIFELINE_RESOLUTION_MET
#undef LIFELINE_ARRIVAL_MET
#undef LIFELINE_RESPONSE_MET
#undef LIFELINE_MERGED
#undef LIFELINE_CANCELLED
#undef LIFELINE_CLOSED
#undef LIFELINE_RESOLVED

// One report statement being put together: fixed text, and fixed text whose "$?" marks stand
// for the next bound parameter. Every fragment with a mark adds a letter to the name, so one
// name always means one text. $1 and $2 are the period.
class ReportSql {
 public:
  ReportSql(std::string_view name, const ReportScope& scope) : name_(name) {
    args_ = {SqlArg(scope.from), SqlArg(scope.to)};
  }
  ReportSql(const ReportSql&) = delete;
  ReportSql& operator=(const ReportSql&) = delete;

  ReportSql& Text(std::string_view fixed, char shape = 0) {
    sql_ += fixed;
    if (shape != 0) name_ += shape;
    return *this;
  }

  ReportSql& Bind(std::string_view fixed, SqlArg value, char shape) {
    const std::string placeholder = "$" + std::to_string(args_.size() + 1);
    for (std::size_t at = 0;;) {
      const std::size_t mark = fixed.find("$?", at);
      sql_ += fixed.substr(at, mark - at);
      if (mark == std::string_view::npos) break;
      sql_ += placeholder;
      at = mark + 2;
    }
    args_.push_back(value);
    name_ += shape;
    return *this;
  }

  // The period and the scope's filters: one fragment per filter that is set.
  ReportSql& Scope(const ReportScope& s) {
    Text(kPeriod, '.');
    if (s.type) Bind(" AND w.type = $?", WorkOrderTypeCode(*s.type), 'T');
    if (!s.category.empty()) {
      // The code and everything under it.
      Bind(" AND (w.category = $? OR substr(w.category, 1, length($?) + 1) = $? || '.')",
           s.category, 'C');
    }
    IdOrNone("w.district_id", s.district_id, 'D', 'd');
    IdOrNone("w.department_id", s.department_id, 'P', 'p');
    IdOrNone("w.assignee_id", s.assignee_id, 'A', 'a');
    if (s.created_by != 0) Bind(" AND w.created_by = $?", s.created_by, 'U');
    if (s.customer_id != 0) Bind(" AND w.customer_id = $?", s.customer_id, 'K');
    if (s.restricted) {
      // Built once: a statement that reads the scope twice binds the same text twice, and the
      // first binding views this string.
      if (districts_.empty()) {
        districts_ = ",";
        for (std::int64_t id : s.district_ids) districts_ += std::to_string(id) + ",";
      }
      Bind(" AND (w.district_id IS NULL OR $? LIKE ('%,' || w.district_id || ',%'))", districts_,
           'R');
    }
    return *this;
  }

  ReportSql& Metric(std::optional<ReportMetric> metric) {
    if (!metric) return *this;
    name_ += '.';
    name_ += ReportMetricCode(*metric);
    return Text(MetricPredicate(*metric));
  }

  Query query() const { return {name_, sql_, /*plan_with_values=*/true}; }
  std::span<const SqlArg> args() const { return args_; }

 private:
  // An id filter: 0 any, kReportNoneId the orders without one.
  void IdOrNone(std::string_view column, std::int64_t id, char shape, char none_shape) {
    if (id == 0) return;
    if (id == kReportNoneId) {
      Text(" AND " + std::string(column) + " IS NULL", none_shape);
    } else {
      Bind(" AND " + std::string(column) + " = $?", id, shape);
    }
  }

  std::string name_;
  std::string sql_;
  std::string districts_;  // bound as text, so it lives here
  std::vector<SqlArg> args_;
};

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

}  // namespace

Result<std::vector<ReportRow>> SqlReportRepository::Aggregate(const ReportScope& scope,
                                                              ReportKey key) {
  const auto k = static_cast<std::size_t>(key);
  const bool per_order = connection_.dialect() == Dialect::kSqlite;
  const std::string_view head = per_order ? kPerOrderHeads[k] : kAggregateHeads[k];
  ReportSql sql(kAggregateNames[k], scope);
  if (per_order) sql.Text("", 'S');
  if (key == ReportKey::kLocalDay) {
    sql.Bind(head, scope.utc_offset, 'L');
  } else {
    sql.Text(head);
  }
  sql.Scope(scope);
  if (per_order) {
    ReportRowSums sums(IsTextKey(key));
    Status read = connection_.Each(sql.query(), sql.args(), [&](const Row& order) -> Status {
      sums.Add(order);
      return Ok();
    });
    if (!read) return Fail(read.error());
    return sums.Rows();
  }
  sql.Text(" GROUP BY 1, 2");
  std::vector<ReportRow> rows;
  Status read = connection_.Each(sql.query(), sql.args(), [&](const Row& row) -> Status {
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
  if (connection_.dialect() == Dialect::kSqlite) {
    ReportSql sql("reports.categories", scope);
    sql.Text("SELECT w.category").Scope(scope);
    CategoryTally tally;
    Status read = connection_.Each(sql.query(), sql.args(), [&](const Row& order) -> Status {
      tally.Add(order.Text(0));
      return Ok();
    });
    if (!read) return Fail(read.error());
    return tally.Top(limit);
  }
  ReportSql sql("reports.top_categories", scope);
  sql.Text("SELECT w.category, COUNT(*)")
      .Scope(scope)
      .Bind(" GROUP BY w.category ORDER BY COUNT(*) DESC, w.category LIMIT $?", limit, 'N');
  std::vector<CategoryCount> top;
  Status read = connection_.Each(sql.query(), sql.args(), [&](const Row& row) -> Status {
    top.push_back({row.Str(0), row.Int(1)});
    return Ok();
  });
  if (!read) return Fail(read.error());
  return top;
}

Result<RepeatCallerSummary> SqlReportRepository::RepeatCallers(const ReportScope& scope,
                                                               std::int64_t top) {
  if (connection_.dialect() == Dialect::kSqlite) {
    constexpr std::string_view kCallerKnown =
        " AND (w.customer_id IS NOT NULL OR w.contact_phone_idx IS NOT NULL)";
    ReportSql sql("reports.callers", scope);
    sql.Text("SELECT w.customer_id, w.contact_phone_idx").Scope(scope).Text(kCallerKnown);
    CallerTally tally;
    Status read = connection_.Each(sql.query(), sql.args(), [&](const Row& order) -> Status {
      tally.Add(order);
      return Ok();
    });
    if (!read) return Fail(read.error());
    return tally.Repeaters(top);
  }
  // Counted in the database, in two halves: the customers, grouped in the order of the index by
  // customer (migration 014: an index-only scan, no hash of ~260,000 customers a year), and
  // the callers known only by their phone. Each of the first `top` comes back with the number
  // of repeat callers and their orders alongside (the window runs over all of them, before the
  // LIMIT), so a year sends 20 rows, not ~130,000. No row at all: no repeat caller.
  ReportSql sql("reports.repeat_callers", scope);
  sql.Text("WITH callers AS (SELECT w.customer_id, COUNT(*) AS orders")
      .Scope(scope)
      .Text(" AND w.customer_id IS NOT NULL GROUP BY w.customer_id HAVING COUNT(*) >= 2")
      .Text(" UNION ALL SELECT NULL, COUNT(*)")
      .Scope(scope)
      .Text(
          " AND w.customer_id IS NULL AND w.contact_phone_idx IS NOT NULL"
          " GROUP BY w.contact_phone_idx HAVING COUNT(*) >= 2)"
          " SELECT customer_id, orders, COUNT(*) OVER (), (SUM(orders) OVER ())::bigint"
          " FROM callers ORDER BY orders DESC, customer_id IS NULL, customer_id")
      .Bind(" LIMIT $?", std::max<std::int64_t>(top, 1), 'N');
  RepeatCallerSummary summary;
  Status read = connection_.Each(sql.query(), sql.args(), [&](const Row& row) -> Status {
    summary.callers = row.Int(2);
    summary.orders = row.Int(3);
    if (std::ssize(summary.top) < top) summary.top.push_back({row.OptInt(0), row.Int(1)});
    return Ok();
  });
  if (!read) return Fail(read.error());
  return summary;
}

Result<ReportOrderPage> SqlReportRepository::Orders(const ReportScope& scope,
                                                    std::optional<ReportMetric> metric,
                                                    std::int64_t offset, std::int64_t limit) {
  ReportSql list("reports.orders", scope);
  list.Text(kOrderColumns)
      .Scope(scope)
      .Metric(metric)
      .Bind(" ORDER BY w.id DESC LIMIT $?", limit, 'N')
      .Bind(" OFFSET $?", offset, 'O');
  ReportOrderPage page;
  Status read = connection_.Each(list.query(), list.args(), [&](const Row& row) -> Status {
    auto order = MapOrder(row);
    if (!order) return Fail(order.error());
    page.items.push_back(std::move(*order));
    return Ok();
  });
  if (!read) return Fail(read.error());
  ReportSql count("reports.order_count", scope);
  count.Text("SELECT COUNT(*)").Scope(scope).Metric(metric);
  Status counted = connection_.Each(count.query(), count.args(), [&](const Row& row) -> Status {
    page.total = row.Int(0);
    return Ok();
  });
  if (!counted) return Fail(counted.error());
  return page;
}

Status SqlReportRepository::EachOrder(const ReportScope& scope, std::optional<ReportMetric> metric,
                                      std::int64_t page, ReportOrderVisitor visit) {
  std::int64_t before = 0;  // the last id of the previous page; 0 before the first
  for (;;) {
    ReportSql sql("reports.orders_before", scope);
    sql.Text(kOrderColumns).Scope(scope).Metric(metric);
    if (before != 0) sql.Bind(" AND w.id < $?", before, 'B');
    sql.Bind(" ORDER BY w.id DESC LIMIT $?", page, 'N');
    std::vector<ReportOrderRow> rows;
    Status read = connection_.Each(sql.query(), sql.args(), [&](const Row& row) -> Status {
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
