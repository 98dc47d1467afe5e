// Moves a vehicle's break to the best place in its own route. Breaks have no location, so they
// have no granular neighbours and the node operators never pick them up as U; this route
// operator tries every position instead, in O(length) with prefix and suffix segments of the
// route without its break.
#pragma once

#include <vector>

#include "core/dispatch/search/cost_evaluator.h"
#include "core/dispatch/search/working_solution.h"

namespace lifeline::dispatch::search {

class BreakPlacement {
 public:
  // True when the break moved to a cheaper position.
  bool Improve(WorkingSolution& solution, int route, const CostEvaluator& cost);

 private:
  std::vector<Segment> prefix_;  // of the route without its break; reused between calls
  std::vector<Segment> suffix_;
};

}  // namespace lifeline::dispatch::search
