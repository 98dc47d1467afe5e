// Contacts through the API on both backends: an agent records a call, the screen pop shows it
// among the recent contacts, the timeline lists it; bad input names the field.
#include <gmock/gmock.h>

#include "tests/integration/served_city.h"

namespace lifeline::testing {
namespace {

class InteractionApi : public CityTest {};

TEST_P(InteractionApi, ARecordedCallShowsInTheNextScreenPop) {
  const std::string agent = LoginAs("agent01");
  const std::string pop_path = "/api/v1/customers?phone=" + ServedCity::FirstCustomerPhone();
  const nlohmann::json customer = http().Get(pop_path, agent).Json()["items"][0];
  const nlohmann::json call{{"channel", "phone"},
                            {"customer_id", customer["id"]},
                            {"account_id", customer["accounts"][0]["id"]},
                            {"contact", ServedCity::FirstCustomerPhone()},
                            {"summary", "反映自来水发黄，已登记"}};
  HttpReply recorded = http().Post("/api/v1/interactions", call.dump(), agent);
  ASSERT_EQ(recorded.status, 201) << recorded.body;
  const std::int64_t id = recorded.Json()["id"];
  EXPECT_FALSE(recorded.Json()["agent_name"].get<std::string>().empty());

  const nlohmann::json again = http().Get(pop_path, agent).Json()["items"][0];
  ASSERT_FALSE(again["recent_contacts"].empty());
  EXPECT_EQ(again["recent_contacts"][0]["id"], id);
  EXPECT_EQ(again["recent_contacts"][0]["agent_name"].get<std::string>().empty(), false);
  EXPECT_THAT(again["recent_contacts"][0]["contact"].get<std::string>(),
              ::testing::HasSubstr("****"));

  HttpReply timeline = http().Get(
      "/api/v1/customers/" + std::to_string(customer["id"].get<std::int64_t>()) + "/timeline",
      agent);
  ASSERT_EQ(timeline.status, 200) << timeline.body;
  EXPECT_EQ(timeline.Json()["items"][0]["summary"], "反映自来水发黄，已登记");
}

TEST_P(InteractionApi, BadContactsAreRefusedNamingTheField) {
  const std::string agent = LoginAs("agent01");
  HttpReply fax = http().Post("/api/v1/interactions", R"({"channel":"fax","summary":"x"})", agent);
  EXPECT_EQ(fax.status, 400);
  EXPECT_EQ(fax.Json()["field"], "channel");
  HttpReply empty = http().Post("/api/v1/interactions", R"({"channel":"sms","summary":""})", agent);
  EXPECT_EQ(empty.status, 400);
  EXPECT_EQ(empty.Json()["field"], "summary");
  HttpReply auditor = http().Post("/api/v1/interactions", R"({"channel":"sms","summary":"x"})",
                                  LoginAs("auditor01"));
  EXPECT_EQ(auditor.status, 403);
}

LIFELINE_CITY_ON_BOTH_BACKENDS(InteractionApi);

}  // namespace
}  // namespace lifeline::testing
