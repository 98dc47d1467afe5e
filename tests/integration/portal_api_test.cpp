// The portal's report-a-problem and bill pages through the real binary on both backends: only
// the holder's last four digits open them (a wrong account and wrong digits answer alike), bad
// input names the field, a report is a contact on the customer's timeline linked to a tracked
// order, an account reports at most five times a day, and answers carry nothing personal.
#include <gmock/gmock.h>

#include "tests/integration/served_city.h"

namespace lifeline::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class PortalApi : public CityTest {
 protected:
  // A demo customer by id as an agent sees them (phones masked, their last four digits kept).
  nlohmann::json Customer(std::int64_t id) {
    HttpReply reply = http().Get("/api/v1/customers/" + std::to_string(id), LoginAs("agent01"));
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.Json();
  }

  static std::string Last4(const nlohmann::json& customer) {
    const std::string phone = customer["phones"][0];
    return phone.substr(phone.size() - 4);
  }

  static std::string OtherDigits(const std::string& last4) {
    return last4 == "0000" ? "1111" : "0000";
  }

  // A category of the account's utility that needs a visit.
  static std::string CategoryFor(const nlohmann::json& account) {
    const std::string utility = account["utility"];
    if (utility == "water") return "water.quality.yellow";
    if (utility == "heat") return "heat.temperature.cold";
    return "gas.safety.leak";
  }

  static nlohmann::json Report(const nlohmann::json& account, const std::string& last4) {
    return {{"account_no", account["account_no"]},
            {"phone_last4", last4},
            {"category", CategoryFor(account)},
            {"description", "家里的水从昨天开始发黄，放了很久也不清"}};
  }
};

TEST_P(PortalApi, TheCategoryTreeIsOpenToCustomers) {
  HttpReply tree = http().Get("/api/v1/public/work-order-categories");
  ASSERT_EQ(tree.status, 200) << tree.body;
  const nlohmann::json items = tree.Json()["items"];  // kept: the loop must not outlive it
  std::vector<std::string> codes;
  for (const auto& item : items) codes.push_back(item["code"]);
  EXPECT_THAT(codes, ::testing::IsSupersetOf(
                         {"water.quality.yellow", "heat.temperature.cold", "gas.safety.leak"}));
}

TEST_P(PortalApi, AReportIsATrackedOrderAndAContactOnTheTimeline) {
  const nlohmann::json customer = Customer(11);
  const nlohmann::json account = customer["accounts"][0];
  const std::string last4 = Last4(customer);

  HttpReply wrong =
      http().Post("/api/v1/public/work-orders", Report(account, OtherDigits(last4)).dump());
  EXPECT_EQ(wrong.status, 404) << wrong.body;
  nlohmann::json unknown = Report(account, last4);
  unknown["account_no"] = "0000000000";
  HttpReply no_account = http().Post("/api/v1/public/work-orders", unknown.dump());
  EXPECT_EQ(no_account.status, 404) << no_account.body;
  EXPECT_EQ(no_account.Json()["detail"], wrong.Json()["detail"]);

  HttpReply created = http().Post("/api/v1/public/work-orders", Report(account, last4).dump());
  ASSERT_EQ(created.status, 201) << created.body;
  const nlohmann::json receipt = created.Json();
  EXPECT_THAT(receipt["number"].get<std::string>(), HasSubstr("GD-"));
  EXPECT_EQ(receipt["category"], CategoryFor(account));
  for (const char* hidden :
       {"account_no", "customer_id", "contact_phone", "contact_name", "address", "description"}) {
    EXPECT_FALSE(receipt.contains(hidden)) << hidden << " leaked: " << created.body;
  }

  HttpReply tracked = http().Get("/api/v1/track/" + receipt["tracking_code"].get<std::string>());
  ASSERT_EQ(tracked.status, 200) << tracked.body;
  EXPECT_EQ(tracked.Json()["number"], receipt["number"]) << tracked.body;
  EXPECT_EQ(tracked.Json()["type"], "repair") << tracked.body;

  HttpReply timeline = http().Get(
      "/api/v1/customers/" + std::to_string(customer["id"].get<std::int64_t>()) + "/timeline",
      LoginAs("agent01"));
  ASSERT_EQ(timeline.status, 200) << timeline.body;
  const nlohmann::json contact = timeline.Json()["items"][0];
  EXPECT_EQ(contact["channel"], "portal");
  EXPECT_THAT(contact["summary"].get<std::string>(), HasSubstr("家里的水从昨天开始发黄"));
  ASSERT_EQ(contact["work_orders"].size(), 1u) << timeline.body;
  EXPECT_EQ(contact["work_orders"][0]["number"], receipt["number"]);
}

TEST_P(PortalApi, BadReportsNameTheField) {
  const nlohmann::json customer = Customer(12);
  const nlohmann::json account = customer["accounts"][0];
  const std::string last4 = Last4(customer);
  const auto field_of = [&](const nlohmann::json& body) {
    HttpReply reply = http().Post("/api/v1/public/work-orders", body.dump());
    EXPECT_EQ(reply.status, 400) << reply.body;
    return reply.Json().value("field", "");
  };
  nlohmann::json body = Report(account, "12a4");
  EXPECT_EQ(field_of(body), "phone_last4");
  body = Report(account, last4);
  body["category"] = "water.nonsense";
  EXPECT_EQ(field_of(body), "category");
  body["category"] = account["utility"] == "gas" ? "water.quality.yellow" : "gas.safety.leak";
  EXPECT_EQ(field_of(body), "category");
  body = Report(account, last4);
  body["description"] = "";
  EXPECT_EQ(field_of(body), "description");
  body["description"] = std::string(501 * 3, 'x');
  EXPECT_EQ(field_of(body), "description");
  body = Report(account, last4);
  body["type"] = "supervision";
  EXPECT_EQ(field_of(body), "type");
  body["type"] = "complaint";
  body["contact_phone"] = "not a phone";
  EXPECT_EQ(field_of(body), "contact_phone");
  HttpReply broken = http().Post("/api/v1/public/work-orders", R"({"account_no": 1})");
  EXPECT_EQ(broken.status, 400);
  EXPECT_EQ(broken.Json().value("field", ""), "account_no");
}

TEST_P(PortalApi, AnAccountReportsAtMostFiveTimesADay) {
  const nlohmann::json customer = Customer(13);
  const nlohmann::json body = Report(customer["accounts"][0], Last4(customer));
  for (int i = 0; i < 5; ++i) {
    HttpReply created = http().Post("/api/v1/public/work-orders", body.dump());
    ASSERT_EQ(created.status, 201) << i << ": " << created.body;
  }
  HttpReply sixth = http().Post("/api/v1/public/work-orders", body.dump());
  EXPECT_EQ(sixth.status, 429) << sixth.body;
  EXPECT_THAT(sixth.body, HasSubstr("hotline"));
}

TEST_P(PortalApi, TheBillNeedsTheDigitsAndMasksTheHolder) {
  const nlohmann::json customer = Customer(14);
  const nlohmann::json account = customer["accounts"][0];
  const std::string account_no = account["account_no"];
  const std::string last4 = Last4(customer);
  const auto query = [&](const std::string& digits) {
    return http().Post("/api/v1/public/bill-query",
                       nlohmann::json{{"account_no", account_no}, {"phone_last4", digits}}.dump());
  };
  EXPECT_EQ(query(OtherDigits(last4)).status, 404);
  HttpReply bad = query("123");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.Json().value("field", ""), "phone_last4");

  HttpReply bill = query(last4);
  ASSERT_EQ(bill.status, 200) << bill.body;
  const nlohmann::json answer = bill.Json();
  HttpReply staff = http().Get("/api/v1/accounts/" + account_no + "/billing", LoginAs("agent01"));
  ASSERT_EQ(staff.status, 200) << staff.body;
  EXPECT_EQ(answer["arrears_fen"], staff.Json()["arrears_fen"]);
  EXPECT_EQ(answer["balance_fen"], staff.Json()["balance_fen"]);
  EXPECT_EQ(answer["recent_bills"].size(), staff.Json()["recent_bills"].size());
  EXPECT_EQ(answer["utility"], account["utility"]);
  const std::string name = customer["name"];
  EXPECT_NE(answer["holder"], name);
  EXPECT_THAT(answer["holder"].get<std::string>(), HasSubstr("*"));
  EXPECT_EQ(answer["holder"].get<std::string>().substr(0, 3), name.substr(0, 3));
  EXPECT_FALSE(answer["address"].get<std::string>().empty());
  EXPECT_THAT(bill.body, Not(HasSubstr("栋")));
  EXPECT_THAT(bill.body, Not(HasSubstr("单元")));
  EXPECT_FALSE(answer.contains("phones"));
}

}  // namespace

LIFELINE_CITY_ON_BOTH_BACKENDS(PortalApi);

}  // namespace lifeline::testing
