// The search box through the API: an account number and an address fragment find the demo
// city's first customer; bad queries name `q`.
#include <gmock/gmock.h>

#include "tests/integration/served_city.h"

namespace lifeline::testing {
namespace {

class CustomerSearchApi : public CityTest {};

TEST_P(CustomerSearchApi, FindsByAccountNumberAndByAddressWithMaskedPhones) {
  const std::string agent = LoginAs("agent01");
  HttpReply pop = http().Get("/api/v1/customers?phone=" + ServedCity::FirstCustomerPhone(), agent);
  ASSERT_EQ(pop.status, 200);
  const nlohmann::json first = pop.Json()["items"][0];
  const std::string account_no = first["accounts"][0]["account_no"];

  HttpReply by_account = http().Get("/api/v1/customers/search?q=" + account_no, agent);
  ASSERT_EQ(by_account.status, 200) << by_account.body;
  EXPECT_EQ(by_account.Json()["items"][0]["id"], first["id"]);
  EXPECT_EQ(by_account.Json()["items"][0]["matched_by"], "account_no");
  EXPECT_THAT(by_account.Json()["items"][0]["phones"][0].get<std::string>(),
              ::testing::HasSubstr("****"));

  // "阳光花园1栋1单元101室", percent-encoded as a browser sends it.
  const std::string address = first["accounts"][0]["address"];
  const std::string fragment = address.substr(address.find("号") + std::string("号").size());
  std::string encoded;
  for (unsigned char c : fragment) {
    char hex[4];
    std::snprintf(hex, sizeof hex, "%%%02X", c);
    encoded += hex;
  }
  HttpReply by_address = http().Get("/api/v1/customers/search?q=" + encoded, agent);
  ASSERT_EQ(by_address.status, 200) << by_address.body;
  bool found = false;
  const nlohmann::json items = by_address.Json()["items"];
  for (const auto& item : items) {
    found |= item["id"] == first["id"] && item["matched_by"] == "address";
  }
  EXPECT_TRUE(found) << fragment << " → " << by_address.body;
}

TEST_P(CustomerSearchApi, BadQueriesNameTheParameter) {
  const std::string agent = LoginAs("agent01");
  HttpReply empty = http().Get("/api/v1/customers/search?q=", agent);
  EXPECT_EQ(empty.status, 400);
  EXPECT_EQ(empty.Json()["field"], "q");
  EXPECT_EQ(http().Get("/api/v1/customers/search?q=abc", agent).status, 400);
  EXPECT_EQ(http().Get("/api/v1/customers/search?q=1000000001&limit=999", agent).status, 400);
  EXPECT_EQ(http().Get("/api/v1/customers/search?q=1000000001").status, 401);
}

LIFELINE_CITY_ON_BOTH_BACKENDS(CustomerSearchApi);

}  // namespace
}  // namespace lifeline::testing
