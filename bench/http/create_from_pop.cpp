// The agent's hot path under load: the screen pop for a caller (GET /api/v1/customers?phone=…)
// followed at once by a work order for that caller (POST /api/v1/work-orders with the customer
// and account the pop returned), measured as one operation, the way an agent experiences it.
//
//   bench_create_from_pop PORT TOKEN CUSTOMERS CONNECTIONS SECONDS [MAX_OPERATIONS]
//
// Each connection is a keep-alive socket on its own thread, doing one operation after another
// until SECONDS pass or MAX_OPERATIONS are done in all (both bounded). Prints operations/s, the
// latency percentiles of the whole operation, and failures. Loopback only.
#include <algorithm>
#include <atomic>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

struct Options {
  std::uint16_t port = 0;
  std::string token;
  long customers = 0;
  int connections = 0;
  int seconds = 0;
  long max_operations = 0;
};

// The demo city's n-th mobile number (src/core/demo/people.cpp): the same formula as
// bench/http/screen_pop.lua.
std::string DemoPhone(long n) {
  static const char* kPrefixes[] = {"130", "131", "132", "133", "134", "135", "136", "137",
                                    "138", "139", "150", "151", "152", "153", "155", "156",
                                    "157", "158", "159", "166", "173", "176", "177", "180",
                                    "181", "182", "183", "185", "186", "187", "189", "199"};
  const long suffix = (n * 48271 + 13579246) % 100000000;
  char digits[16];
  std::snprintf(digits, sizeof digits, "%08ld", suffix);
  return std::string(kPrefixes[n % 32]) + digits;
}

class Connection {
 public:
  Connection(asio::io_context& ioc, const Options& options) : stream_(ioc), options_(options) {
    stream_.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), options.port));
  }

  // Returns the status; the body in `body`.
  int Send(bhttp::verb verb, const std::string& target, std::string request_body,
           std::string& body) {
    bhttp::request<bhttp::string_body> request{verb, target, 11};
    request.set(bhttp::field::host, "127.0.0.1");
    request.set(bhttp::field::authorization, "Bearer " + options_.token);
    if (!request_body.empty()) {
      request.set(bhttp::field::content_type, "application/json");
      request.body() = std::move(request_body);
    }
    request.prepare_payload();
    stream_.expires_after(std::chrono::seconds(30));
    bhttp::write(stream_, request);
    bhttp::response<bhttp::string_body> response;
    bhttp::read(stream_, buffer_, response);
    body = std::move(response.body());
    return response.result_int();
  }

 private:
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  const Options& options_;
};

// The first failure is shown, so a broken run says why at once.
bool Failed(int status, const std::string& body) {
  static std::atomic<bool> shown{false};
  if (!shown.exchange(true)) {
    std::fprintf(stderr, "first failure: %d %.300s\n", status, body.c_str());
  }
  return false;
}

// One screen pop and one work order for what it found. False when either step failed.
bool Operate(Connection& connection, std::mt19937_64& rng, const Options& options) {
  const long n = std::uniform_int_distribution<long>(0, options.customers - 1)(rng);
  std::string body;
  const int found =
      connection.Send(bhttp::verb::get, "/api/v1/customers?phone=" + DemoPhone(n), {}, body);
  if (found != 200) return Failed(found, body);
  const auto pop = nlohmann::json::parse(body, nullptr, false);
  if (pop.is_discarded() || pop["items"].empty()) return Failed(found, body);
  const auto& customer = pop["items"][0];
  nlohmann::json order = {{"type", "repair"},
                          {"category", "heat.temperature.cold"},
                          {"title", "暖气不热"},
                          {"description", "来电反映暖气片不热，已排气无效"},
                          {"customer_id", customer["id"]}};
  if (!customer["accounts"].empty()) {
    // The complaint fits the account's utility, as the agent's category picker makes it.
    const auto& account = customer["accounts"][0];
    order["account_id"] = account["id"];
    const std::string utility = account.value("utility", "heat");
    if (utility == "water") {
      order["category"] = "water.pressure.low";
      order["title"] = "水压小";
    } else if (utility == "gas") {
      order["category"] = "gas.supply.low";
      order["title"] = "火小气压低";
    }
  }
  const int created = connection.Send(bhttp::verb::post, "/api/v1/work-orders", order.dump(), body);
  return created == 201 || Failed(created, body);
}

struct Tally {
  std::vector<double> latencies_ms;
  long failures = 0;
};

void Run(const Options& options, Clock::time_point deadline, std::atomic<long>& budget,
         Tally& tally, unsigned seed) {
  asio::io_context ioc;
  std::mt19937_64 rng(seed);
  try {
    Connection connection(ioc, options);
    while (Clock::now() < deadline && budget.fetch_sub(1) > 0) {
      const auto start = Clock::now();
      const bool ok = Operate(connection, rng, options);
      const std::chrono::duration<double, std::milli> took = Clock::now() - start;
      if (ok) {
        tally.latencies_ms.push_back(took.count());
      } else {
        ++tally.failures;
      }
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "connection failed: %s\n", e.what());  // counted once, not per try
    ++tally.failures;
  }
}

double Percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const auto index = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1));
  return sorted[index];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 6) {
    std::fprintf(stderr, "usage: %s PORT TOKEN CUSTOMERS CONNECTIONS SECONDS [MAX_OPERATIONS]\n",
                 argv[0]);
    return 2;
  }
  Options options{static_cast<std::uint16_t>(std::stoi(argv[1])),
                  argv[2],
                  std::stol(argv[3]),
                  std::stoi(argv[4]),
                  std::stoi(argv[5]),
                  argc > 6 ? std::stol(argv[6]) : 10'000'000};
  std::atomic<long> budget{options.max_operations};
  std::vector<Tally> tallies(options.connections);
  std::vector<std::thread> threads;
  const auto start = Clock::now();
  const auto deadline = start + std::chrono::seconds(options.seconds);
  for (int i = 0; i < options.connections; ++i) {
    threads.emplace_back(Run, std::cref(options), deadline, std::ref(budget), std::ref(tallies[i]),
                         1234u + static_cast<unsigned>(i));
  }
  for (auto& t : threads) t.join();
  const std::chrono::duration<double> elapsed = Clock::now() - start;
  std::vector<double> all;
  long failures = 0;
  for (const Tally& t : tallies) {
    all.insert(all.end(), t.latencies_ms.begin(), t.latencies_ms.end());
    failures += t.failures;
  }
  std::sort(all.begin(), all.end());
  std::printf(
      "operations %zu in %.1f s: %.0f/s, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms, "
      "failures %ld\n",
      all.size(), elapsed.count(), static_cast<double>(all.size()) / elapsed.count(),
      Percentile(all, 0.50), Percentile(all, 0.90), Percentile(all, 0.99),
      all.empty() ? 0 : all.back(), failures);
  return failures == 0 ? 0 : 1;
}
