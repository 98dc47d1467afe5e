#include "core/dispatch/search/local_search.h"

#include <algorithm>
#include <numeric>
#include <utility>

#include "core/dispatch/search/exchange.h"
#include "core/dispatch/search/insertion.h"
#include "core/dispatch/search/shuffle.h"
#include "core/dispatch/search/swap_tails.h"

namespace lifeline::dispatch::search {

LocalSearch::LocalSearch(const Instance& instance, const Neighbourhood& neighbourhood)
    : instance_(instance),
      neighbourhood_(neighbourhood),
      relocate_(std::make_unique<Exchange>(1, 0)),
      neighbour_count_(instance.NumClients()),
      order_(static_cast<std::size_t>(instance.NumClients())),
      route_changed_(static_cast<std::size_t>(instance.NumVehicles())),
      client_tested_(static_cast<std::size_t>(instance.NumClients())),
      route_tested_(static_cast<std::size_t>(instance.NumVehicles())),
      class_tried_(static_cast<std::size_t>(instance.NumClasses())) {
  // Cheap, most productive moves first: the search stops at the first improvement.
  operators_.push_back(std::make_unique<Exchange>(1, 0));
  operators_.push_back(std::make_unique<Exchange>(2, 0));
  operators_.push_back(std::make_unique<Exchange>(1, 1));
  operators_.push_back(std::make_unique<Exchange>(2, 1));
  operators_.push_back(std::make_unique<Exchange>(2, 2));
  operators_.push_back(std::make_unique<SwapTails>());
  std::iota(order_.begin(), order_.end(), 0);
}

void LocalSearch::Improve(WorkingSolution& solution, const CostEvaluator& cost, Rng& rng) {
  Shuffle(std::span<int>(order_), rng);
  moves_ = 0;
  std::fill(route_changed_.begin(), route_changed_.end(), 0);
  std::fill(client_tested_.begin(), client_tested_.end(), -1);
  std::fill(route_tested_.begin(), route_tested_.end(), -1);
  do {
    NodeMoves(solution, cost);
  } while (RouteMoves(solution, cost));
}

std::span<const int> LocalSearch::NeighboursOf(int client) const {
  const std::span<const int> all = neighbourhood_.Of(client);
  return all.first(std::min(all.size(), static_cast<std::size_t>(neighbour_count_)));
}

void LocalSearch::Touched(int route) {
  route_changed_[static_cast<std::size_t>(route)] = ++moves_;
}

bool LocalSearch::NodeMoves(WorkingSolution& solution, const CostEvaluator& cost) {
  bool improved_any = false;
  bool improved = true;
  while (improved) {
    improved = false;
    for (const Node u : order_) {
      if (!solution.IsAssigned(u)) {
        improved = TryInsert(solution, u, cost) || improved;
        continue;
      }
      const std::int64_t last = client_tested_[static_cast<std::size_t>(u)];
      client_tested_[static_cast<std::size_t>(u)] = moves_;
      for (const int v : NeighboursOf(u)) {
        if (!solution.IsAssigned(v) || !solution.IsAssigned(u)) continue;
        const int route_u = solution.RouteOf(u);
        const int route_v = solution.RouteOf(v);
        if (route_changed_[static_cast<std::size_t>(route_u)] <= last &&
            route_changed_[static_cast<std::size_t>(route_v)] <= last) {
          continue;
        }
        if (TryOperators(solution, u, {route_v, solution.PositionOf(v)}, cost)) {
          improved = true;
          continue;
        }
        // V first in its route: also try the start depot as V, so U can become first.
        if (solution.PositionOf(v) == 1 && TryOperators(solution, u, {route_v, 0}, cost)) {
          improved = true;
        }
      }
      if (solution.IsAssigned(u) &&
          route_changed_[static_cast<std::size_t>(solution.RouteOf(u))] > last) {
        improved = TryEmptyRoutes(solution, u, cost) || improved;
        improved = TryRemove(solution, u, cost) || improved;
      }
    }
    improved_any = improved_any || improved;
  }
  return improved_any;
}

bool LocalSearch::TryOperators(WorkingSolution& solution, Node u, Place v,
                               const CostEvaluator& cost) {
  const Place place_u{solution.RouteOf(u), solution.PositionOf(u)};
  for (const auto& op : operators_) {
    if (op->Evaluate(solution, place_u, v, cost) < -kImprovement) {
      op->Apply(solution, place_u, v);
      Touched(place_u.route);
      Touched(v.route);
      return true;
    }
  }
  return false;
}

bool LocalSearch::TryEmptyRoutes(WorkingSolution& solution, Node u, const CostEvaluator& cost) {
  const Place place_u{solution.RouteOf(u), solution.PositionOf(u)};
  // One empty vehicle per class stands for all of them.
  std::vector<bool>& tried = class_tried_;
  std::fill(tried.begin(), tried.end(), false);
  for (int route = 0; route < solution.NumRoutes(); ++route) {
    const Route& candidate = solution.RouteAt(route);
    const auto vehicle_class = static_cast<std::size_t>(candidate.VehicleInfo().vehicle_class);
    if (candidate.HasClients() || tried[vehicle_class]) continue;
    tried[vehicle_class] = true;
    for (int after = 0; after <= candidate.Size(); ++after) {  // before or after a break
      if (relocate_->Evaluate(solution, place_u, {route, after}, cost) < -kImprovement) {
        relocate_->Apply(solution, place_u, {route, after});
        Touched(place_u.route);
        Touched(route);
        return true;
      }
    }
  }
  return false;
}

bool LocalSearch::TryInsert(WorkingSolution& solution, Node u, const CostEvaluator& cost) {
  const Insertion best = BestInsertion(solution, neighbourhood_, u, cost);
  if (best.route < 0 || best.delta - instance_.Client(u).penalty >= -kImprovement) return false;
  solution.Insert(u, best.route, best.after);
  Touched(best.route);
  return true;
}

bool LocalSearch::TryRemove(WorkingSolution& solution, Node u, const CostEvaluator& cost) {
  const int route_index = solution.RouteOf(u);
  const Route& route = solution.RouteAt(route_index);
  const int position = solution.PositionOf(u);
  const Segment without = Concat(route.Prefix(position - 1), route.Suffix(position + 1), instance_);
  const double delta = route.CostIf(without, route.NumClients() - 1, cost) - route.Cost(cost);
  if (delta + instance_.Client(u).penalty >= -kImprovement) return false;
  solution.Remove(u);
  Touched(route_index);
  return true;
}

bool LocalSearch::RouteMoves(WorkingSolution& solution, const CostEvaluator& cost) {
  bool improved = false;
  for (int route = 0; route < solution.NumRoutes(); ++route) {
    const std::int64_t last = route_tested_[static_cast<std::size_t>(route)];
    route_tested_[static_cast<std::size_t>(route)] = moves_;
    if (route_changed_[static_cast<std::size_t>(route)] > last &&
        break_placement_.Improve(solution, route, cost)) {
      Touched(route);
      improved = true;
    }
  }
  return improved;
}

}  // namespace lifeline::dispatch::search
