// A work-order report: groups with their figures, the total, top categories and repeat
// callers. Built from the database's per-(key, bucket) rows by rolling them up to the asked
// grouping and finishing the ratios. Definitions: docs/design/reports.md ("Figures").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/ports/report_repository.h"
#include "core/reports/duration_histogram.h"
#include "core/reports/report_period.h"
#include "core/reports/report_types.h"

namespace lifeline {

struct ReportFigures {
  ReportCounters counts;
  std::int64_t open_at_end = 0;              // created − resolved − cancelled − merged
  std::optional<double> completion_rate{};   // resolved / (created − cancelled − merged)
  std::optional<double> response_on_time{};  // met by the deadline / orders with that deadline
  std::optional<double> arrival_on_time{};
  std::optional<double> resolution_on_time{};
  std::optional<TimeMs> mean_resolve_ms{};  // over the resolved orders
  std::optional<TimeMs> p90_resolve_ms{};
  std::optional<double> satisfaction_mean{};  // over the rated callbacks
  std::optional<double> satisfied_share{};    // rated 4–5 / rated
};

ReportFigures FinishFigures(const ReportCounters& counts, const DurationHistogram& durations);

struct ReportGroup {
  std::string key;    // what a drill-down passes back as `group`
  std::string label;  // for people (filled in by ReportService)
  ReportFigures figures;
};

struct TopCategory {
  std::string code;
  std::string label;
  std::int64_t orders = 0;
};

struct WorkOrderReport {
  ReportPeriod period = ReportPeriod::kMonth;
  ReportGroupBy group_by = ReportGroupBy::kNone;
  int category_depth = 1;
  ReportRange range;
  TimeMs utc_offset = kChinaUtcOffset;
  std::vector<ReportGroup> groups;
  ReportFigures total;
  std::vector<TopCategory> top_categories;
  RepeatCallerSummary repeat_callers;
};

// What the database groups by for `group_by`.
ReportKey KeyFor(ReportGroupBy group_by);

// The group a database key belongs to: "repair", "water.quality" (depth 2), "17", "none",
// "2026-11-16" (a day, or the Monday of a week), "2026-11".
std::string GroupKeyOf(ReportGroupBy group_by, const ReportKeyValue& key, int category_depth);

// Rolls `rows` up to the groups of `group_by` (periods get every bucket of the range, empty
// ones too, in order; other groups most orders first) and the total.
void RollUp(WorkOrderReport& report, const std::vector<ReportRow>& rows);

}  // namespace lifeline
