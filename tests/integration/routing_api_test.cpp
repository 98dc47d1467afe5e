// Routing through the real binary on both backends: the demo's default rules dispatch a new
// order to the branch serving its district (and gas safety to the emergency crew, assigned at
// once); edited rules change where orders go, most specific first; assignee suggestions come
// least loaded first with their reasons; the category tree is edited and refused edits are 400
// or 409. Tests that edit shared settings put them back.
#include <gmock/gmock.h>

#include <map>

#include "tests/integration/served_city.h"

namespace lifeline::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;

class RoutingApi : public CityTest {
 protected:
  void SetUp() override {
    admin_ = LoginAs("admin");
    agent_ = LoginAs("agent01");
    dispatcher_ = LoginAs("dispatcher01");
    HttpReply units = http().Get("/api/v1/org-units", admin_);
    ASSERT_EQ(units.status, 200) << units.body;
    const nlohmann::json listed = units.Json();
    for (const auto& u : listed["items"]) {
      units_[u["code"].get<std::string>()] = u;
      unit_codes_[u["id"].get<std::int64_t>()] = u["code"].get<std::string>();
    }
    laocheng_ = units_["chengqu"]["area_district_ids"][0].get<std::int64_t>();
    jiangbei_ = units_["jiangbei"]["area_district_ids"][0].get<std::int64_t>();
  }

  std::int64_t UnitId(const std::string& code) { return units_.at(code)["id"].get<std::int64_t>(); }

  HttpReply Put(const std::string& path, const nlohmann::json& body, const std::string& token) {
    return http().Send("PUT", path, body.dump(), {{"Authorization", "Bearer " + token}});
  }

  // An order without a customer, in a district: what a 12345 transfer often is.
  nlohmann::json Create(const std::string& category, std::int64_t district,
                        const std::string& token = "") {
    const nlohmann::json body{{"type", "repair"},
                              {"category", category},
                              {"title", "路人反映"},
                              {"district_id", district}};
    HttpReply created =
        http().Post("/api/v1/work-orders", body.dump(), token.empty() ? agent_ : token);
    EXPECT_EQ(created.status, 201) << created.body;
    return created.Json();
  }

  std::string DepartmentOf(const nlohmann::json& order) {
    if (order["department_id"].is_null()) return "";
    return unit_codes_[order["department_id"].get<std::int64_t>()];
  }

  nlohmann::json Suggestions(std::int64_t id, const std::string& token) {
    HttpReply reply =
        http().Get("/api/v1/work-orders/" + std::to_string(id) + "/assignee-suggestions", token);
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.Json()["items"];
  }

  std::string admin_, agent_, dispatcher_;
  std::map<std::string, nlohmann::json> units_;
  std::map<std::int64_t, std::string> unit_codes_;
  std::int64_t laocheng_ = 0, jiangbei_ = 0;
};

TEST_P(RoutingApi, TheDemoRulesDispatchOnCreateInTheSameStep) {
  const nlohmann::json order = Create("water.quality.yellow", laocheng_);
  EXPECT_EQ(order["state"], "dispatched");
  EXPECT_EQ(DepartmentOf(order), "chengqu-repair");
  HttpReply detail = http().Get("/api/v1/work-orders/" + order["id"].dump(), dispatcher_);
  ASSERT_EQ(detail.status, 200);
  const nlohmann::json history = detail.Json()["history"];
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[1]["action"], "dispatch");
  EXPECT_EQ(history[1]["actor_name"], "系统");
  EXPECT_EQ(Create("heat.temperature.cold", jiangbei_)["department_id"], UnitId("jiangbei-repair"));
  EXPECT_EQ(DepartmentOf(Create("water.business.billing", jiangbei_)), "jiangbei-service");
  // Gas safety: city-wide, a longer prefix than the district's gas rule, and assigned at once.
  const nlohmann::json leak = Create("gas.safety.smell", jiangbei_);
  EXPECT_EQ(leak["state"], "assigned");
  EXPECT_EQ(DepartmentOf(leak), "gas-emergency");
  EXPECT_FALSE(leak["assignee_name"].get<std::string>().empty());
  // Consultations stay with the agent; a department named by a dispatcher wins over the rules.
  EXPECT_EQ(Create("general.consultation", laocheng_)["state"], "accepted");
  HttpReply named = http().Post("/api/v1/work-orders",
                                nlohmann::json{{"type", "repair"},
                                               {"category", "water.leak.burst"},
                                               {"title", "爆管"},
                                               {"district_id", laocheng_},
                                               {"department_id", UnitId("network-ops")}}
                                    .dump(),
                                dispatcher_);
  ASSERT_EQ(named.status, 201) << named.body;
  EXPECT_EQ(DepartmentOf(named.Json()), "network-ops");
}

TEST_P(RoutingApi, EditedRulesRouteMostSpecificFirstAndBadOnesAreRefused) {
  HttpReply original = http().Get("/api/v1/routing-rules", dispatcher_);
  ASSERT_EQ(original.status, 200) << original.body;
  EXPECT_GT(original.Json()["items"].size(), 10u);
  const nlohmann::json rules{
      {"items",
       {{{"category", "water"}, {"district_id", nullptr}, {"org_unit_id", UnitId("network-ops")}},
        {{"category", "water"}, {"district_id", laocheng_}, {"org_unit_id", UnitId("chengqu")}},
        {{"category", "water.leak"}, {"org_unit_id", UnitId("dispatch-centre")}}}}};
  EXPECT_EQ(Put("/api/v1/routing-rules", rules, dispatcher_).status, 403);
  HttpReply saved = Put("/api/v1/routing-rules", rules, admin_);
  ASSERT_EQ(saved.status, 200) << saved.body;
  ASSERT_EQ(saved.Json()["items"].size(), 3u);
  EXPECT_EQ(saved.Json()["items"][2]["category_path"], "供水 › 漏水");

  EXPECT_EQ(DepartmentOf(Create("water.pressure.low", laocheng_)), "chengqu") << "district rule";
  EXPECT_EQ(DepartmentOf(Create("water.pressure.low", jiangbei_)), "network-ops") << "city-wide";
  EXPECT_EQ(DepartmentOf(Create("water.leak.valve", laocheng_)), "dispatch-centre")
      << "the longer prefix beats the district";
  EXPECT_EQ(Create("gas.supply.none", laocheng_)["state"], "accepted") << "no rule any more";

  auto refused = [&](nlohmann::json rule) {
    HttpReply reply = Put("/api/v1/routing-rules", {{"items", {rule}}}, admin_);
    EXPECT_EQ(reply.status, 400) << reply.body;
    return reply.Json()["field"].get<std::string>();
  };
  EXPECT_EQ(refused({{"category", "steam"}, {"org_unit_id", UnitId("chengqu")}}),
            "items[0].category");
  EXPECT_EQ(refused({{"category", "water"}, {"org_unit_id", 999999}}), "items[0].org_unit_id");
  EXPECT_EQ(
      refused({{"category", "water"}, {"district_id", 999999}, {"org_unit_id", UnitId("chengqu")}}),
      "items[0].district_id");
  EXPECT_EQ(refused({{"category", "water"}}), "items[0].org_unit_id");
  EXPECT_EQ(http().Get("/api/v1/routing-rules", dispatcher_).Json()["items"].size(), 3u);

  ASSERT_EQ(Put("/api/v1/routing-rules", original.Json(), admin_).status, 200);
  EXPECT_EQ(DepartmentOf(Create("water.pressure.low", jiangbei_)), "jiangbei-repair");
}

TEST_P(RoutingApi, SuggestionsComeSoonestThereFirstWithReasons) {
  const nlohmann::json first = Create("water.leak.before_meter", jiangbei_);
  ASSERT_EQ(DepartmentOf(first), "jiangbei-repair");
  const nlohmann::json ranked = Suggestions(first["id"], dispatcher_);
  ASSERT_GE(ranked.size(), 2u);
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    const auto& s = ranked[i];
    EXPECT_EQ(s["trade"], "pipe_repair");
    // The order lies at its district's centre, so every technician's travel time is known.
    ASSERT_TRUE(s["travel_minutes"].is_number_integer()) << s.dump();
    EXPECT_THAT(
        s["reason"].get<std::string>(),
        ::testing::StartsWith(s["name"].get<std::string>() + "：约 " + s["travel_minutes"].dump() +
                              " 分钟可到，在办 " + s["open_orders"].dump() + " 单，技能 管道维修 " +
                              s["skill_level"].dump() + " 级"));
    EXPECT_TRUE(unit_codes_[s["org_unit_id"].get<std::int64_t>()].starts_with("jiangbei-repair"));
    if (i == 0) continue;
    const auto& before = ranked[i - 1];
    EXPECT_GE(before["on_shift"].get<bool>(), s["on_shift"].get<bool>()) << ranked.dump();
    if (before["on_shift"] == s["on_shift"]) {
      EXPECT_GE(before["in_time"].get<bool>(), s["in_time"].get<bool>()) << ranked.dump();
    }
  }
  const nlohmann::json best = ranked[0];
  HttpReply assigned = http().Post(
      "/api/v1/work-orders/" + first["id"].dump() + "/transitions",
      nlohmann::json{{"action", "assign"}, {"assignee_id", best["user_id"]}}.dump(), dispatcher_);
  ASSERT_EQ(assigned.status, 200) << assigned.body;

  const nlohmann::json second = Create("water.leak.before_meter", jiangbei_);
  for (const auto& s : Suggestions(second["id"], dispatcher_)) {
    if (s["user_id"] == best["user_id"]) {
      EXPECT_EQ(s["open_orders"].get<int>(), best["open_orders"].get<int>() + 1);
    }
  }
  HttpReply board =
      http().Get("/api/v1/dispatch/suggestions?x_km=0&y_km=0&trade=pipe_repair&priority=emergency",
                 dispatcher_);
  ASSERT_EQ(board.status, 200) << board.body;
  const nlohmann::json on_board = board.Json();
  for (const auto& s : on_board["items"]) {
    if (s["user_id"] == best["user_id"]) {
      EXPECT_GE(s["jobs_left"].get<int>(), 1);
    }
  }
  EXPECT_EQ(http()
                .Get("/api/v1/work-orders/" + second["id"].dump() + "/assignee-suggestions", agent_)
                .status,
            403);
}

TEST_P(RoutingApi, TheCategoryTreeIsEditedAndRefusedEditsSayWhy) {
  HttpReply original = http().Get("/api/v1/work-order-categories", agent_);
  ASSERT_EQ(original.status, 200);
  nlohmann::json tree = original.Json();
  tree["items"].push_back({{"code", "water.quality.sand"},
                           {"name", "水中有沙"},
                           {"parent", "water.quality"},
                           {"suggested_priority", "urgent"},
                           {"site_visit", true},
                           {"trade", "pipe_repair"}});
  EXPECT_EQ(Put("/api/v1/work-order-categories", tree, agent_).status, 403);
  HttpReply saved = Put("/api/v1/work-order-categories", tree, admin_);
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_THAT(http().Get("/api/v1/work-order-categories", agent_).body, HasSubstr("水中有沙"));
  const nlohmann::json order = Create("water.quality.sand", laocheng_);
  EXPECT_EQ(order["category_path"], "供水 › 水质 › 水中有沙");
  EXPECT_EQ(order["priority"], "urgent");
  EXPECT_FALSE(order["due_arrival_at"].is_null());
  EXPECT_EQ(DepartmentOf(order), "chengqu-repair") << "the water rule covers the new code";

  HttpReply in_use = Put("/api/v1/work-order-categories", original.Json(), admin_);
  EXPECT_EQ(in_use.status, 409) << in_use.body;
  EXPECT_THAT(in_use.Json()["detail"].get<std::string>(), HasSubstr("water.quality.sand"));

  auto refused = [&](nlohmann::json edited) {
    HttpReply reply = Put("/api/v1/work-order-categories", edited, admin_);
    EXPECT_EQ(reply.status, 400) << reply.body;
    return reply.Json()["field"].get<std::string>();
  };
  const std::size_t last = tree["items"].size() - 1;
  nlohmann::json twice = tree;
  twice["items"].push_back(tree["items"][last]);
  EXPECT_EQ(refused(twice), "items[" + std::to_string(last + 1) + "].code");
  nlohmann::json orphan = tree;
  orphan["items"][last]["code"] = "water.grit.sand";
  orphan["items"][last]["parent"] = nullptr;
  EXPECT_EQ(refused(orphan), "items[" + std::to_string(last) + "].parent");
  nlohmann::json bad_priority = tree;
  bad_priority["items"][last]["suggested_priority"] = "whenever";
  EXPECT_EQ(refused(bad_priority), "items[" + std::to_string(last) + "].suggested_priority");
  nlohmann::json bad_visit = tree;
  bad_visit["items"][last]["site_visit"] = "yes";
  EXPECT_EQ(refused(bad_visit), "items[" + std::to_string(last) + "].site_visit");

  HttpReply cancelled =
      http().Post("/api/v1/work-orders/" + order["id"].dump() + "/transitions",
                  nlohmann::json{{"action", "cancel"}, {"note", "测试结束"}}.dump(), dispatcher_);
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  HttpReply restored = Put("/api/v1/work-order-categories", original.Json(), admin_);
  ASSERT_EQ(restored.status, 200) << restored.body;
  HttpReply gone = http().Post(
      "/api/v1/work-orders",
      nlohmann::json{{"type", "repair"}, {"category", "water.quality.sand"}, {"title", "x"}}.dump(),
      agent_);
  EXPECT_EQ(gone.status, 400);
  EXPECT_EQ(gone.Json()["field"], "category");
}

LIFELINE_CITY_ON_BOTH_BACKENDS(RoutingApi);

}  // namespace
}  // namespace lifeline::testing
