// Reports on work orders: the figures for a period and grouping, the orders behind any figure,
// and the raw rows for export. Read-only; needs reports:read and keeps to the caller's data
// scope (a branch sees its own districts). Design: docs/design/reports.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/common/error.h"
#include "core/identity/principal.h"
#include "core/ports/clock.h"
#include "core/ports/report_repository.h"
#include "core/ports/store.h"
#include "core/reports/work_order_report.h"
#include "core/workorders/category_tree.h"

namespace lifeline {

struct ReportRequest {
  ReportPeriod period = ReportPeriod::kMonth;
  std::optional<LocalDate> from{};  // a date in the period; none: today
  std::optional<LocalDate> to{};    // the last day, for custom periods
  ReportGroupBy group_by = ReportGroupBy::kNone;
  int category_depth = 1;  // 1–3, for group_by=category
  // The filters: type, category, district/department/assignee/creator/customer ids. Its
  // period and data-scope fields are set by the service.
  ReportScope filters{};
};

// A drill-down: one group of the report (its `key`, none: every group) and one figure.
struct ReportDrill {
  std::optional<std::string> group{};
  std::optional<ReportMetric> metric{};
};

inline constexpr int kTopCategories = 10;
inline constexpr std::int64_t kTopCallers = 20;

class ReportService {
 public:
  ReportService(Store& store, const Clock& clock, const CategoryTree& tree = DefaultCategoryTree(),
                TimeMs utc_offset = kChinaUtcOffset)
      : store_(store), clock_(clock), tree_(tree), utc_offset_(utc_offset) {}

  [[nodiscard]] Result<WorkOrderReport> Run(const Principal& actor, const ReportRequest& request);
  [[nodiscard]] Result<ReportOrderPage> Drill(const Principal& actor, const ReportRequest& request,
                                              const ReportDrill& drill, std::int64_t offset,
                                              std::int64_t limit);
  // Every order of the drill, newest first, to `visit`; refused (400 naming `from`) when there
  // are more than `max_rows`, before anything is visited.
  [[nodiscard]] Status Export(const Principal& actor, const ReportRequest& request,
                              const ReportDrill& drill, std::int64_t max_rows,
                              ReportOrderVisitor visit);

  // The period as UTC bounds.
  [[nodiscard]] Result<ReportRange> RangeOf(const ReportRequest& request) const;
  const CategoryTree& categories() const { return tree_; }
  TimeMs utc_offset() const { return utc_offset_; }

 private:
  Result<ReportScope> ScopeFor(const Principal& actor, const ReportRequest& request) const;
  Status NarrowToGroup(ReportScope& scope, const ReportRequest& request,
                       const std::string& group) const;
  Status Label(StoreSession& session, WorkOrderReport& report) const;

  Store& store_;
  const Clock& clock_;
  const CategoryTree& tree_;
  TimeMs utc_offset_;
};

}  // namespace lifeline
