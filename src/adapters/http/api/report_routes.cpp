// Work-order reports: docs/design/reports.md. GET /api/v1/reports/work-orders answers the
// figures (JSON, CSV or XLSX); …/orders the orders behind one figure, or every raw row as a
// download. Handlers parse the query, call ReportService and render.
#include "adapters/http/api/api_support.h"
#include "adapters/http/api/report_export.h"
#include "adapters/http/api/report_json.h"
#include "adapters/http/api/routes.h"

namespace lifeline::http {

namespace {

// More than this in one raw export is refused (400 naming `from`): the body is built in memory.
constexpr std::int64_t kMaxExportRows = 200'000;

struct ReportQuery {
  ReportRequest request;
  std::optional<exports::TableFormat> download{};  // none: JSON
};

std::optional<std::string> Query(const RouteContext& c, std::string_view name) {
  auto value = c.request.QueryParam(name);
  if (!value || value->empty()) return std::nullopt;
  return std::string(*value);
}

Status ReadDates(const RouteContext& c, ReportRequest& r) {
  if (auto from = Query(c, "from")) {
    r.from = ParseDateCode(*from);
    if (!r.from) r.from = ParseMonthCode(*from);
    if (!r.from) return Fail(Error::Invalid("from", "from is a date, YYYY-MM-DD"));
  }
  if (auto to = Query(c, "to")) {
    r.to = ParseDateCode(*to);
    if (!r.to) return Fail(Error::Invalid("to", "to is a date, YYYY-MM-DD"));
  }
  return Ok();
}

Status ReadFilters(const RouteContext& c, ReportScope& f) {
  if (auto type = Query(c, "type")) {
    f.type = ParseWorkOrderType(*type);
    if (!f.type) return Fail(Error::Invalid("type", "unknown type: " + *type));
  }
  f.category = Query(c, "category").value_or("");
  if (f.category.size() > 100) return Fail(Error::Invalid("category", "category is too long"));
  for (auto [name, slot] :
       {std::pair{"district_id", &f.district_id}, std::pair{"department_id", &f.department_id},
        std::pair{"assignee_id", &f.assignee_id}, std::pair{"agent_id", &f.created_by},
        std::pair{"customer_id", &f.customer_id}}) {
    auto value = IntQuery(c, name, 1, INT64_MAX);
    if (!value) return Fail(value.error());
    *slot = value->value_or(0);
  }
  return Ok();
}

Result<ReportQuery> ReadReportQuery(const RouteContext& c) {
  ReportQuery q;
  ReportRequest& r = q.request;
  if (auto period = Query(c, "period")) {
    auto parsed = ParseReportPeriod(*period);
    if (!parsed)
      return Fail(Error::Invalid("period", "period is day, week, month, year or custom"));
    r.period = *parsed;
  }
  if (auto s = ReadDates(c, r); !s) return Fail(s.error());
  if (auto group_by = Query(c, "group_by")) {
    auto parsed = ParseReportGroupBy(*group_by);
    if (!parsed) return Fail(Error::Invalid("group_by", "unknown group_by: " + *group_by));
    r.group_by = *parsed;
  }
  auto depth = IntQuery(c, "depth", 1, 3);
  if (!depth) return Fail(depth.error());
  r.category_depth = static_cast<int>(depth->value_or(1));
  if (auto s = ReadFilters(c, r.filters); !s) return Fail(s.error());
  const std::string format = Query(c, "format").value_or("json");
  if (format == "csv") {
    q.download = exports::TableFormat::kCsv;
  } else if (format == "xlsx") {
    q.download = exports::TableFormat::kXlsx;
  } else if (format != "json") {
    return Fail(Error::Invalid("format", "format is json, csv or xlsx"));
  }
  return q;
}

Result<ReportDrill> ReadDrill(const RouteContext& c) {
  ReportDrill drill;
  drill.group = Query(c, "group");
  if (drill.group && drill.group->size() > 100) {
    return Fail(Error::Invalid("group", "group is too long"));
  }
  if (auto metric = Query(c, "metric")) {
    drill.metric = ParseReportMetric(*metric);
    if (!drill.metric) return Fail(Error::Invalid("metric", "unknown metric: " + *metric));
  }
  return drill;
}

// "2026-11" for a month, "2026" for a year, else the first day: for file names.
std::string StemOf(const ReportService& reports, const ReportRequest& request) {
  auto range = reports.RangeOf(request);
  if (!range) return "report";
  const LocalDate first = ToLocalDate(range->from, reports.utc_offset());
  if (request.period == ReportPeriod::kMonth) return MonthCode(first);
  if (request.period == ReportPeriod::kYear) return std::to_string(first.year);
  return DayCode(first);
}

Response ReportDownload(RouteContext& c, ReportService& reports, const ReportQuery& q) {
  auto report = reports.Run(c.user(), q.request);
  if (!report) return ProblemFor(c, report.error());
  auto writer = exports::OpenTableWriter(*q.download, "工单报表");
  if (!writer) return ProblemFor(c, writer.error());
  if (auto s = WriteReportTable(*report, **writer); !s) return ProblemFor(c, s.error());
  auto body = (*writer)->Finish();
  if (!body) return ProblemFor(c, body.error());
  const std::string stem = StemOf(reports, q.request);
  return Download(*q.download, std::move(*body), "workorder-report-" + stem, "工单报表-" + stem);
}

Response RowsDownload(RouteContext& c, ReportService& reports, const ReportQuery& q,
                      const ReportDrill& drill) {
  auto writer = exports::OpenTableWriter(*q.download, "工单明细");
  if (!writer) return ProblemFor(c, writer.error());
  exports::TableWriter& out = **writer;
  if (auto s = WriteOrderHeader(out); !s) return ProblemFor(c, s.error());
  const CategoryTree& tree = reports.categories();
  const TimeMs offset = reports.utc_offset();
  Status exported = reports.Export(
      c.user(), q.request, drill, kMaxExportRows,
      [&](const ReportOrderRow& order) { return WriteOrderRow(order, tree, offset, out); });
  if (!exported) return ProblemFor(c, exported.error());
  auto body = out.Finish();
  if (!body) return ProblemFor(c, body.error());
  const std::string stem = StemOf(reports, q.request);
  return Download(*q.download, std::move(*body), "workorder-rows-" + stem, "工单明细-" + stem);
}

}  // namespace

void AddReportRoutes(Router& router, ApiDependencies& deps) {
  if (deps.reports == nullptr) return;
  ReportService& reports = *deps.reports;
  const auto authed = RouteAccess::kAuthenticated;
  const auto worker = RouteExecution::kWorker;
  router.Add(Method::kGet, "/api/v1/reports/work-orders", authed, worker,
             [&reports](RouteContext& c) {
               auto q = ReadReportQuery(c);
               if (!q) return ProblemFor(c, q.error());
               if (q->download) return ReportDownload(c, reports, *q);
               return Reply(c, reports.Run(c.user(), q->request), WorkOrderReportJson);
             });
  router.Add(Method::kGet, "/api/v1/reports/work-orders/orders", authed, worker,
             [&reports](RouteContext& c) {
               auto q = ReadReportQuery(c);
               if (!q) return ProblemFor(c, q.error());
               auto drill = ReadDrill(c);
               if (!drill) return ProblemFor(c, drill.error());
               if (q->download) return RowsDownload(c, reports, *q, *drill);
               auto offset = IntQuery(c, "offset", 0, 10'000'000);
               if (!offset) return ProblemFor(c, offset.error());
               auto limit = IntQuery(c, "limit", 1, 500);
               if (!limit) return ProblemFor(c, limit.error());
               const std::int64_t at = offset->value_or(0);
               const std::int64_t count = limit->value_or(50);
               return Reply(c, reports.Drill(c.user(), q->request, *drill, at, count),
                            [&](const ReportOrderPage& page) {
                              return ReportOrderPageJson(page, at, count, reports.categories());
                            });
             });
}

}  // namespace lifeline::http
