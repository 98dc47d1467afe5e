#include "adapters/http/api/report_json.h"

#include <cmath>

namespace lifeline::http {

namespace {

template <class T>
Json Opt(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

// Ratios to four decimals: enough for a percentage with two, and stable in tests.
Json Rate(const std::optional<double>& value) {
  if (!value) return nullptr;
  return std::round(*value * 10000.0) / 10000.0;
}

Json OnTime(std::int64_t due, std::int64_t met, const std::optional<double>& rate) {
  return {{"due", due}, {"met", met}, {"rate", Rate(rate)}};
}

Json FiguresJson(const ReportFigures& f) {
  const ReportCounters& c = f.counts;
  return {{"created", c.created},
          {"resolved", c.resolved},
          {"closed", c.closed},
          {"cancelled", c.cancelled},
          {"merged", c.merged},
          {"open_at_end", f.open_at_end},
          {"completion_rate", Rate(f.completion_rate)},
          {"on_time",
           {{"response", OnTime(c.response_due, c.response_met, f.response_on_time)},
            {"arrival", OnTime(c.arrival_due, c.arrival_met, f.arrival_on_time)},
            {"resolution", OnTime(c.resolution_due, c.resolution_met, f.resolution_on_time)}}},
          {"resolve_time",
           {{"count", c.resolved},
            {"mean_ms", Opt(f.mean_resolve_ms)},
            {"p90_ms", Opt(f.p90_resolve_ms)}}},
          {"satisfaction",
           {{"rated", c.rated},
            {"mean", Rate(f.satisfaction_mean)},
            {"satisfied", c.satisfied},
            {"satisfied_share", Rate(f.satisfied_share)},
            {"unsatisfied", c.unsatisfied}}}};
}

std::string OffsetName(TimeMs offset) {
  const TimeMs minutes = (offset < 0 ? -offset : offset) / kMinuteMs;
  std::string out = offset < 0 ? "UTC-" : "UTC+";
  const auto two = [](TimeMs v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  return out + two(minutes / 60) + ":" + two(minutes % 60);
}

}  // namespace

Json WorkOrderReportJson(const WorkOrderReport& report) {
  Json groups = Json::array();
  for (const ReportGroup& group : report.groups) {
    Json item = {{"key", group.key}, {"label", group.label}};
    item.update(FiguresJson(group.figures));
    groups.push_back(std::move(item));
  }
  Json top = Json::array();
  for (const TopCategory& c : report.top_categories) {
    const std::int64_t created = report.total.counts.created;
    top.push_back(
        {{"category", c.code},
         {"label", c.label},
         {"orders", c.orders},
         {"share", Rate(created > 0 ? std::optional<double>(static_cast<double>(c.orders) /
                                                            static_cast<double>(created))
                                    : std::nullopt)}});
  }
  Json callers = Json::array();
  for (const CallerCount& c : report.repeat_callers.top) {
    callers.push_back({{"customer_id", Opt(c.customer_id)}, {"orders", c.orders}});
  }
  const LocalDate first = ToLocalDate(report.range.from, report.utc_offset);
  const LocalDate last = ToLocalDate(report.range.to - 1, report.utc_offset);
  return {{"period", ReportPeriodCode(report.period)},
          {"from", DayCode(first)},
          {"to", DayCode(last)},
          {"from_ms", report.range.from},
          {"to_ms", report.range.to},
          {"time_zone", OffsetName(report.utc_offset)},
          {"group_by", ReportGroupByCode(report.group_by)},
          {"depth", report.category_depth},
          {"total", FiguresJson(report.total)},
          {"groups", std::move(groups)},
          {"top_categories", std::move(top)},
          {"repeat_callers",
           {{"callers", report.repeat_callers.callers},
            {"orders", report.repeat_callers.orders},
            {"top", std::move(callers)}}}};
}

Json ReportOrderPageJson(const ReportOrderPage& page, std::int64_t offset, std::int64_t limit,
                         const CategoryTree& tree) {
  Json items = Json::array();
  for (const ReportOrderRow& o : page.items) {
    items.push_back({{"id", o.id},
                     {"number", WorkOrderNumber(o.id, o.created_at)},
                     {"type", WorkOrderTypeCode(o.type)},
                     {"category", o.category},
                     {"category_path", tree.Path(o.category)},
                     {"priority", PriorityCode(o.priority)},
                     {"state", WorkOrderStateCode(o.state)},
                     {"title", o.title},
                     {"district_id", Opt(o.district_id)},
                     {"department_id", Opt(o.department_id)},
                     {"assignee_id", Opt(o.assignee_id)},
                     {"created_by", o.created_by},
                     {"customer_id", Opt(o.customer_id)},
                     {"created_at", o.created_at},
                     {"due_response_at", Opt(o.due_response_at)},
                     {"due_arrival_at", Opt(o.due_arrival_at)},
                     {"due_resolution_at", Opt(o.due_resolution_at)},
                     {"responded_at", Opt(o.responded_at)},
                     {"arrived_at", Opt(o.arrived_at)},
                     {"resolved_at", Opt(o.resolved_at)},
                     {"closed_at", Opt(o.closed_at)},
                     {"satisfaction", Opt(o.satisfaction)}});
  }
  return {{"items", std::move(items)}, {"total", page.total}, {"offset", offset}, {"limit", limit}};
}

}  // namespace lifeline::http
