// Initial solutions: randomised cheapest insertion. Clients are inserted one at a time, in a
// random order, each at its cheapest place by penalised cost (next to a granular neighbour
// already planned, or opening an unused vehicle). Different orders give the diverse starting
// population the genetic search needs; the local search then polishes each one.
#pragma once

#include "core/common/rng.h"
#include "core/dispatch/search/cost_evaluator.h"
#include "core/dispatch/search/neighbourhood.h"
#include "core/dispatch/search/working_solution.h"

namespace lifeline::dispatch::search {

void ConstructRandomised(WorkingSolution& solution, const Neighbourhood& neighbourhood,
                         const CostEvaluator& cost, Rng& rng);

}  // namespace lifeline::dispatch::search
