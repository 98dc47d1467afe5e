// The dispatch solver: plans routes for every job that can be served, minimising total travel
// distance (plus vehicle fixed costs and the penalties of jobs left out) with time windows,
// capacities, skills, pins, shifts and breaks as hard constraints.
//
//   1. ScreenProblem sets aside jobs no vehicle could ever serve, with the reason.
//   2. A hybrid genetic search (search/genetic_search.h) runs on the rest — several
//      independent ones in parallel if asked, each with its own seed, sharing nothing.
//   3. The best feasible plan wins; if none was feasible, jobs are taken out until it is
//      (search/feasibility_repair.h). Jobs left out report "no_room_in_plan".
//
// Deterministic: with an iteration limit, the same problem, seed and number of searches give
// the same plan (each search is a sequential run on its own seeded Rng; threads only decide
// where it runs). A time limit is read through an injected clock.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>

#include "core/common/error.h"
#include "core/dispatch/model.h"
#include "core/dispatch/plan.h"
#include "core/dispatch/travel_matrix.h"

namespace lifeline::dispatch {

struct SolverOptions {
  std::uint64_t seed = 1;
  // Stop each search after this many iterations (offspring educated). Tests use this.
  std::optional<std::int64_t> max_iterations;
  // Stop when `elapsed_seconds` reaches this. At least one of the two limits is required.
  std::optional<double> time_limit_seconds;
  // Seconds since Solve began; called from every search thread. Defaults to a steady clock.
  std::function<double()> elapsed_seconds;
  // Independent searches, one thread each; the best plan wins (ties: the lowest search).
  int searches = 1;
};

// kInvalidArgument when the problem fails ValidateProblem or the options set no limit (or a
// negative or non-finite one).
[[nodiscard]] Result<Plan> Solve(const Problem& problem, const TravelMatrix& travel,
                                 const SolverOptions& options);

}  // namespace lifeline::dispatch
