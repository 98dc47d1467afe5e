#include "adapters/billing/http_billing_system.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "adapters/outbound/http_get.h"

namespace lifeline::billing {

namespace {

constexpr std::string_view kPlaceholder = "{account_no}";

Error Unavailable(const std::string& why) {
  return Error::Unavailable("billing system unavailable: " + why);
}

Result<std::int64_t> MoneyAt(const nlohmann::json& json, const std::string& pointer,
                             std::int64_t scale) {
  const nlohmann::json::json_pointer at(pointer);
  if (!json.contains(at) || !json.at(at).is_number()) {
    return Fail(Unavailable("answer has no number at " + pointer));
  }
  return static_cast<std::int64_t>(std::llround(json.at(at).get<double>() * double(scale)));
}

Result<BillingSnapshot> Map(const nlohmann::json& json, const BillingFieldMap& fields) {
  BillingSnapshot snapshot;
  auto balance = MoneyAt(json, fields.balance, fields.amount_scale);
  if (!balance) return Fail(balance.error());
  auto arrears = MoneyAt(json, fields.arrears, fields.amount_scale);
  if (!arrears) return Fail(arrears.error());
  snapshot.balance_fen = *balance;
  snapshot.arrears_fen = *arrears;
  if (fields.bills.empty()) return snapshot;
  const nlohmann::json::json_pointer bills_at(fields.bills);
  if (!json.contains(bills_at) || !json.at(bills_at).is_array()) {
    return Fail(Unavailable("answer has no array at " + fields.bills));
  }
  for (const nlohmann::json& item : json.at(bills_at)) {
    BilledPeriod bill;
    const nlohmann::json::json_pointer period_at(fields.bill_period);
    if (!item.contains(period_at)) return Fail(Unavailable("a bill has no " + fields.bill_period));
    bill.period = item.at(period_at).is_string() ? item.at(period_at).get<std::string>()
                                                 : item.at(period_at).dump();
    auto amount = MoneyAt(item, fields.bill_amount, fields.amount_scale);
    if (!amount) return Fail(amount.error());
    auto paid = MoneyAt(item, fields.bill_paid, fields.amount_scale);
    if (!paid) return Fail(paid.error());
    bill.amount_fen = *amount;
    bill.paid_fen = *paid;
    snapshot.recent_bills.push_back(std::move(bill));
  }
  return snapshot;
}

// A pointer that does not parse is a configuration mistake, found at start rather than on the
// first call.
Status CheckPointers(const BillingFieldMap& fields) {
  const std::pair<const char*, const std::string*> pointers[] = {
      {"billing.balance", &fields.balance},
      {"billing.arrears", &fields.arrears},
      {"billing.bills", &fields.bills},
      {"billing.bill_period", &fields.bill_period},
      {"billing.bill_amount", &fields.bill_amount},
      {"billing.bill_paid", &fields.bill_paid}};
  for (const auto& [key, pointer] : pointers) {
    try {
      (void)nlohmann::json::json_pointer(*pointer);
    } catch (const nlohmann::json::exception&) {
      return Fail(
          Error::Invalid(key, std::string(key) + " is not a JSON pointer such as /data/balance"));
    }
  }
  if (fields.amount_scale <= 0) {
    return Fail(Error::Invalid("billing.amount_scale", "billing.amount_scale must be positive"));
  }
  return Ok();
}

// The URL must hold {account_no}, replaced per call.
Result<std::pair<outbound::HttpEndpoint, std::string>> ParseEndpoint(const std::string& url) {
  auto parsed = outbound::ParseHttpUrl(url, "billing.url");
  if (!parsed) return parsed;
  if (parsed->second.find(kPlaceholder) == std::string::npos) {
    return Fail(Error::Invalid("billing.url", "billing.url must contain {account_no}"));
  }
  return parsed;
}

}  // namespace

Status ValidateHttpBillingOptions(const HttpBillingOptions& options) {
  if (auto s = CheckPointers(options.fields); !s) return s;
  auto endpoint = ParseEndpoint(options.url);
  if (!endpoint) return Fail(endpoint.error());
  return Ok();
}

Result<std::unique_ptr<HttpBillingSystem>> HttpBillingSystem::Create(HttpBillingOptions options,
                                                                     const Clock& clock) {
  if (auto s = CheckPointers(options.fields); !s) return Fail(s.error());
  auto endpoint = ParseEndpoint(options.url);
  if (!endpoint) return Fail(endpoint.error());
  return std::unique_ptr<HttpBillingSystem>(new HttpBillingSystem(
      std::move(options), std::move(endpoint->first), std::move(endpoint->second), clock));
}

HttpBillingSystem::HttpBillingSystem(HttpBillingOptions options, outbound::HttpEndpoint endpoint,
                                     std::string path_template, const Clock& clock)
    : options_(std::move(options)),
      endpoint_(std::move(endpoint)),
      path_template_(std::move(path_template)),
      clock_(clock),
      breaker_(options_.failure_threshold, TimeMs{options_.cooldown_seconds} * 1000) {}

CircuitBreaker::State HttpBillingSystem::breaker_state() {
  std::lock_guard lock(mutex_);
  return breaker_.state();
}

Result<BillingSnapshot> HttpBillingSystem::Snapshot(std::string_view account_no) {
  {
    std::lock_guard lock(mutex_);
    if (!breaker_.Allow(clock_.NowMs())) {
      return Fail(Unavailable("too many recent failures; retrying after a pause"));
    }
  }
  auto snapshot = Fetch(account_no);
  std::lock_guard lock(mutex_);
  // An unknown account is an answer, not a failure of the system.
  if (snapshot || snapshot.error().code == ErrorCode::kNotFound) {
    breaker_.RecordSuccess();
  } else {
    breaker_.RecordFailure(clock_.NowMs());
  }
  return snapshot;
}

Result<BillingSnapshot> HttpBillingSystem::Fetch(std::string_view account_no) {
  std::string target = path_template_;
  target.replace(target.find(kPlaceholder), kPlaceholder.size(),
                 outbound::PercentEncode(account_no));
  auto answer = outbound::HttpGet(endpoint_, target, std::chrono::milliseconds(options_.timeout_ms),
                                  "billing system");
  if (!answer) return Fail(answer.error());
  if (answer->status == 404) {
    return Fail(Error::NotFound("no such account in the billing system"));
  }
  if (answer->status != 200) {
    return Fail(Unavailable("answered HTTP " + std::to_string(answer->status)));
  }
  const nlohmann::json json = nlohmann::json::parse(answer->body, nullptr, false);
  if (json.is_discarded()) return Fail(Unavailable("the answer is not JSON"));
  Result<BillingSnapshot> snapshot = Fail(Unavailable("the answer could not be read"));
  try {
    snapshot = Map(json, options_.fields);
  } catch (const nlohmann::json::exception& e) {
    return Fail(Unavailable(std::string("the answer could not be read: ") + e.what()));
  }
  if (!snapshot) return Fail(snapshot.error());
  snapshot->account_no = std::string(account_no);
  snapshot->source = "external";
  snapshot->as_of = clock_.NowMs();
  return snapshot;
}

}  // namespace lifeline::billing
