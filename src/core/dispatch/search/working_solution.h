// The mutable solution the local search edits: one Route per vehicle (empty routes included;
// route r always belongs to vehicle r) and, for every node, the route and position it is at.
// Individuals in the population are compact visit lists; a WorkingSolution is loaded from one,
// improved, and exported again.
#pragma once

#include <vector>

#include "core/dispatch/search/cost_evaluator.h"
#include "core/dispatch/search/instance.h"
#include "core/dispatch/search/route.h"

namespace lifeline::dispatch::search {

// One visit sequence per vehicle (clients and the vehicle's break node), depots omitted.
using RouteLists = std::vector<std::vector<Node>>;

class WorkingSolution {
 public:
  explicit WorkingSolution(const Instance& instance);

  const Instance& GetInstance() const { return *instance_; }

  // Replaces the content. Clients absent from `routes` become unassigned; a vehicle's break is
  // added mid-route when missing (the local search then moves it where it fits best).
  void Load(const RouteLists& routes);
  RouteLists Export() const;

  int NumRoutes() const { return static_cast<int>(routes_.size()); }
  Route& RouteAt(int route) { return routes_[static_cast<std::size_t>(route)]; }
  const Route& RouteAt(int route) const { return routes_[static_cast<std::size_t>(route)]; }

  // -1 when the node is not in any route.
  int RouteOf(Node node) const { return route_of_[static_cast<std::size_t>(node)]; }
  int PositionOf(Node node) const { return position_of_[static_cast<std::size_t>(node)]; }
  bool IsAssigned(Node node) const { return RouteOf(node) >= 0; }

  // Rebuilds route caches and node positions after its visits were edited directly.
  void Refresh(int route);
  void Insert(Node node, int route, int after_position);
  void Remove(Node node);

  CostBreakdown Cost() const;
  double PenalisedCost(const CostEvaluator& cost) const;

 private:
  const Instance* instance_;
  std::vector<Route> routes_;
  std::vector<int> route_of_;
  std::vector<int> position_of_;
};

}  // namespace lifeline::dispatch::search
