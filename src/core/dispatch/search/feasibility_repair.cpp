#include "core/dispatch/search/feasibility_repair.h"

#include <algorithm>
#include <vector>

namespace lifeline::dispatch::search {
namespace {

// How badly a whole route breaks the rules; zero when feasible.
double Violation(const Segment& whole, const VehicleData& vehicle) {
  const double excess =
      static_cast<double>(std::max<std::int64_t>(whole.load - vehicle.capacity, 0));
  const double warp = whole.timing.time_warp <= kWarpTolerance ? 0.0 : whole.timing.time_warp;
  return excess + warp;
}

// Removes the client whose absence reduces the route's violation most (ties: distance saved).
void RemoveWorstClient(WorkingSolution& solution, int route_index) {
  const Instance& instance = solution.GetInstance();
  const Route& route = solution.RouteAt(route_index);
  Node worst = -1;
  double worst_violation = 0;
  double worst_distance = 0;
  for (int p = 1; p <= route.Size(); ++p) {
    if (instance.IsBreak(route.At(p))) continue;
    const Segment without = Concat(route.Prefix(p - 1), route.Suffix(p + 1), instance);
    const double violation = Violation(without, route.VehicleInfo());
    if (worst < 0 || violation < worst_violation ||
        (violation == worst_violation && without.distance < worst_distance)) {
      worst = route.At(p);
      worst_violation = violation;
      worst_distance = without.distance;
    }
  }
  solution.Remove(worst);
}

}  // namespace

void RepairFeasibility(WorkingSolution& solution) {
  const Instance& instance = solution.GetInstance();
  for (int r = 0; r < solution.NumRoutes(); ++r) {
    while (solution.RouteAt(r).HasClients() &&
           Violation(solution.RouteAt(r).Whole(), solution.RouteAt(r).VehicleInfo()) > 0) {
      RemoveWorstClient(solution, r);
    }
  }

  // The most expensive to leave out go back first.
  std::vector<int> unassigned;
  for (int client = 0; client < instance.NumClients(); ++client) {
    if (!solution.IsAssigned(client)) unassigned.push_back(client);
  }
  std::sort(unassigned.begin(), unassigned.end(), [&](int a, int b) {
    const double pa = instance.Client(a).penalty;
    const double pb = instance.Client(b).penalty;
    return pa != pb ? pa > pb : a < b;
  });
  for (const int client : unassigned) {
    int best_route = -1;
    int best_after = 0;
    double best_added = 0;
    for (int r = 0; r < solution.NumRoutes(); ++r) {
      if (!instance.CanServe(r, client)) continue;
      const Route& route = solution.RouteAt(r);
      for (int after = 0; after <= route.Size(); ++after) {
        const Segment whole = Concat(route.Prefix(after), instance.NodeSegment(client),
                                     route.Suffix(after + 1), instance);
        if (Violation(whole, route.VehicleInfo()) > 0) continue;
        const double added = whole.distance +
                             (route.HasClients() ? 0.0 : route.VehicleInfo().fixed_cost) -
                             (route.HasClients() ? route.Whole().distance : 0.0);
        if (best_route < 0 || added < best_added) {
          best_route = r;
          best_after = after;
          best_added = added;
        }
      }
    }
    if (best_route >= 0 && best_added < instance.Client(client).penalty) {
      solution.Insert(client, best_route, best_after);
    }
  }
}

}  // namespace lifeline::dispatch::search
