// A move defined by two places in the solution (Vidal et al. 2013's node pairs (U, V), V
// usually a granular neighbour of U). Each operator prices its move in O(1) from route segments
// and applies it only when asked, so the local search can stop at the first improvement.
#pragma once

#include "core/dispatch/search/cost_evaluator.h"
#include "core/dispatch/search/working_solution.h"

namespace lifeline::dispatch::search {

// A place in a route: route index and position (0 is the start depot).
struct Place {
  int route = 0;
  int position = 0;
};

class NodeOperator {
 public:
  virtual ~NodeOperator() = default;

  // Penalised cost change of the move; 0 when it does not apply to these places.
  virtual double Evaluate(const WorkingSolution& solution, Place u, Place v,
                          const CostEvaluator& cost) const = 0;
  // Performs the move; only called right after Evaluate returned a negative change.
  virtual void Apply(WorkingSolution& solution, Place u, Place v) const = 0;
};

}  // namespace lifeline::dispatch::search
