// Work orders through the real binary on both backends: an agent records a request from the
// screen pop, the dispatcher assigns it, the technician goes, arrives and resolves it, the agent
// calls back and closes it; refused steps are 403 or 409; the public tracking page shows the
// timeline without personal data; the settings are an administrator's.
#include <gmock/gmock.h>

#include "tests/integration/order_journey.h"

namespace lifeline::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class WorkOrderApi : public CityTest {
 protected:
  nlohmann::json FirstCustomer(const std::string& token) {
    return testing::FirstCustomer(http(), token);
  }
  HttpReply Step(std::int64_t id, nlohmann::json body, const std::string& token) {
    return testing::Step(http(), id, body, token);
  }
  std::pair<std::string, nlohmann::json> TechnicianFor(std::int64_t district_id) {
    return testing::TechnicianFor(http(), district_id);
  }
  nlohmann::json Created(const std::string& agent) {
    return CreateRepairForFirstCustomer(http(), agent);
  }
};

TEST_P(WorkOrderApi, FromTheCallToAClosedCallbackWithAPublicTimeline) {
  const std::string agent = LoginAs("agent01");
  const std::string dispatcher = LoginAs("dispatcher01");
  const nlohmann::json order = Created(agent);
  const std::int64_t id = order["id"];
  EXPECT_EQ(order["state"], "dispatched") << "the demo's routing rules sent it to the branch";
  EXPECT_THAT(order["number"].get<std::string>(), HasSubstr("GD-"));
  EXPECT_FALSE(order["due_arrival_at"].is_null());
  EXPECT_EQ(order["contact_phone"], "139****5678");
  const auto [tech, tech_me] = TechnicianFor(order["district_id"]);

  // Refused steps: the wrong role is 403, an impossible step is 409 naming the state.
  EXPECT_EQ(Step(id, {{"action", "dispatch"}, {"department_id", 1}}, agent).status, 403);
  EXPECT_EQ(Step(id, {{"action", "depart"}}, tech).status, 403) << "not the assignee yet";
  HttpReply skipped = Step(id, {{"action", "arrive"}}, dispatcher);
  EXPECT_EQ(skipped.status, 409);
  EXPECT_THAT(skipped.Json()["detail"].get<std::string>(), HasSubstr("dispatched"));

  HttpReply assigned = Step(id,
                            {{"action", "assign"},
                             {"assignee_id", tech_me["user_id"]},
                             {"version", order["version"]},
                             {"note", "请尽快上门"}},
                            dispatcher);
  ASSERT_EQ(assigned.status, 200) << assigned.body;
  EXPECT_EQ(assigned.Json()["state"], "assigned");
  EXPECT_EQ(assigned.Json()["department_id"], tech_me["org_unit_id"]);
  HttpReply stale = Step(id, {{"action", "urge"}, {"version", order["version"]}}, agent);
  EXPECT_EQ(stale.status, 409) << "a stale version loses";

  for (const char* action : {"depart", "arrive"}) {
    HttpReply step = Step(id, {{"action", action}}, tech);
    ASSERT_EQ(step.status, 200) << action << ": " << step.body;
  }
  HttpReply resolved = Step(id, {{"action", "resolve"}, {"note", "已冲洗管道"}}, tech);
  ASSERT_EQ(resolved.status, 200) << resolved.body;
  EXPECT_EQ(resolved.Json()["state"], "resolved");
  EXPECT_EQ(
      Step(id, {{"action", "close"}, {"result", "reached"}, {"satisfaction", 5}}, tech).status,
      403);
  ASSERT_EQ(Step(id, {{"action", "start_callback"}}, agent).status, 200);
  HttpReply closed =
      Step(id, {{"action", "close"}, {"result", "reached"}, {"satisfaction", 5}}, agent);
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.Json()["state"], "closed");
  EXPECT_EQ(Step(id, {{"action", "reopen"}, {"note", "x"}}, agent).status, 409);

  HttpReply detail = http().Get("/api/v1/work-orders/" + std::to_string(id), dispatcher);
  ASSERT_EQ(detail.status, 200) << detail.body;
  const nlohmann::json history = detail.Json()["history"];
  std::vector<std::string> actions;
  for (const auto& t : history) actions.push_back(t["action"]);
  EXPECT_THAT(actions, ::testing::ElementsAre("create", "dispatch", "assign", "depart", "arrive",
                                              "resolve", "start_callback", "close"));

  // The customer's page: no login, the steps, nothing personal.
  HttpReply tracked = http().Get("/api/v1/track/" + order["tracking_code"].get<std::string>());
  ASSERT_EQ(tracked.status, 200) << tracked.body;
  const nlohmann::json page = tracked.Json();
  EXPECT_EQ(page["state"], "closed");
  ASSERT_EQ(page["steps"].size(), 8u);
  EXPECT_THAT(page["steps"][2]["label"].get<std::string>(), HasSubstr("师傅"));
  EXPECT_THAT(tracked.body, Not(HasSubstr(tech_me["display_name"].get<std::string>())));
  EXPECT_THAT(tracked.body, Not(HasSubstr("1391234")));
  EXPECT_THAT(tracked.body, Not(HasSubstr("王女士")));
  EXPECT_THAT(tracked.body, Not(HasSubstr("请尽快上门")));
  EXPECT_EQ(http().Get("/api/v1/track/AAAA-BBBB-CCCC").status, 404);
  EXPECT_EQ(http().Get("/api/v1/track/not-a-code").status, 404);
}

TEST_P(WorkOrderApi, ListsFilterAndBadInputNamesTheField) {
  const std::string agent = LoginAs("agent01");
  const nlohmann::json order = Created(agent);
  const std::string customer = std::to_string(order["customer_id"].get<std::int64_t>());
  HttpReply listed = http().Get(
      "/api/v1/work-orders?state=dispatched&customer_id=" + customer + "&limit=5", agent);
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_GE(listed.Json()["total"].get<int>(), 1);
  EXPECT_EQ(listed.Json()["items"][0]["id"], order["id"]);
  EXPECT_EQ(http()
                .Get("/api/v1/work-orders?category=" + order["category"].get<std::string>(), agent)
                .status,
            200);

  HttpReply bad_state = http().Get("/api/v1/work-orders?state=lost", agent);
  EXPECT_EQ(bad_state.status, 400);
  EXPECT_EQ(bad_state.Json()["field"], "state");
  HttpReply bad_category = http().Post(
      "/api/v1/work-orders", R"({"type":"repair","category":"steam.pipe","title":"x"})", agent);
  EXPECT_EQ(bad_category.status, 400);
  EXPECT_EQ(bad_category.Json()["field"], "category");
  HttpReply bad_type = http().Post("/api/v1/work-orders",
                                   R"({"type":"wish","category":"water","title":"x"})", agent);
  EXPECT_EQ(bad_type.Json()["field"], "type");
  HttpReply no_reason = Step(order["id"], {{"action", "cancel"}}, agent);
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_EQ(no_reason.Json()["field"], "note");
  HttpReply bad_action = Step(order["id"], {{"action", "teleport"}}, agent);
  EXPECT_EQ(bad_action.Json()["field"], "action");
  EXPECT_EQ(http().Get("/api/v1/work-orders", LoginAs("auditor01")).status, 200);
  EXPECT_EQ(http().Get("/api/v1/work-orders").status, 401);
}

TEST_P(WorkOrderApi, CategoriesAndDeadlineSettings) {
  const std::string agent = LoginAs("agent01");
  const std::string admin = LoginAs("admin");
  HttpReply categories = http().Get("/api/v1/work-order-categories", agent);
  ASSERT_EQ(categories.status, 200);
  EXPECT_THAT(categories.body, HasSubstr("燃气泄漏"));
  EXPECT_THAT(categories.body, HasSubstr("gas.safety.leak"));

  HttpReply settings = http().Get("/api/v1/work-order-settings", agent);
  ASSERT_EQ(settings.status, 200) << settings.body;
  EXPECT_EQ(settings.Json()["open_minute"], 510);
  EXPECT_FALSE(settings.Json()["defaults"].empty());

  const nlohmann::json update{{"open_minute", 480},
                              {"close_minute", 1080},
                              {"weekdays", {1, 2, 3, 4, 5}},
                              {"holidays", {20261001, 20261002, 20261003}},
                              {"extra_workdays", {20260927}},
                              {"policies",
                               {{{"category", "heat.temperature"},
                                 {"priority", "urgent"},
                                 {"response_minutes", 15},
                                 {"response_business_time", false},
                                 {"arrival_minutes", 300},
                                 {"arrival_business_time", false},
                                 {"resolution_minutes", 1440},
                                 {"resolution_business_time", false}}}}};
  auto put = [&](const nlohmann::json& body, const std::string& token) {
    return http().Send("PUT", "/api/v1/work-order-settings", body.dump(),
                       {{"Authorization", "Bearer " + token}});
  };
  EXPECT_EQ(put(update, agent).status, 403);
  HttpReply saved = put(update, admin);
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.Json()["policies"][0]["arrival_minutes"], 300);
  EXPECT_EQ(http().Get("/api/v1/work-order-settings", agent).Json()["holidays"].size(), 3u);

  nlohmann::json bad = update;
  bad["policies"][0]["arrival_minutes"] = 0;
  HttpReply refused = put(bad, admin);
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.Json()["field"], "policies[0].arrival_minutes");
  bad = update;
  bad["holidays"] = {20261399};
  EXPECT_EQ(put(bad, admin).Json()["field"], "holidays");
}

LIFELINE_CITY_ON_BOTH_BACKENDS(WorkOrderApi);

}  // namespace
}  // namespace lifeline::testing
