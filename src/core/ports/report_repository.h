// Work-order reports: the aggregation the database does (GROUP BY over the orders created in a
// period) and the order lists behind each figure. The rules — periods, roll-ups, rates,
// percentiles — live in core/reports. Design: docs/design/reports.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/common/civil_time.h"
#include "core/common/error.h"
#include "core/common/function_ref.h"
#include "core/reports/report_types.h"
#include "core/workorders/work_order.h"

namespace lifeline {

// What the database groups by. Coarser groupings (a category at depth 1 or 2, weeks, months)
// are rolled up from these in core, so every statement stays one fixed, named query.
enum class ReportKey { kType, kCategory, kDistrict, kDepartment, kAgent, kAssignee, kLocalDay };

// An id filter's value that means "orders without one" (unassigned, no district).
inline constexpr std::int64_t kReportNoneId = -1;

// The orders a report reads: created in [from, to), narrowed by the filters (0 / empty: any),
// within the caller's data scope.
struct ReportScope {
  TimeMs from = 0;
  TimeMs to = 0;
  TimeMs utc_offset = kChinaUtcOffset;
  std::optional<WorkOrderType> type{};
  std::string category{};  // this code and everything under it
  std::int64_t district_id = 0;
  std::int64_t department_id = 0;
  std::int64_t assignee_id = 0;
  std::int64_t created_by = 0;
  std::int64_t customer_id = 0;
  bool restricted = false;
  std::vector<std::int64_t> district_ids{};
};

// Additive counters, so groups merge by addition (roll-ups, totals). Each is defined in
// docs/design/reports.md ("Figures"); all are measured at the end of the period.
struct ReportCounters {
  std::int64_t created = 0;
  std::int64_t resolved = 0;
  std::int64_t closed = 0;
  std::int64_t cancelled = 0;
  std::int64_t merged = 0;
  std::int64_t response_due = 0;
  std::int64_t response_met = 0;
  std::int64_t arrival_due = 0;
  std::int64_t arrival_met = 0;
  std::int64_t resolution_due = 0;
  std::int64_t resolution_met = 0;
  std::int64_t resolve_ms_sum = 0;  // over the resolved orders
  std::int64_t rated = 0;
  std::int64_t satisfaction_sum = 0;
  std::int64_t satisfied = 0;    // 4–5
  std::int64_t unsatisfied = 0;  // 1–2

  void Add(const ReportCounters& other);
};

// A group's value: a code (type, category), an id (district, department, user) or a local day
// number (days since 1970-01-01 local time). `none`: the orders without one.
struct ReportKeyValue {
  std::string code{};
  std::int64_t number = 0;
  bool none = false;
};

// One group × one resolve-time bucket: `bucket` is the histogram bucket (see
// duration_histogram.h) of the resolve time of this row's orders, none for the unresolved. The
// histogram counts `counters.resolved`, so orders resolved only after the period may share the
// row without counting in it.
struct ReportRow {
  ReportKeyValue key;
  std::optional<std::int64_t> bucket{};
  ReportCounters counters;
};

struct CategoryCount {
  std::string category;
  std::int64_t orders = 0;
};

// A caller is the recognised customer, or the contact phone when none was recognised.
struct CallerCount {
  std::optional<std::int64_t> customer_id{};
  std::int64_t orders = 0;
};

// The callers with at least two orders in a scope: how many, their orders, and the first of
// them — most orders first, then customers by id, then the unrecognised (no id to show).
struct RepeatCallerSummary {
  std::int64_t callers = 0;
  std::int64_t orders = 0;
  std::vector<CallerCount> top;
};

// One order as reports list and export it: no personal data.
struct ReportOrderRow {
  std::int64_t id = 0;
  WorkOrderType type = WorkOrderType::kRepair;
  std::string category;
  Priority priority = Priority::kNormal;
  WorkOrderState state = WorkOrderState::kAccepted;
  std::string title;
  std::optional<std::int64_t> district_id{};
  std::optional<std::int64_t> department_id{};
  std::optional<std::int64_t> assignee_id{};
  std::int64_t created_by = 0;
  std::optional<std::int64_t> customer_id{};
  TimeMs created_at = 0;
  std::optional<TimeMs> due_response_at{};
  std::optional<TimeMs> due_arrival_at{};
  std::optional<TimeMs> due_resolution_at{};
  std::optional<TimeMs> responded_at{};
  std::optional<TimeMs> arrived_at{};
  std::optional<TimeMs> resolved_at{};
  std::optional<TimeMs> closed_at{};
  std::optional<int> satisfaction{};
};

struct ReportOrderPage {
  std::vector<ReportOrderRow> items;
  std::int64_t total = 0;
};

using ReportOrderVisitor = FunctionRef<Status(const ReportOrderRow&)>;

class ReportRepository {
 public:
  virtual ~ReportRepository() = default;
  // One row per (key, resolve-time bucket) present in the scope.
  virtual Result<std::vector<ReportRow>> Aggregate(const ReportScope& scope, ReportKey key) = 0;
  // The categories with most orders, most first (ties by code).
  virtual Result<std::vector<CategoryCount>> TopCategories(const ReportScope& scope,
                                                           std::int64_t limit) = 0;
  // The callers with at least two orders in the scope, counted, and the first `top` of them.
  // Only the summary leaves the database: a year has ~50,000 such callers.
  virtual Result<RepeatCallerSummary> RepeatCallers(const ReportScope& scope, std::int64_t top) = 0;
  // The orders behind a figure (all of the scope when `metric` is none), newest first.
  virtual Result<ReportOrderPage> Orders(const ReportScope& scope,
                                         std::optional<ReportMetric> metric, std::int64_t offset,
                                         std::int64_t limit) = 0;
  // The same orders, newest first, in pages of `page` fetched by id (bounded memory).
  virtual Status EachOrder(const ReportScope& scope, std::optional<ReportMetric> metric,
                           std::int64_t page, ReportOrderVisitor visit) = 0;
};

}  // namespace lifeline
