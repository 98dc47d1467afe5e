// Work-order reports through the API on both backends, over the demo city's orders of the last
// month: the figures agree with the orders they drill down to, the downloads are what Excel
// expects, and refusals name the permission or the parameter.
#include <gmock/gmock.h>

#include <chrono>
#include <cstdio>

#include "tests/integration/served_city.h"

namespace lifeline::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

// A local (UTC+8) date `days` ago, YYYY-MM-DD.
std::string DaysAgo(int days) {
  using namespace std::chrono;
  const auto local = system_clock::now() + hours(8) - days * 24h;
  const year_month_day ymd{floor<std::chrono::days>(local)};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buffer;
}

class ReportApi : public CityTest {
 protected:
  std::string Period() const { return "period=custom&from=" + DaysAgo(45) + "&to=" + DaysAgo(0); }
  nlohmann::json Report(const std::string& query, const std::string& token) {
    HttpReply reply = http().Get("/api/v1/reports/work-orders?" + query, token);
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.Json();
  }
  std::int64_t DrillTotal(const std::string& query, const std::string& token) {
    HttpReply reply = http().Get("/api/v1/reports/work-orders/orders?" + query, token);
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.Json()["total"].get<std::int64_t>();
  }
};

TEST_P(ReportApi, FiguresAgreeWithTheOrdersBehindThem) {
  const std::string manager = LoginAs("manager01");
  const nlohmann::json report = Report(Period() + "&group_by=district", manager);
  const nlohmann::json& total = report["total"];
  ASSERT_GT(total["created"].get<int>(), 100) << "the demo city has a month of orders";
  EXPECT_EQ(report["time_zone"], "UTC+08:00");
  std::int64_t sum = 0;
  for (const auto& group : report["groups"]) {
    sum += group["created"].get<std::int64_t>();
    EXPECT_FALSE(group["label"].get<std::string>().empty());
  }
  EXPECT_EQ(sum, total["created"].get<std::int64_t>());
  EXPECT_EQ(DrillTotal(Period(), manager), total["created"].get<std::int64_t>());
  EXPECT_EQ(DrillTotal(Period() + "&metric=resolved", manager),
            total["resolved"].get<std::int64_t>());
  EXPECT_EQ(DrillTotal(Period() + "&metric=open", manager),
            total["open_at_end"].get<std::int64_t>());
  EXPECT_EQ(DrillTotal(Period() + "&metric=response_met", manager),
            total["on_time"]["response"]["met"].get<std::int64_t>());
  const nlohmann::json& first = report["groups"][0];
  const std::string group = first["key"];
  EXPECT_EQ(DrillTotal(Period() + "&group_by=district&group=" + group + "&metric=closed", manager),
            first["closed"].get<std::int64_t>());
  EXPECT_TRUE(total["resolve_time"]["p90_ms"].is_number());
  EXPECT_TRUE(total["satisfaction"]["mean"].is_number());
}

TEST_P(ReportApi, TrendsHaveEveryDayAndCategoriesTheirPaths) {
  const std::string manager = LoginAs("manager01");
  const nlohmann::json days = Report(Period() + "&group_by=day", manager);
  EXPECT_EQ(days["groups"].size(), 46u);
  const nlohmann::json categories = Report(Period() + "&group_by=category&depth=2", manager);
  ASSERT_FALSE(categories["groups"].empty());
  EXPECT_THAT(categories["groups"][0]["label"].get<std::string>(), HasSubstr(" › "));
  ASSERT_FALSE(categories["top_categories"].empty());
}

TEST_P(ReportApi, CsvAndXlsxDownloadsWithChineseNames) {
  const std::string manager = LoginAs("manager01");
  HttpReply csv =
      http().Get("/api/v1/reports/work-orders?" + Period() + "&group_by=type&format=csv", manager);
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_THAT(csv.Header("content-disposition"), HasSubstr("filename*=UTF-8''%E5%B7%A5%E5%8D%95"));
  EXPECT_THAT(csv.body, StartsWith("\xEF\xBB\xBF分组,名称,受理量"));
  EXPECT_THAT(csv.body, HasSubstr("\r\nall,合计,"));
  HttpReply xlsx = http().Get("/api/v1/reports/work-orders?" + Period() + "&format=xlsx", manager);
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.Header("content-type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(xlsx.body.substr(0, 4), std::string("PK\x03\x04", 4));
  EXPECT_THAT(xlsx.Header("content-disposition"), HasSubstr(".xlsx"));
}

TEST_P(ReportApi, RawRowsExportOneLinePerOrder) {
  const std::string manager = LoginAs("manager01");
  const std::int64_t total = DrillTotal(Period(), manager);
  HttpReply rows =
      http().Get("/api/v1/reports/work-orders/orders?" + Period() + "&format=csv", manager);
  ASSERT_EQ(rows.status, 200) << rows.body;
  std::int64_t lines = 0;
  for (std::size_t at = rows.body.find("\r\n"); at != std::string::npos;
       at = rows.body.find("\r\n", at + 2)) {
    ++lines;
  }
  EXPECT_EQ(lines, total + 1) << "a header and one line per order";
  EXPECT_THAT(rows.body, StartsWith("\xEF\xBB\xBF工单号,类型,分类"));
  EXPECT_THAT(rows.body, HasSubstr("GD-"));
  HttpReply xlsx = http().Get(
      "/api/v1/reports/work-orders/orders?" + Period() + "&metric=closed&format=xlsx", manager);
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
}

TEST_P(ReportApi, WithoutReportsReadItIs403) {
  const std::string agent = LoginAs("agent01");
  HttpReply refused = http().Get("/api/v1/reports/work-orders?period=month", agent);
  EXPECT_EQ(refused.status, 403);
  EXPECT_THAT(refused.body, HasSubstr("reports:read"));
  HttpReply drill = http().Get("/api/v1/reports/work-orders/orders?period=month", agent);
  EXPECT_EQ(drill.status, 403);
  EXPECT_EQ(http().Get("/api/v1/reports/work-orders").status, 401);
  EXPECT_EQ(http().Get("/api/v1/reports/work-orders", LoginAs("auditor01")).status, 200);
}

TEST_P(ReportApi, BadParametersAreNamed) {
  const std::string manager = LoginAs("manager01");
  const std::vector<std::pair<std::string, std::string>> cases{
      {"/api/v1/reports/work-orders?period=fortnight", "period"},
      {"/api/v1/reports/work-orders?from=2026-13-01", "from"},
      {"/api/v1/reports/work-orders?period=custom&from=2026-11-05", "to"},
      {"/api/v1/reports/work-orders?period=custom&from=2026-11-05&to=2026-11-01", "to"},
      {"/api/v1/reports/work-orders?period=month&to=2026-11-30", "to"},
      {"/api/v1/reports/work-orders?group_by=colour", "group_by"},
      {"/api/v1/reports/work-orders?group_by=category&depth=4", "depth"},
      {"/api/v1/reports/work-orders?format=pdf", "format"},
      {"/api/v1/reports/work-orders?type=unknown", "type"},
      {"/api/v1/reports/work-orders?category=water.nonsense", "category"},
      {"/api/v1/reports/work-orders?district_id=abc", "district_id"},
      {"/api/v1/reports/work-orders/orders?metric=happiness", "metric"},
      {"/api/v1/reports/work-orders/orders?group_by=district&group=north", "group"},
      {"/api/v1/reports/work-orders/orders?group_by=month&group=2026-11-01", "group"},
      {"/api/v1/reports/work-orders/orders?limit=501", "limit"},
  };
  for (const auto& [target, field] : cases) {
    HttpReply reply = http().Get(target, manager);
    EXPECT_EQ(reply.status, 400) << target << " " << reply.body;
    EXPECT_EQ(reply.Json().value("field", ""), field) << target << " " << reply.body;
  }
}

LIFELINE_CITY_ON_BOTH_BACKENDS(ReportApi);

}  // namespace
}  // namespace lifeline::testing
