// Outages through the API on both backends: a dispatcher records a burst main over a district;
// the screen pop and the public "is my address affected" check show it; a stale update is a
// 409; once restored it shows no more.
#include <gmock/gmock.h>

#include "tests/integration/served_city.h"

namespace lifeline::testing {
namespace {

class OutageApi : public CityTest {
 protected:
  nlohmann::json ScreenPop(const std::string& token) {
    HttpReply pop =
        http().Get("/api/v1/customers?phone=" + ServedCity::FirstCustomerPhone(), token);
    EXPECT_EQ(pop.status, 200) << pop.body;
    return pop.Json()["items"][0];
  }

  HttpReply Patch(const std::string& target, const std::string& body, const std::string& token) {
    return http().Send("PATCH", target, body, {{"Authorization", "Bearer " + token}});
  }

  static bool Mentions(const nlohmann::json& outages, std::int64_t outage_id) {
    for (const auto& o : outages) {
      if (o["id"] == outage_id) return true;
    }
    return false;
  }
};

TEST_P(OutageApi, ABurstMainShowsInTheScreenPopAndOnThePortalUntilRestored) {
  const std::string agent = LoginAs("agent01");
  const std::string dispatcher = LoginAs("dispatcher01");
  const nlohmann::json account = ScreenPop(agent)["accounts"][0];
  const std::string utility = account["utility"];

  nlohmann::json body{{"utility", utility},
                      {"kind", "unplanned"},
                      {"title", "爆管抢修停水"},
                      {"reason", "DN300 主管爆裂"},
                      {"starts_at", 1'800'000'000'000},
                      {"expected_restore_at", 1'800'000'000'000 + 4 * 3'600'000},
                      {"node_ids", {account["district_id"]}}};
  HttpReply created = http().Post("/api/v1/outages", body.dump(), dispatcher);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::int64_t id = created.Json()["id"];
  EXPECT_EQ(created.Json()["state"], "active");

  const nlohmann::json pop = ScreenPop(agent);
  ASSERT_TRUE(Mentions(pop["outages"], id)) << pop["outages"].dump();
  for (const auto& o : pop["outages"]) {
    if (o["id"] == id) {
      EXPECT_THAT(o["account_ids"], ::testing::Contains(account["id"]));
    }
  }

  const std::string portal =
      "/api/v1/public/outages?account_no=" + account["account_no"].get<std::string>();
  HttpReply affected = http().Get(portal);
  ASSERT_EQ(affected.status, 200) << affected.body;
  EXPECT_TRUE(affected.Json()["affected"].get<bool>());
  EXPECT_FALSE(affected.Json()["items"][0].contains("created_by")) << "no staff details";

  HttpReply stale = Patch("/api/v1/outages/" + std::to_string(id),
                          R"({"version": 99, "action": "restore"})", dispatcher);
  EXPECT_EQ(stale.status, 409) << stale.body;

  HttpReply restored =
      Patch("/api/v1/outages/" + std::to_string(id),
            nlohmann::json{{"version", created.Json()["version"]}, {"action", "restore"}}.dump(),
            dispatcher);
  ASSERT_EQ(restored.status, 200) << restored.body;
  EXPECT_EQ(restored.Json()["state"], "restored");
  EXPECT_FALSE(Mentions(ScreenPop(agent)["outages"], id));
}

TEST_P(OutageApi, AgentsMayReadButNotRecordOutagesAndBadInputNamesTheField) {
  const std::string agent = LoginAs("agent01");
  const std::string dispatcher = LoginAs("dispatcher01");
  const std::string valid =
      R"({"utility":"water","kind":"planned","title":"计划停水","starts_at":1800000000000,)"
      R"("node_ids":[1]})";
  EXPECT_EQ(http().Post("/api/v1/outages", valid, agent).status, 403);
  EXPECT_EQ(http().Get("/api/v1/outages?open=true", agent).status, 200);

  HttpReply bad_utility = http().Post(
      "/api/v1/outages",
      R"({"utility":"steam","kind":"planned","title":"x","starts_at":1,"node_ids":[1]})",
      dispatcher);
  EXPECT_EQ(bad_utility.status, 400);
  EXPECT_EQ(bad_utility.Json()["field"], "utility");
  HttpReply no_nodes =
      http().Post("/api/v1/outages",
                  R"({"utility":"water","kind":"planned","title":"x","starts_at":1,"node_ids":[]})",
                  dispatcher);
  EXPECT_EQ(no_nodes.status, 400);
  EXPECT_EQ(no_nodes.Json()["field"], "node_ids");
  EXPECT_EQ(http().Get("/api/v1/public/outages?account_no=NOPE").status, 404);
  EXPECT_EQ(http().Get("/api/v1/public/outages").status, 400);
}

TEST_P(OutageApi, PublicAnnouncementsNeedNoLoginAndStaffOnesStayInside) {
  const std::string dispatcher = LoginAs("dispatcher01");
  const std::int64_t far_future = 4'000'000'000'000;
  ASSERT_EQ(http()
                .Post("/api/v1/announcements",
                      nlohmann::json{{"title", "供热季开始"},
                                     {"body", "11月15日起正式供热"},
                                     {"valid_until", far_future}}
                          .dump(),
                      dispatcher)
                .status,
            201);
  ASSERT_EQ(http()
                .Post("/api/v1/announcements",
                      nlohmann::json{{"title", "内部排班"},
                                     {"body", "抢修班组值班"},
                                     {"audience", "staff"},
                                     {"valid_until", far_future}}
                          .dump(),
                      dispatcher)
                .status,
            201);
  const std::string everyone = http().Get("/api/v1/public/announcements").body;
  EXPECT_THAT(everyone, ::testing::HasSubstr("供热季开始"));
  EXPECT_THAT(everyone, ::testing::Not(::testing::HasSubstr("内部排班")));
  EXPECT_THAT(http().Get("/api/v1/announcements", dispatcher).body,
              ::testing::HasSubstr("内部排班"));
}

LIFELINE_CITY_ON_BOTH_BACKENDS(OutageApi);

}  // namespace
}  // namespace lifeline::testing
