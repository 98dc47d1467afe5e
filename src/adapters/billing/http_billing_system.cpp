#include "adapters/billing/http_billing_system.h"

// clang-format off
#include <utility>  // before Asio: Boost 1.74's awaitable.hpp uses std::exchange without it
// clang-format on

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <chrono>
#include <cmath>
#include <nlohmann/json.hpp>

namespace lifeline::billing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

namespace {

constexpr std::string_view kPlaceholder = "{account_no}";
constexpr std::size_t kMaxAnswerBytes = 1 << 20;

struct HttpAnswer {
  int status = 0;
  std::string body;
};

Error Unavailable(const std::string& why) {
  return Error::Unavailable("billing system unavailable: " + why);
}

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      out.push_back(static_cast<char>(c));
    } else {
      out += {'%', kHex[c >> 4], kHex[c & 15]};
    }
  }
  return out;
}

// One GET with a deadline over the whole exchange, on a private io_context: the caller is a
// worker thread that may block, and nothing is shared with the server's I/O threads.
Result<HttpAnswer> Get(const std::string& host, const std::string& port, const std::string& target,
                       std::chrono::milliseconds timeout) {
  asio::io_context ioc;
  beast::error_code ec;
  HttpAnswer answer;
  asio::co_spawn(
      ioc,
      [&]() -> asio::awaitable<void> {
        auto redirect = asio::redirect_error(asio::use_awaitable, ec);
        tcp::resolver resolver(ioc);
        beast::tcp_stream stream(ioc);
        stream.expires_after(timeout);
        const auto endpoints = co_await resolver.async_resolve(host, port, redirect);
        if (ec) co_return;
        co_await stream.async_connect(endpoints, redirect);
        if (ec) co_return;
        bhttp::request<bhttp::empty_body> request(bhttp::verb::get, target, 11);
        request.set(bhttp::field::host, host);
        request.set(bhttp::field::accept, "application/json");
        request.set(bhttp::field::user_agent, "lifeline");
        co_await bhttp::async_write(stream, request, redirect);
        if (ec) co_return;
        beast::flat_buffer buffer;
        bhttp::response_parser<bhttp::string_body> parser;
        parser.body_limit(kMaxAnswerBytes);
        co_await bhttp::async_read(stream, buffer, parser, redirect);
        if (ec) co_return;
        answer.status = static_cast<int>(parser.get().result_int());
        answer.body = std::move(parser.get().body());
        stream.socket().shutdown(tcp::socket::shutdown_both, ec);
        ec = {};
      },
      asio::detached);
  ioc.run();
  if (ec == beast::error::timeout) return Fail(Unavailable("no answer within the timeout"));
  if (ec) return Fail(Unavailable(ec.message()));
  return answer;
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

Result<HttpEndpoint> ParseEndpoint(const std::string& url) {
  constexpr std::string_view kScheme = "http://";
  if (!url.starts_with(kScheme) || url.find(kPlaceholder) == std::string::npos) {
    return Fail(Error::Invalid("billing.url",
                               "billing.url must be http://host[:port]/… with {account_no}"));
  }
  const std::string rest = url.substr(kScheme.size());
  const auto slash = rest.find('/');
  if (slash == std::string::npos || slash == 0) {
    return Fail(Error::Invalid("billing.url", "billing.url needs a host and a path"));
  }
  const std::string authority = rest.substr(0, slash);
  const auto colon = authority.rfind(':');
  HttpEndpoint endpoint{authority.substr(0, colon),
                        colon == std::string::npos ? "80" : authority.substr(colon + 1),
                        rest.substr(slash)};
  if (endpoint.host.empty() || endpoint.port.empty()) {
    return Fail(Error::Invalid("billing.url", "billing.url has an empty host or port"));
  }
  return endpoint;
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
  return std::unique_ptr<HttpBillingSystem>(
      new HttpBillingSystem(std::move(options), std::move(*endpoint), clock));
}

HttpBillingSystem::HttpBillingSystem(HttpBillingOptions options, HttpEndpoint endpoint,
                                     const Clock& clock)
    : options_(std::move(options)),
      endpoint_(std::move(endpoint)),
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
  std::string target = endpoint_.path_template;
  target.replace(target.find(kPlaceholder), kPlaceholder.size(), PercentEncode(account_no));
  auto answer =
      Get(endpoint_.host, endpoint_.port, target, std::chrono::milliseconds(options_.timeout_ms));
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
