#include "core/dispatch/search/insertion.h"

#include <vector>

namespace lifeline::dispatch::search {

double InsertionDelta(const Route& route, int after, Node node, const Instance& instance,
                      const CostEvaluator& cost) {
  const Segment whole =
      Concat(route.Prefix(after), instance.NodeSegment(node), route.Suffix(after + 1), instance);
  const int clients = route.NumClients() + (instance.IsBreak(node) ? 0 : 1);
  return route.CostIf(whole, clients, cost) - route.Cost(cost);
}

Insertion BestInsertion(const WorkingSolution& solution, const Neighbourhood& neighbourhood,
                        int client, const CostEvaluator& cost) {
  const Instance& instance = solution.GetInstance();
  Insertion best;
  const auto consider = [&](int route, int after) {
    const double delta = InsertionDelta(solution.RouteAt(route), after, client, instance, cost);
    if (delta < best.delta) best = {route, after, delta};
  };

  bool near_a_neighbour = false;
  for (int neighbour : neighbourhood.Of(client)) {
    const int route = solution.RouteOf(neighbour);
    if (route < 0 || !instance.CanServe(route, client)) continue;
    near_a_neighbour = true;
    const int position = solution.PositionOf(neighbour);
    consider(route, position - 1);  // just before the neighbour
    consider(route, position);      // just after it
  }

  // An empty vehicle of each class: they are interchangeable, so one stands for all.
  std::vector<bool> class_tried(static_cast<std::size_t>(instance.NumClasses()), false);
  for (int route = 0; route < solution.NumRoutes(); ++route) {
    const Route& candidate = solution.RouteAt(route);
    const auto vehicle_class = static_cast<std::size_t>(candidate.VehicleInfo().vehicle_class);
    if (candidate.HasClients() || class_tried[vehicle_class] || !instance.CanServe(route, client)) {
      continue;
    }
    class_tried[vehicle_class] = true;
    for (int after = 0; after <= candidate.Size(); ++after) consider(route, after);
  }

  if (!near_a_neighbour) {
    for (int route = 0; route < solution.NumRoutes(); ++route) {
      const Route& candidate = solution.RouteAt(route);
      if (!candidate.HasClients() || !instance.CanServe(route, client)) continue;
      for (int after = 0; after <= candidate.Size(); ++after) consider(route, after);
    }
  }
  return best;
}

}  // namespace lifeline::dispatch::search
