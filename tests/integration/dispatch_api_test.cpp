// Dispatch through the API on both backends, with the demo crews: a suggestion list for a job,
// a day plan for a team, a technician's position and a technician falling ill.
#include <gmock/gmock.h>

#include <set>

#include "tests/integration/served_city.h"

namespace lifeline::testing {
namespace {

class DispatchApi : public CityTest {
 protected:
  nlohmann::json Technicians(const std::string& token, const std::string& query = "") {
    HttpReply reply = http().Get("/api/v1/technicians" + query, token);
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.Json()["items"];
  }
  HttpReply PostAs(const std::string& path, const nlohmann::json& body, const std::string& token) {
    return http().Post(path, body.dump(), token);
  }
};

TEST_P(DispatchApi, TheDemoCrewsAreThereWithTradesAndDepots) {
  const nlohmann::json techs = Technicians(LoginAs("dispatcher01"));
  ASSERT_EQ(techs.size(), 44u) << "ten per branch and the gas emergency crew of four";
  for (const auto& t : techs) {
    EXPECT_FALSE(t["skills"].empty());
    EXPECT_TRUE(t["on_duty"].get<bool>());
    EXPECT_EQ(t["shift"]["start"], "08:00");
  }
  EXPECT_EQ(http().Get("/api/v1/technicians", LoginAs("agent01")).status, 403);
}

TEST_P(DispatchApi, SuggestionsAreExplainedAndEveryOneHasTheTrade) {
  const std::string dispatcher = LoginAs("dispatcher01");
  HttpReply reply = http().Get(
      "/api/v1/dispatch/suggestions?x_km=0&y_km=0&trade=gas_safety&priority=emergency", dispatcher);
  ASSERT_EQ(reply.status, 200) << reply.body;
  const nlohmann::json items = reply.Json()["items"];
  ASSERT_FALSE(items.empty());
  double previous = -1e9;
  for (const auto& s : items) {
    EXPECT_GE(s["skill_level"].get<int>(), 1);
    EXPECT_THAT(s["explanation"].get<std::string>(), ::testing::HasSubstr("分钟可到"));
    EXPECT_GE(s["score"].get<double>(), previous) << "best first";
    previous = s["score"].get<double>();
  }
  HttpReply bad =
      http().Get("/api/v1/dispatch/suggestions?x_km=0&y_km=0&trade=plumbing", dispatcher);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.Json()["field"], "trade");
}

TEST_P(DispatchApi, ADayPlanKeepsWindowsAndNamesWhatItCannotPlan) {
  const std::string dispatcher = LoginAs("dispatcher01");
  const nlohmann::json techs = Technicians(dispatcher);
  const std::int64_t team = techs[0]["team_id"];
  const double x = techs[0]["depot"]["x_km"], y = techs[0]["depot"]["y_km"];
  nlohmann::json jobs = nlohmann::json::array();
  for (int i = 0; i < 8; ++i) {
    jobs.push_back({{"id", "WO-" + std::to_string(i)},
                    {"x_km", x + 0.5 * i},
                    {"y_km", y - 0.3 * i},
                    {"trade", "pipe_repair"},
                    {"window_start_minute", 9 * 60 + 30 * i},
                    {"window_end_minute", 11 * 60 + 30 * i},
                    {"duration_minutes", 45}});
  }
  jobs.push_back({{"id", "WO-NIGHT"},
                  {"x_km", x},
                  {"y_km", y},
                  {"trade", "pipe_repair"},
                  {"window_start_minute", 22 * 60},
                  {"window_end_minute", 23 * 60}});
  HttpReply plan = PostAs("/api/v1/dispatch/plans",
                          {{"team_id", team}, {"seconds", 1}, {"jobs", jobs}}, dispatcher);
  ASSERT_EQ(plan.status, 200) << plan.body;
  const nlohmann::json result = plan.Json();
  std::set<std::string> visited;
  for (const auto& route : result["routes"]) {
    for (const auto& v : route["visits"]) visited.insert(v["job_id"].get<std::string>());
  }
  EXPECT_EQ(visited.size(), 8u);
  ASSERT_EQ(result["unplanned"].size(), 1u);
  EXPECT_EQ(result["unplanned"][0]["job_id"], "WO-NIGHT");
  EXPECT_EQ(result["unplanned"][0]["reason"], "window_unreachable");

  jobs[1].erase("trade");
  HttpReply bad = PostAs("/api/v1/dispatch/plans", {{"jobs", jobs}}, dispatcher);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.Json()["field"], "jobs[1].trade");
}

TEST_P(DispatchApi, TechniciansReportPositionsAndAnIllTechnicianIsLeftOut) {
  const std::string tech = LoginAs("tech05");
  EXPECT_EQ(
      PostAs("/api/v1/technicians/me/position", {{"x_km", 1.5}, {"y_km", -2.25}}, tech).status,
      204);
  EXPECT_EQ(PostAs("/api/v1/technicians/me/position", {{"x_km", 1.5}}, tech).status, 400);
  const std::string dispatcher = LoginAs("dispatcher01");
  EXPECT_EQ(
      PostAs("/api/v1/technicians/me/position", {{"x_km", 1}, {"y_km", 1}}, dispatcher).status,
      403);

  std::int64_t id = 0;
  const nlohmann::json listed = Technicians(dispatcher);
  for (const auto& t : listed) {
    if (t["position"].is_object() && t["position"]["x_km"] == 1.5) id = t["user_id"];
  }
  ASSERT_NE(id, 0) << "tech05's position is shown";
  ASSERT_EQ(PostAs("/api/v1/technicians/" + std::to_string(id) + "/duty", {{"on_duty", false}},
                   dispatcher)
                .status,
            204);
  HttpReply reply =
      // An emergency, so that the answer does not depend on whether shifts are on at test time.
      http().Get(
          "/api/v1/dispatch/suggestions?x_km=1.5&y_km=-2.25&trade=pipe_repair"
          "&priority=emergency",
          dispatcher);
  ASSERT_EQ(reply.status, 200);
  const nlohmann::json suggested = reply.Json()["items"];
  ASSERT_FALSE(suggested.empty());
  for (const auto& s : suggested) EXPECT_NE(s["user_id"], id);
  EXPECT_EQ(
      PostAs("/api/v1/technicians/" + std::to_string(id) + "/duty", {{"on_duty", true}}, dispatcher)
          .status,
      204);
}

LIFELINE_CITY_ON_BOTH_BACKENDS(DispatchApi);

}  // namespace
}  // namespace lifeline::testing
