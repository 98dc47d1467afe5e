// The HTTP billing adapter against a small fake billing server on loopback: field mapping,
// errors, timeouts and the circuit breaker.
#include "adapters/billing/http_billing_system.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "adapters/outbound/testing/fake_http_server.h"

namespace lifeline::billing {
namespace {

class ManualClock final : public Clock {
 public:
  TimeMs NowMs() const override { return now; }
  TimeMs now = 1'000'000;
};

class HttpBilling : public ::testing::Test {
 protected:
  std::unique_ptr<HttpBillingSystem> Make(int timeout_ms = 1000) {
    HttpBillingOptions options;
    options.url = "http://127.0.0.1:" + std::to_string(server.port()) + "/v2/accounts/{account_no}";
    options.timeout_ms = timeout_ms;
    options.fields = {.balance = "/data/balance",
                      .arrears = "/data/owed",
                      .bills = "/data/bills",
                      .bill_period = "/month",
                      .bill_amount = "/due",
                      .bill_paid = "/paid",
                      .amount_scale = 100};
    options.failure_threshold = 2;
    options.cooldown_seconds = 30;
    auto billing = HttpBillingSystem::Create(options, clock);
    EXPECT_TRUE(billing.has_value()) << billing.error().message;
    return std::move(*billing);
  }

  testing::FakeHttpServer server;
  ManualClock clock;
};

TEST_F(HttpBilling, MapsTheAnswerIntoFen) {
  server.Answer(200, R"({"data":{"balance":12.5,"owed":88.03,
                         "bills":[{"month":"2026-10","due":30.1,"paid":0}]}})");
  auto snapshot = Make()->Snapshot("1000 0001");
  ASSERT_TRUE(snapshot.has_value()) << snapshot.error().message;
  EXPECT_EQ(snapshot->balance_fen, 1250);
  EXPECT_EQ(snapshot->arrears_fen, 8803);
  ASSERT_EQ(snapshot->recent_bills.size(), 1u);
  EXPECT_EQ(snapshot->recent_bills[0].period, "2026-10");
  EXPECT_EQ(snapshot->recent_bills[0].amount_fen, 3010);
  EXPECT_EQ(snapshot->source, "external");
  EXPECT_EQ(server.last_request_line(), "GET /v2/accounts/1000%200001 HTTP/1.1");
}

TEST_F(HttpBilling, UnknownAccountIsNotFoundAndBrokenAnswersNameTheField) {
  auto billing = Make();
  server.Answer(404, "{}");
  EXPECT_EQ(billing->Snapshot("1").error().code, ErrorCode::kNotFound);
  server.Answer(200, R"({"data":{"balance":1}})");
  auto missing = billing->Snapshot("1");
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(missing.error().message.find("/data/owed"), std::string::npos);
  server.Answer(200, "<html>oops</html>");
  EXPECT_EQ(billing->Snapshot("1").error().code, ErrorCode::kUnavailable);
}

TEST_F(HttpBilling, ASlowSystemTimesOutAndTheBreakerThenFailsFast) {
  auto billing = Make(150);
  server.Answer(200, R"({"data":{"balance":1,"owed":0,"bills":[]}})",
                std::chrono::milliseconds(600));
  auto slow = billing->Snapshot("1");
  ASSERT_FALSE(slow.has_value());
  EXPECT_NE(slow.error().message.find("timeout"), std::string::npos) << slow.error().message;
  server.WaitIdle();  // the fake serves one request at a time
  server.Answer(500, "{}");
  EXPECT_EQ(billing->Snapshot("1").error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(billing->breaker_state(), CircuitBreaker::State::kOpen);

  const int before = server.requests();
  const auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(billing->Snapshot("1").error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(server.requests(), before) << "an open breaker does not call";
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(50));

  clock.now += 31'000;  // cooldown over: one trial call, which succeeds and closes it
  server.Answer(200, R"({"data":{"balance":1,"owed":0,"bills":[]}})");
  EXPECT_TRUE(billing->Snapshot("1").has_value());
  EXPECT_EQ(billing->breaker_state(), CircuitBreaker::State::kClosed);
}

TEST_F(HttpBilling, RefusedConnectionIsUnavailable) {
  HttpBillingOptions options;
  options.url = "http://127.0.0.1:1/{account_no}";
  auto billing = HttpBillingSystem::Create(options, clock);
  ASSERT_TRUE(billing.has_value());
  EXPECT_EQ((*billing)->Snapshot("1").error().code, ErrorCode::kUnavailable);
}

TEST(HttpBillingConfig, BadUrlsAndPointersAreRefusedNamingTheKey) {
  ManualClock clock;
  for (const char* url :
       {"https://billing/{account_no}", "http://billing/accounts", "http:///x/{account_no}"}) {
    HttpBillingOptions options;
    options.url = url;
    auto made = HttpBillingSystem::Create(options, clock);
    ASSERT_FALSE(made.has_value()) << url;
    EXPECT_EQ(made.error().field, "billing.url");
  }
  HttpBillingOptions options;
  options.url = "http://billing/{account_no}";
  options.fields.arrears = "data.owed";
  EXPECT_EQ(HttpBillingSystem::Create(options, clock).error().field, "billing.arrears");
}

}  // namespace
}  // namespace lifeline::billing
