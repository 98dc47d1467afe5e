// Notifications through the real binary on both backends: an urged assignee sees it live on
// the event stream and in GET /notifications (and nobody else's); resolving an incident queues
// a message for every linked order's customer, which the built-in log channel sends; staff read
// the outbox with the phone masked unless they may see personal data.
#include <gmock/gmock.h>

#include <functional>
#include <set>

#include "tests/integration/served_city.h"

namespace lifeline::testing {
namespace {

using ::testing::HasSubstr;

// Generous: the notifier first works through the seeded city's backlog.
constexpr auto kWait = std::chrono::seconds(30);

class NotificationApi : public CityTest {
 protected:
  std::string Target(const std::string& token, const std::string& topics) {
    return "/api/v1/events?access_token=" + token + "&topics=" + topics;
  }

  // Reads frames until one matches; null when the stream ends or goes quiet first.
  nlohmann::json Await(WebSocketClient& ws,
                       const std::function<bool(const nlohmann::json&)>& match) {
    for (int i = 0; i < 5000; ++i) {
      auto frame = ws.Read(kWait);
      if (!frame) return nullptr;
      nlohmann::json event = nlohmann::json::parse(*frame);
      if (match(event)) return event;
    }
    return nullptr;
  }

  nlohmann::json Created(const std::string& agent, const std::string& phone) {
    const nlohmann::json body{{"type", "complaint"},
                              {"category", "general.other"},
                              {"title", "通知测试"},
                              {"contact_name", "刘女士"},
                              {"contact_phone", phone}};
    HttpReply created = http().Post("/api/v1/work-orders", body.dump(), agent);
    EXPECT_EQ(created.status, 201) << created.body;
    return created.Json();
  }

  HttpReply Step(std::int64_t id, const nlohmann::json& body, const std::string& token) {
    return http().Post("/api/v1/work-orders/" + std::to_string(id) + "/transitions", body.dump(),
                       token);
  }

  nlohmann::json Me(const std::string& token) {
    return http().Get("/api/v1/auth/me", token).Json();
  }

  // A phone number per test and backend, so the daily limit never bites across tests.
  std::string Phone(int n) const {
    return std::string(GetParam() == Backend::kSqlite ? "1370000" : "1371111") +
           std::to_string(1000 + n);
  }
};

TEST_P(NotificationApi, AnUrgedAssigneeSeesItLiveAndInTheInboxAndNobodyElseDoes) {
  const std::string agent = LoginAs("agent01");
  const std::string dispatcher = LoginAs("dispatcher01");
  const std::string tech = LoginAs("tech01");
  const std::int64_t tech_id = Me(tech)["user_id"];
  WebSocketClient live;
  ASSERT_EQ(live.Connect(City().server->port(), Target(tech, "notification")), 101)
      << "a technician has no events:subscribe, but may follow their own notifications";

  const nlohmann::json order = Created(agent, Phone(1));
  const std::int64_t id = order["id"];
  ASSERT_EQ(Step(id, {{"action", "assign"}, {"assignee_id", tech_id}}, dispatcher).status, 200);
  ASSERT_EQ(Step(id, {{"action", "urge"}}, agent).status, 200);

  const nlohmann::json pushed = Await(live, [&](const nlohmann::json& e) {
    return e["type"] == "notification.created" && e["data"]["kind"] == "workorder.urged" &&
           e["data"]["order_id"] == id;
  });
  ASSERT_FALSE(pushed.is_null()) << "no urge notification arrived on the stream";
  EXPECT_EQ(pushed["subject"], "user/" + std::to_string(tech_id));

  HttpReply inbox = http().Get("/api/v1/notifications?unread=true&limit=200", tech);
  ASSERT_EQ(inbox.status, 200) << inbox.body;
  const nlohmann::json page = inbox.Json();
  EXPECT_GE(page["unread"].get<int>(), 2);
  std::vector<std::string> kinds;
  for (const auto& n : page["items"]) {
    if (n["order_id"] == id) kinds.push_back(n["kind"]);
  }
  EXPECT_THAT(kinds, ::testing::ElementsAre("workorder.urged", "workorder.assigned"));
  EXPECT_THAT(page["items"][0]["text"].get<std::string>(), HasSubstr("催办"));
  HttpReply english = http().Send("GET", "/api/v1/notifications?limit=1", "",
                                  {{"Authorization", "Bearer " + tech}, {"Accept-Language", "en"}});
  EXPECT_THAT(english.Json()["items"][0]["text"].get<std::string>(), HasSubstr("urged"));

  // Another technician's view of the same topic holds only their own notifications.
  const std::string other = LoginAs("tech02");
  const std::int64_t other_id = Me(other)["user_id"];
  HttpReply polled = http().Get("/api/v1/events?topics=notification&after=0&limit=1000", other);
  ASSERT_EQ(polled.status, 200) << polled.body;
  for (const auto& e : polled.Json()["events"]) {
    EXPECT_EQ(e["subject"], "user/" + std::to_string(other_id));
  }
  HttpReply mine = http().Get("/api/v1/events?topics=notification&after=" +
                                  std::to_string(pushed["id"].get<int>() - 1) + "&limit=1",
                              tech);
  ASSERT_EQ(mine.Json()["events"].size(), 1u);
  EXPECT_EQ(mine.Json()["events"][0]["id"], pushed["id"]);

  HttpReply marked = http().Post("/api/v1/notifications/read", R"({"all":true})", tech);
  ASSERT_EQ(marked.status, 200) << marked.body;
  EXPECT_GE(marked.Json()["marked"].get<int>(), 2);
  EXPECT_EQ(http().Get("/api/v1/notifications?unread=true", tech).Json()["total"], 0);
  EXPECT_EQ(http().Post("/api/v1/notifications/read", "{}", tech).Json()["field"], "ids");
  EXPECT_EQ(http().Get("/api/v1/notifications?unread=maybe", tech).status, 400);
  EXPECT_EQ(http().Get("/api/v1/notifications").status, 401);
}

TEST_P(NotificationApi, ResolvingAnIncidentMessagesEveryLinkedCustomer) {
  const std::string agent = LoginAs("agent01");
  const std::string dispatcher = LoginAs("dispatcher01");
  const std::string admin = LoginAs("admin");
  WebSocketClient outbox;
  ASSERT_EQ(outbox.Connect(City().server->port(), Target(admin, "customer_message")), 101);

  const nlohmann::json parent = Created(agent, Phone(10));
  const std::int64_t parent_id = parent["id"];
  std::vector<std::int64_t> children;
  for (int i = 11; i <= 12; ++i) {
    const std::int64_t child = Created(agent, Phone(i))["id"];
    ASSERT_EQ(Step(child, {{"action", "link"}, {"parent_id", parent_id}}, dispatcher).status, 200);
    children.push_back(child);
  }
  const std::int64_t department = Me(dispatcher)["org_unit_id"];
  ASSERT_EQ(
      Step(parent_id, {{"action", "dispatch"}, {"department_id", department}}, dispatcher).status,
      200);
  ASSERT_EQ(Step(parent_id, {{"action", "resolve"}, {"note", "主管已修复"}}, dispatcher).status,
            200);

  // The log channel sends each one: wait until both children's messages are sent.
  std::set<std::int64_t> sent;
  while (sent.size() < children.size()) {
    const nlohmann::json event = Await(outbox, [&](const nlohmann::json& e) {
      return e["type"] == "customer_message.sent" &&
             e["data"]["template"] == "order_resolved_with_parent";
    });
    ASSERT_FALSE(event.is_null()) << "the children's messages were not sent";
    sent.insert(event["data"]["order_id"].get<std::int64_t>());
  }
  EXPECT_EQ(sent, std::set<std::int64_t>(children.begin(), children.end()));

  const std::string number = parent["number"];
  HttpReply masked =
      http().Get("/api/v1/customer-messages?order_id=" + std::to_string(children[0]), agent);
  ASSERT_EQ(masked.status, 200) << masked.body;
  const nlohmann::json first = masked.Json()["items"][0];
  EXPECT_EQ(first["template"], "order_resolved_with_parent");
  EXPECT_EQ(first["state"], "sent");
  EXPECT_EQ(first["channel"], "sms");
  EXPECT_EQ(first["recipient"], Phone(11).substr(0, 3) + "****" + Phone(11).substr(7));
  EXPECT_THAT(first["text"].get<std::string>(), HasSubstr(number));
  EXPECT_EQ(masked.Json()["total"], 2) << "accepted, then resolved with the parent";

  HttpReply clear = http().Get("/api/v1/customer-messages?order_id=" + std::to_string(children[0]),
                               LoginAs("supervisor01"));
  EXPECT_EQ(clear.Json()["items"][0]["recipient"], Phone(11));
  EXPECT_EQ(http().Get("/api/v1/customer-messages", LoginAs("manager01")).status, 403);
  EXPECT_EQ(http().Get("/api/v1/customer-messages?state=lost", agent).Json()["field"], "state");
}

TEST_P(NotificationApi, AnOptedOutCustomerIsRecordedAndNotMessaged) {
  const std::string agent = LoginAs("agent01");
  HttpReply pop = http().Get("/api/v1/customers?phone=" + ServedCity::FirstCustomerPhone(), agent);
  ASSERT_EQ(pop.status, 200);
  const std::int64_t customer = pop.Json()["items"][0]["id"];
  const std::string path = "/api/v1/customers/" + std::to_string(customer) + "/message-opt-out";
  HttpReply opted =
      http().Send("PUT", path, R"({"opted_out":true})",
                  {{"Authorization", "Bearer " + agent}, {"Content-Type", "application/json"}});
  ASSERT_EQ(opted.status, 200) << opted.body;
  EXPECT_EQ(http().Get(path, agent).Json()["opted_out"], true);
  EXPECT_EQ(http()
                .Send("PUT", path, R"({"opted_out":true})",
                      {{"Authorization", "Bearer " + LoginAs("tech01")}})
                .status,
            403);
}

LIFELINE_CITY_ON_BOTH_BACKENDS(NotificationApi);

}  // namespace
}  // namespace lifeline::testing
