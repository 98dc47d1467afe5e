// Request metrics in Prometheus text format: counts by route and status class, latency
// histograms by route, requests in flight. Lock-free: one set of atomic counters per route,
// labelled by the route's pattern (never the raw path, which would explode the label space).
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "adapters/http/router.h"

namespace lifeline::http {

// Other components add their own lines to /metrics through one of these.
using MetricsSection = std::function<void(std::string& out)>;

class HttpMetrics {
 public:
  explicit HttpMetrics(const Router& router);

  // route_index < 0 means no route matched.
  void Record(int route_index, int status, std::chrono::nanoseconds elapsed);
  void Started() { in_flight_.fetch_add(1, std::memory_order_relaxed); }
  void Finished() { in_flight_.fetch_sub(1, std::memory_order_relaxed); }
  std::int64_t in_flight() const { return in_flight_.load(std::memory_order_relaxed); }

  void Render(std::string& out) const;

 private:
  static constexpr std::array<double, 12> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                   0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
  struct RouteStats {
    std::string method;
    std::string route;
    std::array<std::atomic<std::uint64_t>, 5> by_status_class{};            // 1xx … 5xx
    std::array<std::atomic<std::uint64_t>, kBuckets.size() + 1> buckets{};  // last is +Inf
    std::atomic<std::uint64_t> sum_micros{0};
  };

  std::vector<std::unique_ptr<RouteStats>> routes_;  // the last one counts unmatched requests
  std::atomic<std::int64_t> in_flight_{0};
};

}  // namespace lifeline::http
