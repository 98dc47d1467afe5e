#include "core/dispatch/search/neighbourhood.h"

#include <algorithm>
#include <utility>

namespace lifeline::dispatch::search {
namespace {

// How poorly `to` fits straight after `from`.
double Proximity(const Instance& instance, const NeighbourhoodParams& params, int from, int to) {
  const ClientData& a = instance.Client(from);
  const ClientData& b = instance.Client(to);
  const double travel = instance.Time(a.location, b.location);
  const double wait = std::max(b.earliest - a.latest - a.service - travel, 0.0);
  const double warp = std::max(a.earliest + a.service + travel - b.latest, 0.0);
  return instance.Distance(a.location, b.location) + params.wait_weight * wait +
         params.warp_weight * warp;
}

bool ShareAVehicle(const Instance& instance, int a, int b) {
  if (instance.AllCompatible()) return true;
  for (int v = 0; v < instance.NumVehicles(); ++v) {
    if (instance.CanServe(v, a) && instance.CanServe(v, b)) return true;
  }
  return false;
}

}  // namespace

Neighbourhood::Neighbourhood(const Instance& instance, const NeighbourhoodParams& params) {
  const int n = instance.NumClients();
  neighbours_.resize(static_cast<std::size_t>(n));
  std::vector<std::pair<double, int>> candidates;
  for (int u = 0; u < n; ++u) {
    candidates.clear();
    for (int v = 0; v < n; ++v) {
      if (v == u || !ShareAVehicle(instance, u, v)) continue;
      // Symmetric, so a neighbour is close in at least one of the two orders.
      candidates.emplace_back(
          std::min(Proximity(instance, params, u, v), Proximity(instance, params, v, u)), v);
    }
    const std::size_t keep = std::min(candidates.size(), static_cast<std::size_t>(params.size));
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(keep),
                      candidates.end());
    for (std::size_t i = 0; i < keep; ++i) {
      neighbours_[static_cast<std::size_t>(u)].push_back(candidates[i].second);
    }
  }
}

}  // namespace lifeline::dispatch::search
