#include "core/dispatch/search/working_solution.h"

#include <algorithm>
#include <iterator>

namespace lifeline::dispatch::search {

WorkingSolution::WorkingSolution(const Instance& instance)
    : instance_(&instance),
      route_of_(static_cast<std::size_t>(instance.NumNodes()), -1),
      position_of_(static_cast<std::size_t>(instance.NumNodes()), 0) {
  routes_.reserve(static_cast<std::size_t>(instance.NumVehicles()));
  for (int v = 0; v < instance.NumVehicles(); ++v) routes_.emplace_back(instance, v);
  Load(RouteLists(static_cast<std::size_t>(instance.NumVehicles())));
}

void WorkingSolution::Load(const RouteLists& routes) {
  std::fill(route_of_.begin(), route_of_.end(), -1);
  for (int r = 0; r < NumRoutes(); ++r) {
    std::vector<Node>& visits = RouteAt(r).MutableVisits();
    visits = routes[static_cast<std::size_t>(r)];
    const Node rest = instance_->BreakNode(r);
    if (instance_->Vehicle(r).has_break &&
        std::find(visits.begin(), visits.end(), rest) == visits.end()) {
      visits.insert(visits.begin() + static_cast<std::ptrdiff_t>(visits.size() / 2), rest);
    }
    Refresh(r);
  }
}

RouteLists WorkingSolution::Export() const {
  RouteLists lists;
  lists.reserve(routes_.size());
  for (const Route& route : routes_) {
    lists.emplace_back(route.Visits().begin(), route.Visits().end());
  }
  return lists;
}

void WorkingSolution::Refresh(int route) {
  Route& target = RouteAt(route);
  target.Update();
  for (int position = 1; position <= target.Size(); ++position) {
    const auto node = static_cast<std::size_t>(target.At(position));
    route_of_[node] = route;
    position_of_[node] = position;
  }
}

void WorkingSolution::Insert(Node node, int route, int after_position) {
  std::vector<Node>& visits = RouteAt(route).MutableVisits();
  visits.insert(visits.begin() + after_position, node);
  Refresh(route);
}

void WorkingSolution::Remove(Node node) {
  const int route = RouteOf(node);
  std::vector<Node>& visits = RouteAt(route).MutableVisits();
  visits.erase(visits.begin() + (PositionOf(node) - 1));
  route_of_[static_cast<std::size_t>(node)] = -1;
  Refresh(route);
}

CostBreakdown WorkingSolution::Cost() const {
  CostBreakdown cost;
  for (const Route& route : routes_) {
    if (!route.HasClients()) continue;
    const Segment& whole = route.Whole();
    cost.distance += whole.distance;
    cost.fixed += route.VehicleInfo().fixed_cost;
    cost.balance += CostEvaluator::BalanceCost(whole, route.VehicleInfo());
    cost.load_excess += std::max<std::int64_t>(whole.load - route.VehicleInfo().capacity, 0);
    cost.time_warp += whole.timing.time_warp;
  }
  for (int client = 0; client < instance_->NumClients(); ++client) {
    if (!IsAssigned(client)) cost.unassigned_penalty += instance_->Client(client).penalty;
  }
  return cost;
}

double WorkingSolution::PenalisedCost(const CostEvaluator& cost) const {
  return cost.Penalised(Cost());
}

}  // namespace lifeline::dispatch::search
