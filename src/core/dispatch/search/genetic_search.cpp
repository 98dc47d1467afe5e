#include "core/dispatch/search/genetic_search.h"

#include <algorithm>

#include "core/dispatch/search/construction.h"

namespace lifeline::dispatch::search {

GeneticSearch::GeneticSearch(const Instance& instance, const Neighbourhood& neighbourhood,
                             const SearchParams& params, std::uint64_t seed)
    : neighbourhood_(neighbourhood),
      params_(params),
      rng_(seed),
      local_search_(instance, neighbourhood),
      crossover_(instance, neighbourhood, params.crossover_moved_clients),
      penalties_(instance, params.penalties),
      population_(params.population),
      working_(instance) {}

bool GeneticSearch::ShouldStop(const StopRule& stop) const {
  if (stop.max_iterations && outcome_.iterations >= *stop.max_iterations) return true;
  return stop.out_of_time && stop.out_of_time();
}

SearchOutcome GeneticSearch::Run(const StopRule& stop) {
  outcome_ = {};
  last_improvement_ = last_growth_ = 0;
  local_search_.SetNeighbourCount(params_.initial_neighbours);
  Initialise(stop);
  while (!ShouldStop(stop)) {
    const std::int64_t stalled_since = std::max(last_improvement_, last_growth_);
    if (outcome_.iterations - stalled_since > params_.grow_after &&
        local_search_.NeighbourCount() < params_.neighbourhood.size) {
      local_search_.SetNeighbourCount(local_search_.NeighbourCount() + params_.neighbours_step);
      last_growth_ = outcome_.iterations;
    }
    if (outcome_.iterations - last_improvement_ > params_.restart_after ||
        population_.Size() == 0) {  // the latter only if a clock stopped, then went on
      population_.Clear();
      last_improvement_ = outcome_.iterations;
      Initialise(stop);
      continue;
    }
    const CostEvaluator cost = penalties_.Evaluator();
    const Individual& base = population_.Select(rng_, cost);
    const Individual& donor = population_.Select(rng_, cost);
    crossover_.Apply(base, donor, cost, rng_, working_);
    Educate();
  }
  return std::move(outcome_);
}

void GeneticSearch::Initialise(const StopRule& stop) {
  for (int i = 0; i < params_.initial_solutions && !ShouldStop(stop); ++i) {
    ConstructRandomised(working_, neighbourhood_, penalties_.Evaluator(), rng_);
    Educate();
  }
}

void GeneticSearch::Educate() {
  ++outcome_.iterations;
  const CostEvaluator cost = penalties_.Evaluator();
  local_search_.Improve(working_, cost, rng_);
  Individual offspring(working_);
  penalties_.Register(offspring.Cost());
  Record(offspring);
  const bool feasible = offspring.Feasible();
  population_.Add(std::move(offspring), cost);

  // Repair (Vidal et al. 2012): search again with heavier penalties; keep it only if feasible.
  if (!feasible && rng_.Chance(params_.repair_probability)) {
    local_search_.Improve(working_, penalties_.Boosted(), rng_);
    Individual repaired(working_);
    if (repaired.Feasible()) {
      Record(repaired);
      population_.Add(std::move(repaired), cost);
    }
  }
}

void GeneticSearch::Record(const Individual& individual) {
  if (individual.Feasible()) {
    if (!outcome_.best_feasible ||
        individual.Cost().Objective() < outcome_.best_feasible->Cost().Objective() - kImprovement) {
      outcome_.best_feasible = individual;
      last_improvement_ = outcome_.iterations;
    }
    return;
  }
  // Infeasible solutions compare by how far from feasible they are, then by cost.
  const auto lateness = [](const CostBreakdown& c) {
    return static_cast<double>(c.load_excess) + c.time_warp;
  };
  if (!outcome_.best_feasible &&
      (!outcome_.least_infeasible ||
       lateness(individual.Cost()) < lateness(outcome_.least_infeasible->Cost()))) {
    outcome_.least_infeasible = individual;
  }
}

}  // namespace lifeline::dispatch::search
