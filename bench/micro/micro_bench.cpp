// Micro-benchmarks of the per-request pieces of the screen pop: normalising the number, its
// blind index, opening sealed fields, routing, and rendering the customer as JSON.
#include <benchmark/benchmark.h>

#include "adapters/crypto/pii_cipher.h"
#include "adapters/crypto/sodium.h"
#include "adapters/http/api/json_views.h"
#include "adapters/http/router.h"
#include "core/customers/phone_number.h"

namespace {

using namespace lifeline;

crypto::MasterKey Key() {
  crypto::MasterKey key{};
  key.fill(3);
  return key;
}

void BM_NormalizePhone(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(NormalizePhone("+86 138-1234-5678"));
}
BENCHMARK(BM_NormalizePhone);

void BM_BlindIndex(benchmark::State& state) {
  (void)crypto::InitSodium();
  crypto::PiiCipher cipher(Key());
  for (auto _ : state) benchmark::DoNotOptimize(cipher.BlindIndex("phone", "13812345678"));
}
BENCHMARK(BM_BlindIndex);

void BM_OpenSealedPhone(benchmark::State& state) {
  (void)crypto::InitSodium();
  crypto::PiiCipher cipher(Key());
  const std::string sealed = cipher.Seal("13812345678");
  for (auto _ : state) benchmark::DoNotOptimize(cipher.Open(sealed));
}
BENCHMARK(BM_OpenSealedPhone);

void BM_RouteMatch(benchmark::State& state) {
  http::Router router;
  for (const char* path :
       {"/healthz", "/readyz", "/metrics", "/api/v1/auth/login", "/api/v1/auth/me", "/api/v1/users",
        "/api/v1/users/{id}", "/api/v1/org-units", "/api/v1/audit", "/api/v1/customers",
        "/api/v1/customers/{id}", "/api/v1/events"}) {
    router.Add(http::Method::kGet, path, http::RouteAccess::kPublic, http::RouteExecution::kInline,
               [](http::RouteContext&) { return http::Response{}; });
  }
  for (auto _ : state)
    benchmark::DoNotOptimize(router.Match(http::Method::kGet, "/api/v1/customers"));
}
BENCHMARK(BM_RouteMatch);

void BM_CustomerJson(benchmark::State& state) {
  Customer customer;
  customer.id = 1;
  customer.name = "王建国";
  customer.id_number = "3209**********1234";
  customer.phones = {"138****5678"};
  for (int a = 0; a < 3; ++a) {
    Account account;
    account.id = a;
    account.account_no = "100000000" + std::to_string(a);
    account.address = "临江市老城区东风路51号阳光花园1栋1单元101室";
    account.meters.push_back({1, a, "SW201500000001", "DN15 机械水表", 612362, 1793494800000});
    account.recent_bills.push_back({1, a, "2026-10", 8829, 3046, 0, 1795600800000});
    account.recent_bills.push_back({2, a, "2026-09", 5406, 1865, 1865, 1792922400000});
    customer.accounts.push_back(account);
  }
  for (auto _ : state) {
    json::JsonWriter out;
    http::WriteCustomer(out, customer);
    benchmark::DoNotOptimize(out.Take());
  }
}
BENCHMARK(BM_CustomerJson);

}  // namespace

BENCHMARK_MAIN();
