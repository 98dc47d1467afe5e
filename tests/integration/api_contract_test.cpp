// The small contract that outside checks rely on (README, "Contract"), against the real binary.
#include <gmock/gmock.h>

#include <fstream>

#include "tests/integration/served_city.h"

namespace lifeline::testing {
namespace {

using ::testing::HasSubstr;

class ApiContract : public CityTest {};

TEST_P(ApiContract, HealthAndMetricsAnswer) {
  EXPECT_EQ(http().Get("/healthz").status, 200);
  EXPECT_EQ(http().Get("/readyz").status, 200);
  http().Get("/api/v1/customers");  // something to count
  HttpReply metrics = http().Get("/metrics");
  EXPECT_EQ(metrics.status, 200);
  EXPECT_THAT(metrics.Header("content-type"), HasSubstr("text/plain"));
  EXPECT_THAT(metrics.body, HasSubstr("lifeline_http_requests_total{method=\"GET\",route=\"/api/v1/"
                                      "customers\",status=\"4xx\"}"));
  EXPECT_THAT(metrics.body, HasSubstr("lifeline_http_request_duration_seconds_bucket"));
  EXPECT_THAT(metrics.body, HasSubstr("lifeline_db_pool_connections"));
}

TEST_P(ApiContract, DemoAccountsFileListsEveryRoleWithItsPassword) {
  std::ifstream in(City().database.data_dir() / "demo-accounts.txt");
  std::set<std::string> roles;
  std::string username, role, password;
  int lines = 0;
  while (in >> username >> role >> password) {
    roles.insert(role);
    ++lines;
    EXPECT_EQ(password, kDemoPassword);
  }
  EXPECT_GT(lines, 10);
  EXPECT_EQ(roles, (std::set<std::string>{"admin", "agent", "auditor", "dispatcher", "integration",
                                          "manager", "supervisor", "technician"}));
}

TEST_P(ApiContract, LoginGivesABearerTokenForLaterCalls) {
  HttpReply login =
      http().Post("/api/v1/auth/login", R"({"username":"agent01","password":"Lifeline2026"})");
  ASSERT_EQ(login.status, 200) << login.body;
  const std::string token = login.Json()["token"];
  EXPECT_FALSE(token.empty());
  HttpReply me = http().Get("/api/v1/auth/me", token);
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.Json()["username"], "agent01");
  EXPECT_EQ(me.Json()["role"], "agent");
}

TEST_P(ApiContract, ScreenPopFindsTheCallerWithAccountsAndMasksPersonalData) {
  const std::string token = LoginAs("agent01");
  HttpReply pop = http().Get("/api/v1/customers?phone=" + ServedCity::FirstCustomerPhone(), token);
  ASSERT_EQ(pop.status, 200) << pop.body;
  auto items = pop.Json()["items"];
  ASSERT_GE(items.size(), 1u);
  auto customer = items[0];
  EXPECT_FALSE(customer["name"].get<std::string>().empty());
  EXPECT_EQ(customer["phones"][0], "130****9246");  // agents see masked numbers
  EXPECT_THAT(customer["id_number"].get<std::string>(), HasSubstr("**********"));
  ASSERT_GE(customer["accounts"].size(), 1u);
  EXPECT_THAT(customer["accounts"][0]["address"].get<std::string>(), HasSubstr("临江市"));
  EXPECT_TRUE(customer["accounts"][0].contains("arrears_fen"));
  EXPECT_TRUE(customer["accounts"][0].contains("meters"));
}

TEST_P(ApiContract, ThePhoneNumberMayBeWrittenAnyWayACallerIdArrives) {
  const std::string token = LoginAs("agent01");
  HttpReply pop = http().Get("/api/v1/customers?phone=%2B86%20130-1357-9246", token);
  ASSERT_EQ(pop.status, 200);
  EXPECT_GE(pop.Json()["items"].size(), 1u);
  HttpReply unknown = http().Get("/api/v1/customers?phone=19999999999", token);
  ASSERT_EQ(unknown.status, 200);
  EXPECT_EQ(unknown.Json()["items"].size(), 0u);
}

TEST_P(ApiContract, SupervisorsSeePersonalDataAndThatIsAudited) {
  const std::string token = LoginAs("supervisor01");
  HttpReply pop = http().Get("/api/v1/customers?phone=" + ServedCity::FirstCustomerPhone(), token);
  ASSERT_EQ(pop.status, 200);
  EXPECT_EQ(pop.Json()["items"][0]["phones"][0], ServedCity::FirstCustomerPhone());
  const std::string auditor = LoginAs("auditor01");
  HttpReply audit =
      http().Get("/api/v1/audit?action=customer.read_pii&actor=supervisor01", auditor);
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_GE(audit.Json()["items"].size(), 1u);
}

TEST_P(ApiContract, BranchStaffSeeOnlyTheirOwnArea) {
  // The first customer lives in 老城区, served by 城区分公司, not by 江北分公司.
  const std::string jiangbei = LoginAs("agent.jiangbei");
  HttpReply elsewhere =
      http().Get("/api/v1/customers?phone=" + ServedCity::FirstCustomerPhone(), jiangbei);
  ASSERT_EQ(elsewhere.status, 200);
  EXPECT_EQ(elsewhere.Json()["items"].size(), 0u);
  const std::string chengqu = LoginAs("agent.chengqu");
  HttpReply own =
      http().Get("/api/v1/customers?phone=" + ServedCity::FirstCustomerPhone(), chengqu);
  ASSERT_EQ(own.status, 200);
  EXPECT_EQ(own.Json()["items"].size(), 1u);
}

LIFELINE_CITY_ON_BOTH_BACKENDS(ApiContract);

}  // namespace
}  // namespace lifeline::testing
