#include "core/reports/report_types.h"

#include <array>
#include <utility>

namespace lifeline {

namespace {

template <class Enum, std::size_t N>
std::string_view CodeOf(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum v) {
  for (const auto& [value, code] : table) {
    if (value == v) return code;
  }
  return "";
}

template <class Enum, std::size_t N>
std::optional<Enum> Parse(const std::array<std::pair<Enum, std::string_view>, N>& table,
                          std::string_view code) {
  for (const auto& [value, name] : table) {
    if (name == code) return value;
  }
  return std::nullopt;
}

constexpr std::array<std::pair<ReportPeriod, std::string_view>, 5> kPeriods{{
    {ReportPeriod::kDay, "day"},
    {ReportPeriod::kWeek, "week"},
    {ReportPeriod::kMonth, "month"},
    {ReportPeriod::kYear, "year"},
    {ReportPeriod::kCustom, "custom"},
}};

constexpr std::array<std::pair<ReportGroupBy, std::string_view>, 10> kGroupings{{
    {ReportGroupBy::kNone, "none"},
    {ReportGroupBy::kType, "type"},
    {ReportGroupBy::kCategory, "category"},
    {ReportGroupBy::kDistrict, "district"},
    {ReportGroupBy::kDepartment, "department"},
    {ReportGroupBy::kAgent, "agent"},
    {ReportGroupBy::kAssignee, "assignee"},
    {ReportGroupBy::kDay, "day"},
    {ReportGroupBy::kWeek, "week"},
    {ReportGroupBy::kMonth, "month"},
}};

constexpr std::array<std::pair<ReportMetric, std::string_view>, 15> kMetrics{{
    {ReportMetric::kCreated, "created"},
    {ReportMetric::kResolved, "resolved"},
    {ReportMetric::kClosed, "closed"},
    {ReportMetric::kCancelled, "cancelled"},
    {ReportMetric::kMerged, "merged"},
    {ReportMetric::kOpen, "open"},
    {ReportMetric::kResponseMet, "response_met"},
    {ReportMetric::kResponseMissed, "response_missed"},
    {ReportMetric::kArrivalMet, "arrival_met"},
    {ReportMetric::kArrivalMissed, "arrival_missed"},
    {ReportMetric::kResolutionMet, "resolution_met"},
    {ReportMetric::kResolutionMissed, "resolution_missed"},
    {ReportMetric::kRated, "rated"},
    {ReportMetric::kSatisfied, "satisfied"},
    {ReportMetric::kUnsatisfied, "unsatisfied"},
}};

}  // namespace

std::string_view ReportPeriodCode(ReportPeriod period) {
  return CodeOf(kPeriods, period);
}
std::optional<ReportPeriod> ParseReportPeriod(std::string_view code) {
  return Parse(kPeriods, code);
}
std::string_view ReportGroupByCode(ReportGroupBy group_by) {
  return CodeOf(kGroupings, group_by);
}
std::optional<ReportGroupBy> ParseReportGroupBy(std::string_view code) {
  return Parse(kGroupings, code);
}
std::string_view ReportMetricCode(ReportMetric metric) {
  return CodeOf(kMetrics, metric);
}
std::optional<ReportMetric> ParseReportMetric(std::string_view code) {
  return Parse(kMetrics, code);
}

bool IsPeriodGrouping(ReportGroupBy group_by) {
  return group_by == ReportGroupBy::kDay || group_by == ReportGroupBy::kWeek ||
         group_by == ReportGroupBy::kMonth;
}

}  // namespace lifeline
