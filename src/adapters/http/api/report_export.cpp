#include "adapters/http/api/report_export.h"

#include <array>
#include <cstdio>

#include "core/reports/report_labels.h"

namespace lifeline::http {

namespace {

using exports::Cell;

Cell Number(const std::optional<double>& value, double scale = 1.0) {
  if (!value) return std::monostate{};
  return *value * scale;
}

Cell Hours(const std::optional<TimeMs>& ms) {
  if (!ms) return std::monostate{};
  return static_cast<double>(*ms) / static_cast<double>(kHourMs);
}

Cell Id(const std::optional<std::int64_t>& id) {
  if (!id) return std::monostate{};
  return *id;
}

// "2026-11-16 08:30" in local time.
Cell LocalTime(const std::optional<TimeMs>& at, TimeMs utc_offset) {
  if (!at) return std::monostate{};
  const LocalDate date = ToLocalDate(*at, utc_offset);
  const TimeMs local = *at + utc_offset;
  const TimeMs in_day = ((local % kDayMs) + kDayMs) % kDayMs;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d %02d:%02d", date.year, date.month, date.day,
                static_cast<int>(in_day / kHourMs), static_cast<int>(in_day % kHourMs / kMinuteMs));
  return std::string(buffer);
}

Status FiguresRow(std::string key, std::string label, const ReportFigures& f,
                  exports::TableWriter& out) {
  const ReportCounters& c = f.counts;
  const std::array<Cell, 18> cells{std::move(key),
                                   std::move(label),
                                   c.created,
                                   c.resolved,
                                   c.closed,
                                   c.cancelled,
                                   c.merged,
                                   f.open_at_end,
                                   Number(f.completion_rate, 100),
                                   Number(f.response_on_time, 100),
                                   Number(f.arrival_on_time, 100),
                                   Number(f.resolution_on_time, 100),
                                   Hours(f.mean_resolve_ms),
                                   Hours(f.p90_resolve_ms),
                                   c.rated,
                                   Number(f.satisfaction_mean),
                                   Number(f.satisfied_share, 100),
                                   c.unsatisfied};
  return out.Row(cells);
}

}  // namespace

Status WriteReportTable(const WorkOrderReport& report, exports::TableWriter& out) {
  const std::array<Cell, 18> header{std::string("分组"),
                                    std::string("名称"),
                                    std::string("受理量"),
                                    std::string("已处理"),
                                    std::string("已办结"),
                                    std::string("已撤销"),
                                    std::string("已合并"),
                                    std::string("期末未结"),
                                    std::string("处理率(%)"),
                                    std::string("响应及时率(%)"),
                                    std::string("到场及时率(%)"),
                                    std::string("处理及时率(%)"),
                                    std::string("平均处理时长(小时)"),
                                    std::string("P90处理时长(小时)"),
                                    std::string("回访评价数"),
                                    std::string("平均满意度"),
                                    std::string("满意率(%)"),
                                    std::string("不满意数")};
  if (auto s = out.Row(header); !s) return s;
  for (const ReportGroup& group : report.groups) {
    if (auto s = FiguresRow(group.key, group.label, group.figures, out); !s) return s;
  }
  return FiguresRow("all", "合计", report.total, out);
}

Status WriteOrderHeader(exports::TableWriter& out) {
  const std::array<Cell, 20> header{
      std::string("工单号"),   std::string("类型"),     std::string("分类"),
      std::string("优先级"),   std::string("状态"),     std::string("标题"),
      std::string("区域ID"),   std::string("部门ID"),   std::string("处理人ID"),
      std::string("受理人ID"), std::string("客户ID"),   std::string("受理时间"),
      std::string("响应时限"), std::string("到场时限"), std::string("处理时限"),
      std::string("响应时间"), std::string("到场时间"), std::string("处理完成时间"),
      std::string("办结时间"), std::string("满意度")};
  return out.Row(header);
}

Status WriteOrderRow(const ReportOrderRow& o, const CategoryTree& tree, TimeMs utc_offset,
                     exports::TableWriter& out) {
  const std::array<Cell, 20> cells{
      WorkOrderNumber(o.id, o.created_at),
      std::string(WorkOrderTypeLabel(o.type)),
      tree.Path(o.category),
      std::string(PriorityLabel(o.priority)),
      std::string(WorkOrderStateName(o.state)),
      o.title,
      Id(o.district_id),
      Id(o.department_id),
      Id(o.assignee_id),
      o.created_by,
      Id(o.customer_id),
      LocalTime(o.created_at, utc_offset),
      LocalTime(o.due_response_at, utc_offset),
      LocalTime(o.due_arrival_at, utc_offset),
      LocalTime(o.due_resolution_at, utc_offset),
      LocalTime(o.responded_at, utc_offset),
      LocalTime(o.arrived_at, utc_offset),
      LocalTime(o.resolved_at, utc_offset),
      LocalTime(o.closed_at, utc_offset),
      o.satisfaction ? Cell(static_cast<std::int64_t>(*o.satisfaction)) : Cell(std::monostate{})};
  return out.Row(cells);
}

Response Download(exports::TableFormat format, std::string body, std::string_view ascii_stem,
                  std::string_view utf8_stem) {
  const std::string extension(exports::ExtensionOf(format));
  Response response;
  response.status = 200;
  response.content_type = std::string(exports::ContentTypeOf(format));
  response.body = std::move(body);
  response.headers.emplace_back(
      "Content-Disposition",
      exports::AttachmentDisposition(std::string(ascii_stem) + "." + extension,
                                     std::string(utf8_stem) + "." + extension));
  return response;
}

}  // namespace lifeline::http
