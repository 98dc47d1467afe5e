// A member of the genetic search's population: the visit list of every vehicle, its cost
// breakdown, and each client's neighbours in its route for the broken-pairs distance that
// measures how different two solutions are (Vidal et al. 2012).
#pragma once

#include <vector>

#include "core/dispatch/search/cost_evaluator.h"
#include "core/dispatch/search/working_solution.h"

namespace lifeline::dispatch::search {

class Individual {
 public:
  explicit Individual(const WorkingSolution& solution);

  const RouteLists& Routes() const { return routes_; }
  const CostBreakdown& Cost() const { return cost_; }
  bool Feasible() const { return cost_.Feasible(); }

  // Share of clients whose route neighbours differ between the two, in [0, 1].
  double BrokenPairsDistance(const Individual& other) const;

 private:
  // Markers in successor_/predecessor_ (client numbers are ≥ 0).
  static constexpr int kDepot = -1;
  static constexpr int kUnassigned = -2;

  RouteLists routes_;
  CostBreakdown cost_;
  std::vector<int> successor_;  // by client: next client in its route, breaks skipped
  std::vector<int> predecessor_;
};

}  // namespace lifeline::dispatch::search
