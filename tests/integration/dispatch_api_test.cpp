// Dispatch through the API on both backends, with the demo crews: a suggestion list for a job,
// a day plan for a team, a technician's position and a technician falling ill.
#include <gmock/gmock.h>

#include <chrono>
#include <set>

#include "tests/integration/order_journey.h"

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

// The local minute of day now, as the server's default UTC+8 reckons it.
int ChinaMinuteNow() {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  return static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(now).count() % 1440 +
                          8 * 60) %
         1440;
}

int MinuteOf(const nlohmann::json& hh_mm) {
  const std::string text = hh_mm;
  return std::stoi(text.substr(0, 2)) * 60 + std::stoi(text.substr(3, 2));
}

TEST_P(DispatchApi, TechniciansReportPositionsOnlyWhileAtWork) {
  const std::string dispatcher = LoginAs("dispatcher01");
  const nlohmann::json order = CreateRepairForFirstCustomer(http(), LoginAs("agent01"));
  const auto [tech, tech_me] = TechnicianFor(http(), order["district_id"]);
  const std::string tech_id = std::to_string(tech_me["user_id"].get<std::int64_t>());

  // Without a job, the clock decides: from 30 minutes before the shift to an hour after it.
  HttpReply me = http().Get("/api/v1/technicians/me", tech);
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.Json()["user_id"], tech_me["user_id"]);
  const int minute = ChinaMinuteNow();
  const int from = MinuteOf(me.Json()["shift"]["start"]) - 30;
  const int to = MinuteOf(me.Json()["shift"]["end"]) + 60;
  if (minute != from - 1 && minute != to) {  // a minute's turn during the test would flip it
    const bool at_work = minute >= from && minute <= to;
    EXPECT_EQ(me.Json()["tracking"], at_work ? "on" : "outside_shift");
    HttpReply report = PostAs("/api/v1/technicians/me/position", {{"x_km", 1}, {"y_km", 1}}, tech);
    EXPECT_EQ(report.status, at_work ? 204 : 409) << report.body;
  }

  // A job en route is work at any hour; a phone reports longitude and latitude.
  ASSERT_EQ(Step(http(), order["id"], {{"action", "assign"}, {"assignee_id", tech_me["user_id"]}},
                 dispatcher)
                .status,
            200);
  ASSERT_EQ(Step(http(), order["id"], {{"action", "depart"}}, tech).status, 200);
  EXPECT_EQ(http().Get("/api/v1/technicians/me", tech).Json()["tracking"], "on");
  EXPECT_EQ(
      PostAs("/api/v1/technicians/me/position", {{"longitude", 120.01}, {"latitude", 30.02}}, tech)
          .status,
      204);
  bool shown = false;
  for (const auto& t : Technicians(dispatcher)) {
    if (t["user_id"] != tech_me["user_id"]) continue;
    shown = true;
    // 0.01° east at 30° north and 0.02° north of the city's origin (120°, 30°).
    EXPECT_NEAR(t["position"]["x_km"].get<double>(), 0.9640, 1e-3);
    EXPECT_NEAR(t["position"]["y_km"].get<double>(), 2.2115, 1e-3);
    EXPECT_GT(t["position_at"].get<std::int64_t>(), 0);
  }
  EXPECT_TRUE(shown);

  // Bad input names its field; only technicians report; the ill are never tracked.
  HttpReply half = PostAs("/api/v1/technicians/me/position", {{"x_km", 1.5}}, tech);
  EXPECT_EQ(half.status, 400);
  EXPECT_EQ(half.Json()["field"], "y_km");
  HttpReply far =
      PostAs("/api/v1/technicians/me/position", {{"longitude", 125.0}, {"latitude", 30.0}}, tech);
  EXPECT_EQ(far.status, 400) << "about 480 km east of the centre";
  EXPECT_EQ(far.Json()["field"], "longitude");
  EXPECT_EQ(PostAs("/api/v1/technicians/me/position", {{"longitude", 120}}, tech).Json()["field"],
            "latitude");
  EXPECT_EQ(
      PostAs("/api/v1/technicians/me/position", {{"x_km", 1}, {"y_km", 1}}, dispatcher).status,
      403);
  EXPECT_EQ(http().Get("/api/v1/technicians/me", dispatcher).status, 403);
  ASSERT_EQ(
      PostAs("/api/v1/technicians/" + tech_id + "/duty", {{"on_duty", false}}, dispatcher).status,
      204);
  EXPECT_EQ(http().Get("/api/v1/technicians/me", tech).Json()["tracking"], "off_duty");
  EXPECT_EQ(PostAs("/api/v1/technicians/me/position", {{"x_km", 1}, {"y_km", 1}}, tech).status,
            409);
  ASSERT_EQ(
      PostAs("/api/v1/technicians/" + tech_id + "/duty", {{"on_duty", true}}, dispatcher).status,
      204);
  for (const char* action : {"arrive", "resolve"}) {
    EXPECT_EQ(Step(http(), order["id"], {{"action", action}}, tech).status, 200) << action;
  }
}

TEST_P(DispatchApi, AnIllTechnicianIsLeftOut) {
  const std::string dispatcher = LoginAs("dispatcher01");
  const std::int64_t id = http().Get("/api/v1/auth/me", LoginAs("tech05")).Json()["user_id"];
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

// A technician taken on after the demo was seeded has no profile until a dispatcher gives them
// one; then plans and suggestions see them.
TEST_P(DispatchApi, ADispatcherGivesANewTechnicianTheirProfile) {
  const std::string dispatcher = LoginAs("dispatcher01");
  const std::int64_t team = Technicians(dispatcher)[0]["team_id"];
  const std::string username =
      std::string("newtech_") + (GetParam() == Backend::kSqlite ? "s" : "p");
  HttpReply created = http().Post("/api/v1/users",
                                  nlohmann::json{{"username", username},
                                                 {"display_name", "新师傅"},
                                                 {"role", "technician"},
                                                 {"org_unit_id", team},
                                                 {"password", "Passw0rd1"}}
                                      .dump(),
                                  LoginAs("admin"));
  ASSERT_EQ(created.status, 201) << created.body;
  const std::int64_t id = created.Json()["id"];
  const std::string path = "/api/v1/technicians/" + std::to_string(id);
  for (const auto& t : Technicians(dispatcher)) EXPECT_NE(t["user_id"], id) << "no profile yet";

  const nlohmann::json profile{{"skills", {{{"trade", "heat_valve"}, {"level", 5}}}},
                               {"shift_start_minute", 7 * 60 + 30},
                               {"shift_end_minute", 16 * 60},
                               {"break_earliest_minute", 11 * 60},
                               {"break_latest_minute", 12 * 60},
                               {"break_minutes", 45},
                               {"depot_x_km", 3.5},
                               {"depot_y_km", -4},
                               {"van_capacity", 30}};
  auto put_at = [&](const std::string& at, const nlohmann::json& body, const std::string& token) {
    return http().Send("PUT", at, body.dump(), {{"Authorization", "Bearer " + token}});
  };
  auto put = [&](const nlohmann::json& body, const std::string& token) {
    return put_at(path, body, token);
  };
  auto bad = [&](const char* field, const nlohmann::json& value) {
    nlohmann::json body = profile;
    body[field] = value;
    return put(body, dispatcher);
  };
  EXPECT_EQ(bad("skills", {{{"trade", "welding"}, {"level", 1}}}).Json()["field"],
            "skills[0].trade");
  EXPECT_EQ(bad("shift_end_minute", 7 * 60).Json()["field"], "shift_end_minute");
  EXPECT_EQ(bad("break_latest_minute", 15 * 60 + 30).Json()["field"], "break_latest_minute");
  EXPECT_EQ(put(profile, LoginAs("agent01")).status, 403);
  const std::int64_t dispatcher_id = http().Get("/api/v1/auth/me", dispatcher).Json()["user_id"];
  EXPECT_EQ(
      put_at("/api/v1/technicians/" + std::to_string(dispatcher_id), profile, dispatcher).status,
      409)
      << "a dispatcher is not a technician";
  EXPECT_EQ(put_at("/api/v1/technicians/999999", profile, dispatcher).status, 404);

  HttpReply saved = put(profile, dispatcher);
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.Json()["name"], "新师傅");
  EXPECT_EQ(saved.Json()["shift"]["start"], "07:30");
  EXPECT_EQ(saved.Json()["break"]["minutes"], 45);
  EXPECT_TRUE(saved.Json()["on_duty"].get<bool>()) << "a new technician is on duty";
  bool listed = false;
  for (const auto& t : Technicians(dispatcher)) {
    if (t["user_id"] != id) continue;
    listed = true;
    EXPECT_EQ(t["skills"][0]["trade"], "heat_valve");
    EXPECT_DOUBLE_EQ(t["depot"]["x_km"].get<double>(), 3.5);
    EXPECT_EQ(t["van_capacity"], 30);
  }
  EXPECT_TRUE(listed);
  HttpReply suggested = http().Get(
      "/api/v1/dispatch/suggestions?x_km=3.5&y_km=-4&trade=heat_valve&priority=emergency",
      dispatcher);
  ASSERT_EQ(suggested.status, 200);
  bool offered = false;
  const nlohmann::json items = suggested.Json()["items"];  // a named copy: the loop outlives it
  for (const auto& s : items) offered = offered || s["user_id"] == id;
  EXPECT_TRUE(offered) << suggested.body;
}

LIFELINE_CITY_ON_BOTH_BACKENDS(DispatchApi);

}  // namespace
}  // namespace lifeline::testing
