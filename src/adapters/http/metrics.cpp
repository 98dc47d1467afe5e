#include "adapters/http/metrics.h"

#include <fmt/format.h>

namespace lifeline::http {

HttpMetrics::HttpMetrics(const Router& router) {
  for (const Route& route : router.routes()) {
    auto stats = std::make_unique<RouteStats>();
    stats->method = MethodName(route.method);
    stats->route = route.pattern;
    routes_.push_back(std::move(stats));
  }
  auto unmatched = std::make_unique<RouteStats>();
  unmatched->method = "any";
  unmatched->route = "unmatched";
  routes_.push_back(std::move(unmatched));
}

void HttpMetrics::Record(int route_index, int status, std::chrono::nanoseconds elapsed) {
  RouteStats& stats = route_index >= 0 && route_index + 1 < static_cast<int>(routes_.size())
                          ? *routes_[static_cast<std::size_t>(route_index)]
                          : *routes_.back();
  const int status_class = std::clamp(status / 100, 1, 5);
  stats.by_status_class[static_cast<std::size_t>(status_class - 1)].fetch_add(
      1, std::memory_order_relaxed);
  const double seconds = std::chrono::duration<double>(elapsed).count();
  std::size_t bucket = 0;
  while (bucket < kBuckets.size() && seconds > kBuckets[bucket]) ++bucket;
  stats.buckets[bucket].fetch_add(1, std::memory_order_relaxed);
  stats.sum_micros.fetch_add(static_cast<std::uint64_t>(seconds * 1e6), std::memory_order_relaxed);
}

void HttpMetrics::Render(std::string& out) const {
  out += "# HELP lifeline_http_requests_total HTTP requests served, by route and status class.\n";
  out += "# TYPE lifeline_http_requests_total counter\n";
  for (const auto& stats : routes_) {
    for (std::size_t c = 0; c < stats->by_status_class.size(); ++c) {
      const std::uint64_t count = stats->by_status_class[c].load(std::memory_order_relaxed);
      if (count == 0) continue;
      out += fmt::format(
          "lifeline_http_requests_total{{method=\"{}\",route=\"{}\",status=\"{}xx\"}} {}\n",
          stats->method, stats->route, c + 1, count);
    }
  }
  out +=
      "# HELP lifeline_http_request_duration_seconds Time from request read to response ready.\n";
  out += "# TYPE lifeline_http_request_duration_seconds histogram\n";
  for (const auto& stats : routes_) {
    std::uint64_t cumulative = 0;
    for (std::size_t b = 0; b < stats->buckets.size(); ++b) cumulative += stats->buckets[b].load();
    if (cumulative == 0) continue;
    const std::string labels =
        fmt::format("method=\"{}\",route=\"{}\"", stats->method, stats->route);
    cumulative = 0;
    for (std::size_t b = 0; b < stats->buckets.size(); ++b) {
      cumulative += stats->buckets[b].load(std::memory_order_relaxed);
      const std::string le = b < kBuckets.size() ? fmt::format("{}", kBuckets[b]) : "+Inf";
      out += fmt::format("lifeline_http_request_duration_seconds_bucket{{{},le=\"{}\"}} {}\n",
                         labels, le, cumulative);
    }
    out += fmt::format("lifeline_http_request_duration_seconds_sum{{{}}} {}\n", labels,
                       static_cast<double>(stats->sum_micros.load()) / 1e6);
    out +=
        fmt::format("lifeline_http_request_duration_seconds_count{{{}}} {}\n", labels, cumulative);
  }
  out += "# HELP lifeline_http_requests_in_flight Requests being handled now.\n";
  out += "# TYPE lifeline_http_requests_in_flight gauge\n";
  out += fmt::format("lifeline_http_requests_in_flight {}\n", in_flight());
}

}  // namespace lifeline::http
