// The event stream: every change reaches subscribers, and a reconnecting client that says where
// it stopped loses nothing.
#include <gmock/gmock.h>

#include "tests/integration/served_city.h"

namespace lifeline::testing {
namespace {

constexpr auto kWait = std::chrono::seconds(10);

class EventStream : public CityTest {
 protected:
  int created_ = 0;

  void AddUser(const std::string& admin_token, const std::string& username) {
    const nlohmann::json body{{"username", username},
                              {"display_name", "事件测试"},
                              {"role", "agent"},
                              {"org_unit_id", 1},
                              {"password", "Passw0rd1"}};
    HttpReply reply = http().Post("/api/v1/users", body.dump(), admin_token);
    ASSERT_EQ(reply.status, 201) << reply.body;
  }

  std::string Target(const std::string& token, const std::string& query) {
    return "/api/v1/events?access_token=" + token + query;
  }

  // Reads frames until one of `type` about `username` arrives; returns its id (0: none).
  std::int64_t AwaitUserEvent(WebSocketClient& ws, const std::string& type,
                              const std::string& username) {
    for (int i = 0; i < 50; ++i) {
      auto frame = ws.Read(kWait);
      if (!frame) return 0;
      auto event = nlohmann::json::parse(*frame);
      if (event["type"] == type && event["data"]["username"] == username) return event["id"];
    }
    return 0;
  }
};

TEST_P(EventStream, ChangesArriveLiveAndResumeWithoutLoss) {
  const std::string admin = LoginAs("admin");
  const std::string prefix = GetParam() == Backend::kSqlite ? "ev.sq" : "ev.pg";
  WebSocketClient live;
  ASSERT_EQ(live.Connect(City().server->port(), Target(admin, "&topics=user")), 101);
  AddUser(admin, prefix + "1");
  const std::int64_t first = AwaitUserEvent(live, "user.created", prefix + "1");
  ASSERT_GT(first, 0);
  live.Close();

  // While nobody listens, two more changes happen.
  AddUser(admin, prefix + "2");
  AddUser(admin, prefix + "3");

  WebSocketClient resumed;
  ASSERT_EQ(resumed.Connect(City().server->port(),
                            Target(admin, "&topics=user&after=" + std::to_string(first))),
            101);
  const std::int64_t second = AwaitUserEvent(resumed, "user.created", prefix + "2");
  const std::int64_t third = AwaitUserEvent(resumed, "user.created", prefix + "3");
  EXPECT_GT(second, first);
  EXPECT_GT(third, second);
}

TEST_P(EventStream, TopicFiltersHoldAndPermissionsApply) {
  const std::string agent = LoginAs("agent04");
  WebSocketClient forbidden;
  EXPECT_EQ(forbidden.Connect(City().server->port(), Target(agent, "&topics=user")), 403);
  WebSocketClient unknown;
  EXPECT_EQ(unknown.Connect(City().server->port(), Target(agent, "&topics=weather")), 400);
  WebSocketClient anonymous;
  EXPECT_EQ(anonymous.Connect(City().server->port(), "/api/v1/events?topics=user"), 401);
}

TEST_P(EventStream, ThePollingFormPagesThroughTheSameStream) {
  const std::string admin = LoginAs("admin");
  const std::string name = GetParam() == Backend::kSqlite ? "poll.sq" : "poll.pg";
  AddUser(admin, name);
  std::int64_t after = 0;
  bool seen = false;
  for (int page = 0; page < 100 && !seen; ++page) {
    HttpReply reply =
        http().Get("/api/v1/events?topics=user&limit=20&after=" + std::to_string(after), admin);
    ASSERT_EQ(reply.status, 200) << reply.body;
    auto json = reply.Json();
    for (const auto& event : json["events"]) {
      EXPECT_EQ(event["topic"], "user");
      EXPECT_GT(event["id"].get<std::int64_t>(), after);
      seen |= event["data"]["username"] == name;
    }
    if (json["events"].empty()) break;
    after = json["next"];
  }
  EXPECT_TRUE(seen);
}

LIFELINE_CITY_ON_BOTH_BACKENDS(EventStream);

}  // namespace
}  // namespace lifeline::testing
