// Selective route exchange (SREX; Nagata & Kobayashi 2010, as used for time windows by Kool et
// al.'s HGS-DIMACS and PyVRP): a few neighbouring routes of the donor replace the routes of the
// base parent that overlap them most, so whole good routes are inherited intact. Clients this
// leaves twice are dropped from one side; clients it leaves out are put back by cheapest
// insertion. Two offspring are built — one keeping the donor routes whole, one keeping the
// base's other routes whole — and the cheaper is returned.
//
// Routes belong to vehicles. A donor route only replaces a base route of a vehicle of the same
// class (identical vehicles), so heterogeneous fleets, skills and pins stay respected. Without
// coordinates, "neighbouring routes" means routes linked by granular-neighbour pairs.
#pragma once

#include "core/common/rng.h"
#include "core/dispatch/search/cost_evaluator.h"
#include "core/dispatch/search/individual.h"
#include "core/dispatch/search/neighbourhood.h"
#include "core/dispatch/search/working_solution.h"

namespace lifeline::dispatch::search {

class Crossover {
 public:
  // At most about `moved_clients` clients change hands per crossover (the donor routes picked
  // number 1 … routes × moved_clients / clients). Solomon's 100 clients are never capped; on
  // the 600-job demo day, exchanging half of 40 routes on average left the local search
  // redoing most of the plan each time, and the cap found a 9 % shorter plan in 25 s.
  Crossover(const Instance& instance, const Neighbourhood& neighbourhood, int moved_clients);

  // Leaves the offspring in `out`.
  void Apply(const Individual& base, const Individual& donor, const CostEvaluator& cost, Rng& rng,
             WorkingSolution& out);

 private:
  std::vector<int> PickDonorRoutes(const Individual& donor, Rng& rng);
  void Repair(WorkingSolution& solution, const CostEvaluator& cost);

  const Instance& instance_;
  const Neighbourhood& neighbourhood_;
  int moved_clients_;
  WorkingSolution scratch_;
  std::vector<int> route_of_;  // by client, in the parent being examined
  std::vector<int> unplanned_;
};

}  // namespace lifeline::dispatch::search
