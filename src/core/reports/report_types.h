// The vocabulary of work-order reports: the period a report covers, what it groups by, and the
// figures a drill-down can ask for. Stable codes for the API, parsed here once.
// Design: docs/design/reports.md.
#pragma once

#include <optional>
#include <string_view>

namespace lifeline {

enum class ReportPeriod { kDay, kWeek, kMonth, kYear, kCustom };

enum class ReportGroupBy {
  kNone,        // the total only
  kType,        // 工单类型
  kCategory,    // 分类, at a chosen depth of the code
  kDistrict,    // 区域
  kDepartment,  // 部门
  kAgent,       // 受理人 (the creator)
  kAssignee,    // 处理人
  kDay,         // trends: local calendar days
  kWeek,        // weeks from Monday
  kMonth,       // calendar months
};

// A figure a drill-down lists the orders of. Every one is a predicate on one order.
enum class ReportMetric {
  kCreated,
  kResolved,
  kClosed,
  kCancelled,
  kMerged,
  kOpen,  // open at the end of the period
  kResponseMet,
  kResponseMissed,
  kArrivalMet,
  kArrivalMissed,
  kResolutionMet,
  kResolutionMissed,
  kRated,        // a callback with a satisfaction score
  kSatisfied,    // 4–5
  kUnsatisfied,  // 1–2
};

std::string_view ReportPeriodCode(ReportPeriod period);
std::optional<ReportPeriod> ParseReportPeriod(std::string_view code);
std::string_view ReportGroupByCode(ReportGroupBy group_by);
std::optional<ReportGroupBy> ParseReportGroupBy(std::string_view code);
std::string_view ReportMetricCode(ReportMetric metric);
std::optional<ReportMetric> ParseReportMetric(std::string_view code);

bool IsPeriodGrouping(ReportGroupBy group_by);

}  // namespace lifeline
