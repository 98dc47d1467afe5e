// The utility's billing system over HTTP/JSON: a configurable URL and field mapping, a hard
// per-call deadline and a circuit breaker. Beast stays in the .cpp. docs/design/billing.md.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "adapters/outbound/http_get.h"
#include "core/common/circuit_breaker.h"
#include "core/ports/billing_system.h"
#include "core/ports/clock.h"

namespace lifeline::billing {

// Where the answer's fields are, as JSON pointers (RFC 6901).
struct BillingFieldMap {
  std::string balance = "/balance";
  std::string arrears = "/arrears";
  std::string bills = "/bills";  // an array; empty string: the system lists no bills
  std::string bill_period = "/period";
  std::string bill_amount = "/amount";
  std::string bill_paid = "/paid";
  std::int64_t amount_scale = 1;  // 100 when the system answers in yuan
};

struct HttpBillingOptions {
  std::string url;  // http://host[:port]/path with {account_no} where the number goes
  int timeout_ms = 800;
  BillingFieldMap fields;
  int failure_threshold = 5;
  int cooldown_seconds = 30;
};

// kInvalidArgument naming the key (billing.url, billing.balance, …) when the options cannot
// work: the URL is not http://host[:port]/… with {account_no} in it, a pointer does not parse.
Status ValidateHttpBillingOptions(const HttpBillingOptions& options);

class HttpBillingSystem final : public BillingSystem {
 public:
  // Fails as ValidateHttpBillingOptions does.
  static Result<std::unique_ptr<HttpBillingSystem>> Create(HttpBillingOptions options,
                                                           const Clock& clock);

  Result<BillingSnapshot> Snapshot(std::string_view account_no) override;
  CircuitBreaker::State breaker_state();

 private:
  HttpBillingSystem(HttpBillingOptions options, outbound::HttpEndpoint endpoint,
                    std::string path_template, const Clock& clock);
  Result<BillingSnapshot> Fetch(std::string_view account_no);

  HttpBillingOptions options_;
  outbound::HttpEndpoint endpoint_;
  std::string path_template_;  // with {account_no}
  const Clock& clock_;
  std::mutex mutex_;  // guards breaker_
  CircuitBreaker breaker_;
};

}  // namespace lifeline::billing
