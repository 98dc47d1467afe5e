#include "core/reports/work_order_report.h"

#include <algorithm>
#include <map>

namespace lifeline {

namespace {

std::optional<double> Ratio(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

// "water.quality.yellow" at depth 2 → "water.quality"; shallower codes stay whole.
std::string CategoryPrefix(const std::string& code, int depth) {
  std::size_t pos = 0;
  for (int level = 1; level <= depth; ++level) {
    pos = code.find('.', pos);
    if (pos == std::string::npos) return code;
    if (level == depth) return code.substr(0, pos);
    ++pos;
  }
  return code;
}

struct Accumulated {
  ReportCounters counts;
  DurationHistogram durations;
};

// Every bucket key of the period, in order, so trends have their empty days too.
std::vector<std::string> PeriodKeys(const WorkOrderReport& report) {
  std::vector<std::string> keys;
  const std::int64_t first = LocalDayNumber(report.range.from, report.utc_offset);
  const std::int64_t last = LocalDayNumber(report.range.to - 1, report.utc_offset);
  for (std::int64_t day = first; day <= last; ++day) {
    std::string key = GroupKeyOf(report.group_by, {.number = day}, report.category_depth);
    if (keys.empty() || keys.back() != key) keys.push_back(std::move(key));
  }
  return keys;
}

}  // namespace

void ReportCounters::Add(const ReportCounters& o) {
  created += o.created;
  resolved += o.resolved;
  closed += o.closed;
  cancelled += o.cancelled;
  merged += o.merged;
  response_due += o.response_due;
  response_met += o.response_met;
  arrival_due += o.arrival_due;
  arrival_met += o.arrival_met;
  resolution_due += o.resolution_due;
  resolution_met += o.resolution_met;
  resolve_ms_sum += o.resolve_ms_sum;
  rated += o.rated;
  satisfaction_sum += o.satisfaction_sum;
  satisfied += o.satisfied;
  unsatisfied += o.unsatisfied;
}

ReportFigures FinishFigures(const ReportCounters& c, const DurationHistogram& durations) {
  ReportFigures f;
  f.counts = c;
  f.open_at_end = c.created - c.resolved - c.cancelled - c.merged;
  f.completion_rate = Ratio(c.resolved, c.created - c.cancelled - c.merged);
  f.response_on_time = Ratio(c.response_met, c.response_due);
  f.arrival_on_time = Ratio(c.arrival_met, c.arrival_due);
  f.resolution_on_time = Ratio(c.resolution_met, c.resolution_due);
  if (c.resolved > 0) {
    // Rounded to the millisecond, half away from zero.
    f.mean_resolve_ms = (c.resolve_ms_sum + c.resolved / 2) / c.resolved;
  }
  f.p90_resolve_ms = durations.Quantile(0.9);
  f.satisfaction_mean = Ratio(c.satisfaction_sum, c.rated);
  f.satisfied_share = Ratio(c.satisfied, c.rated);
  return f;
}

ReportKey KeyFor(ReportGroupBy group_by) {
  switch (group_by) {
    case ReportGroupBy::kNone:
    case ReportGroupBy::kType:
      return ReportKey::kType;
    case ReportGroupBy::kCategory:
      return ReportKey::kCategory;
    case ReportGroupBy::kDistrict:
      return ReportKey::kDistrict;
    case ReportGroupBy::kDepartment:
      return ReportKey::kDepartment;
    case ReportGroupBy::kAgent:
      return ReportKey::kAgent;
    case ReportGroupBy::kAssignee:
      return ReportKey::kAssignee;
    case ReportGroupBy::kDay:
    case ReportGroupBy::kWeek:
    case ReportGroupBy::kMonth:
      return ReportKey::kLocalDay;
  }
  return ReportKey::kType;
}

std::string GroupKeyOf(ReportGroupBy group_by, const ReportKeyValue& key, int category_depth) {
  if (key.none) return "none";
  switch (group_by) {
    case ReportGroupBy::kNone:
      return "all";
    case ReportGroupBy::kType:
      return key.code;
    case ReportGroupBy::kCategory:
      return CategoryPrefix(key.code, category_depth);
    case ReportGroupBy::kDistrict:
    case ReportGroupBy::kDepartment:
    case ReportGroupBy::kAgent:
    case ReportGroupBy::kAssignee:
      return std::to_string(key.number);
    case ReportGroupBy::kDay:
      return DayCode(DateOfDayNumber(key.number));
    case ReportGroupBy::kWeek:
      return DayCode(WeekStart(DateOfDayNumber(key.number)));
    case ReportGroupBy::kMonth:
      return MonthCode(DateOfDayNumber(key.number));
  }
  return key.code;
}

void RollUp(WorkOrderReport& report, const std::vector<ReportRow>& rows) {
  std::map<std::string, Accumulated> groups;
  Accumulated total;
  for (const ReportRow& row : rows) {
    Accumulated& group = groups[GroupKeyOf(report.group_by, row.key, report.category_depth)];
    group.counts.Add(row.counters);
    total.counts.Add(row.counters);
    if (row.bucket) {
      group.durations.Add(*row.bucket, row.counters.resolved);
      total.durations.Add(*row.bucket, row.counters.resolved);
    }
  }
  report.total = FinishFigures(total.counts, total.durations);
  report.groups.clear();
  if (report.group_by == ReportGroupBy::kNone) return;
  if (IsPeriodGrouping(report.group_by)) {
    for (std::string& key : PeriodKeys(report)) {
      const Accumulated& group = groups[key];
      report.groups.push_back({std::move(key), {}, FinishFigures(group.counts, group.durations)});
    }
    return;
  }
  for (const auto& [key, group] : groups) {
    report.groups.push_back({key, {}, FinishFigures(group.counts, group.durations)});
  }
  std::stable_sort(report.groups.begin(), report.groups.end(),
                   [](const ReportGroup& a, const ReportGroup& b) {
                     return a.figures.counts.created > b.figures.counts.created;
                   });
}

}  // namespace lifeline
