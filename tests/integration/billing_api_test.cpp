// Billing through the API with the built-in source, on both backends; a misconfigured billing
// URL stops `config check` with a message naming the key.
#include <gmock/gmock.h>

#include "tests/integration/served_city.h"

namespace lifeline::testing {
namespace {

class BillingApi : public CityTest {};

TEST_P(BillingApi, AnAccountsBalanceAndBillsComeFromTheBuiltInSource) {
  const std::string agent = LoginAs("agent01");
  HttpReply pop = http().Get("/api/v1/customers?phone=" + ServedCity::FirstCustomerPhone(), agent);
  ASSERT_EQ(pop.status, 200);
  const nlohmann::json account = pop.Json()["items"][0]["accounts"][0];
  HttpReply billing = http().Get(
      "/api/v1/accounts/" + account["account_no"].get<std::string>() + "/billing", agent);
  ASSERT_EQ(billing.status, 200) << billing.body;
  const nlohmann::json snapshot = billing.Json();
  EXPECT_EQ(snapshot["source"], "lifeline");
  EXPECT_EQ(snapshot["arrears_fen"], account["arrears_fen"]);
  EXPECT_EQ(snapshot["recent_bills"].size(), account["recent_bills"].size());

  EXPECT_EQ(http().Get("/api/v1/accounts/0000000000/billing", agent).status, 404);
  EXPECT_EQ(http().Get("/api/v1/accounts/1000000001/billing").status, 401);
}

TEST_P(BillingApi, ABadBillingUrlIsRefusedAtStartNamingTheKey) {
  CommandResult check =
      RunLifeline({"config", "check", "--data", City().database.data_dir().string()}, "",
                  {{"LIFELINE_BILLING_URL", "ftp://billing/{account_no}"}});
  EXPECT_NE(check.exit_code, 0);
  EXPECT_THAT(check.output, ::testing::HasSubstr("billing.url"));
}

LIFELINE_CITY_ON_BOTH_BACKENDS(BillingApi);

}  // namespace
}  // namespace lifeline::testing
