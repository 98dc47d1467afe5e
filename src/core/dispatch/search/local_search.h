// The education step of the genetic search (Vidal et al. 2012, 2013; Vidal 2022): improve a
// solution to a local optimum of the penalised cost. Node operators are tried for every client U
// and each granular neighbour V, first improvement, in a random client order; a pair is only
// re-tested when one of its two routes changed since U was last examined. When no node move
// helps, each changed route's break is moved to its best place, and the loop repeats until
// neither finds anything.
//
// SWAP* (Vidal 2022) was tried as a route operator and measured out: on the Solomon set it
// improved 0.01 % of the route pairs it examined while taking a quarter of the search time,
// and the benchmark was better without it at both 1 s and 10 s.
//
// Unassigned clients are tried back in at their cheapest place, and a client whose removal
// saves more than its penalty is taken out; with the default (mandatory) penalty that never
// happens, so optional jobs cost nothing when there are none.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "core/common/rng.h"
#include "core/dispatch/search/break_placement.h"
#include "core/dispatch/search/cost_evaluator.h"
#include "core/dispatch/search/neighbourhood.h"
#include "core/dispatch/search/node_operator.h"
#include "core/dispatch/search/working_solution.h"

namespace lifeline::dispatch::search {

class LocalSearch {
 public:
  LocalSearch(const Instance& instance, const Neighbourhood& neighbourhood);

  void Improve(WorkingSolution& solution, const CostEvaluator& cost, Rng& rng);

  // How many of each client's neighbours (closest first) the node moves try. Starting narrow
  // and widening when the search stalls buys speed early and reach later.
  void SetNeighbourCount(int count) { neighbour_count_ = count; }
  int NeighbourCount() const { return neighbour_count_; }

 private:
  bool NodeMoves(WorkingSolution& solution, const CostEvaluator& cost);
  bool RouteMoves(WorkingSolution& solution, const CostEvaluator& cost);
  bool TryOperators(WorkingSolution& solution, Node u, Place v, const CostEvaluator& cost);
  bool TryEmptyRoutes(WorkingSolution& solution, Node u, const CostEvaluator& cost);
  bool TryInsert(WorkingSolution& solution, Node u, const CostEvaluator& cost);
  bool TryRemove(WorkingSolution& solution, Node u, const CostEvaluator& cost);
  void Touched(int route);

  const Instance& instance_;
  const Neighbourhood& neighbourhood_;
  std::vector<std::unique_ptr<NodeOperator>> operators_;
  std::unique_ptr<NodeOperator> relocate_;  // (1,0) exchange, for moves into empty routes
  BreakPlacement break_placement_;

  std::span<const int> NeighboursOf(int client) const;

  int neighbour_count_;
  std::vector<int> order_;
  // Move counter values: when a route last changed, when a client or route was last examined.
  std::int64_t moves_ = 0;
  std::vector<std::int64_t> route_changed_;
  std::vector<std::int64_t> client_tested_;
  std::vector<std::int64_t> route_tested_;
  std::vector<bool> class_tried_;  // scratch for TryEmptyRoutes
};

}  // namespace lifeline::dispatch::search
