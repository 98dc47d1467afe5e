// Cheapest insertion of one client into a working solution, priced with the penalised cost.
// Used to build initial solutions, to put back the clients a crossover left out, and by the
// local search to bring unassigned clients in. Positions are limited to those next to the
// client's granular neighbours plus one empty route per vehicle class, as in PyVRP's greedy
// repair; when none of its neighbours is in a route yet, every position is tried.
#pragma once

#include <limits>

#include "core/dispatch/search/cost_evaluator.h"
#include "core/dispatch/search/neighbourhood.h"
#include "core/dispatch/search/route.h"
#include "core/dispatch/search/working_solution.h"

namespace lifeline::dispatch::search {

struct Insertion {
  int route = -1;  // -1: no vehicle can take the client
  int after = 0;   // position to insert after
  double delta = std::numeric_limits<double>::infinity();
};

// Penalised cost change of putting `node` into `route` right after `after`.
double InsertionDelta(const Route& route, int after, Node node, const Instance& instance,
                      const CostEvaluator& cost);

[[nodiscard]] Insertion BestInsertion(const WorkingSolution& solution,
                                      const Neighbourhood& neighbourhood, int client,
                                      const CostEvaluator& cost);

}  // namespace lifeline::dispatch::search
