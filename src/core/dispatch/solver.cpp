#include "core/dispatch/solver.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <thread>
#include <vector>

#include "core/common/rng.h"
#include "core/dispatch/screening.h"
#include "core/dispatch/search/feasibility_repair.h"
#include "core/dispatch/search/genetic_search.h"
#include "core/dispatch/search/instance.h"
#include "core/dispatch/search/neighbourhood.h"
#include "core/dispatch/search/schedule.h"
#include "core/dispatch/search/working_solution.h"

namespace lifeline::dispatch {
namespace {

using search::Individual;
using search::SearchOutcome;

std::function<double()> SteadyClock() {
  const auto start = std::chrono::steady_clock::now();
  return [start] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
}

// The better of two search outcomes: feasible beats infeasible, then lower cost.
bool Better(const SearchOutcome& candidate, const SearchOutcome& incumbent) {
  if (candidate.best_feasible && incumbent.best_feasible) {
    return candidate.best_feasible->Cost().Objective() <
           incumbent.best_feasible->Cost().Objective() - search::kImprovement;
  }
  return candidate.best_feasible.has_value() && !incumbent.best_feasible.has_value();
}

std::vector<SearchOutcome> RunSearches(const search::Instance& instance,
                                       const search::Neighbourhood& neighbourhood,
                                       const search::SearchParams& params,
                                       const SolverOptions& options, const search::StopRule& stop) {
  const auto count = static_cast<std::size_t>(std::max(options.searches, 1));
  // Seeds drawn from the caller's seed, so search k is the same run whatever the thread count.
  Rng seeds(options.seed);
  std::vector<std::uint64_t> seed(count);
  for (std::uint64_t& s : seed) s = seeds.Next();

  std::vector<SearchOutcome> outcomes(count);
  const auto run = [&](std::size_t k) {
    search::GeneticSearch genetic(instance, neighbourhood, params, seed[k]);
    outcomes[k] = genetic.Run(stop);
  };
  std::vector<std::thread> threads;
  for (std::size_t k = 1; k < count; ++k) threads.emplace_back(run, k);
  run(0);
  for (std::thread& thread : threads) thread.join();
  return outcomes;
}

}  // namespace

Result<Plan> Solve(const Problem& problem, const TravelMatrix& travel,
                   const SolverOptions& options) {
  if (Status valid = ValidateProblem(problem, travel.Size()); !valid) return Fail(valid.error());
  if (!options.max_iterations && !options.time_limit_seconds) {
    return Fail(Error::Invalid("options", "set max_iterations or time_limit_seconds"));
  }
  if (options.max_iterations && *options.max_iterations < 0) {
    return Fail(Error::Invalid("options.max_iterations", "must not be negative"));
  }
  // A NaN limit would never be reached.
  if (options.time_limit_seconds &&
      !(*options.time_limit_seconds >= 0 && std::isfinite(*options.time_limit_seconds))) {
    return Fail(Error::Invalid("options.time_limit_seconds", "must be finite and not negative"));
  }
  const std::function<double()> elapsed =
      options.elapsed_seconds ? options.elapsed_seconds : SteadyClock();

  Screening screening = ScreenProblem(problem, travel);
  Plan plan;
  plan.unassigned = std::move(screening.unassignable);
  if (screening.plannable_jobs.empty()) {
    plan.stats.seconds = elapsed();
    return plan;
  }

  const search::Instance instance(problem, travel, screening.plannable_jobs,
                                  screening.usable_vehicles);
  const search::SearchParams params;
  const search::Neighbourhood neighbourhood(instance, params.neighbourhood);
  search::StopRule stop;
  stop.max_iterations = options.max_iterations;
  if (options.time_limit_seconds) {
    stop.out_of_time = [&elapsed, limit = *options.time_limit_seconds] {
      return elapsed() >= limit;
    };
  }

  std::vector<SearchOutcome> outcomes = RunSearches(instance, neighbourhood, params, options, stop);
  std::size_t winner = 0;
  for (std::size_t k = 0; k < outcomes.size(); ++k) {
    plan.stats.iterations += outcomes[k].iterations;
    if (Better(outcomes[k], outcomes[winner])) winner = k;
  }
  plan.stats.searches = outcomes.size();

  search::WorkingSolution best(instance);
  const SearchOutcome& chosen = outcomes[winner];
  if (chosen.best_feasible) {
    best.Load(chosen.best_feasible->Routes());
  } else if (chosen.least_infeasible) {
    best.Load(chosen.least_infeasible->Routes());
  }
  // Always run it: it also fills in any job the search left out if it fits after all.
  search::RepairFeasibility(best);

  for (int r = 0; r < best.NumRoutes(); ++r) {
    if (!best.RouteAt(r).HasClients()) continue;
    plan.routes.push_back(search::ScheduleRoute(instance, best.RouteAt(r)));
    plan.distance += plan.routes.back().distance;
  }
  for (int client = 0; client < instance.NumClients(); ++client) {
    if (!best.IsAssigned(client)) {
      plan.unassigned.push_back({instance.Client(client).job, UnassignedReason::kNoRoomInPlan});
    }
  }
  std::sort(plan.unassigned.begin(), plan.unassigned.end(),
            [](const UnassignedJob& a, const UnassignedJob& b) { return a.job < b.job; });
  plan.stats.seconds = elapsed();
  return plan;
}

}  // namespace lifeline::dispatch
