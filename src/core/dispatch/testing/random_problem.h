// Random dispatch problems for tests: every feature of the model (skills, pins, breaks, several
// depots, different shifts and capacities, optional jobs) switched on or off, generated from a
// seed so a failing case can be replayed. Header-only: used by tests, never by the product.
#pragma once

#include <cstdint>
#include <vector>

#include "core/common/rng.h"
#include "core/dispatch/model.h"
#include "core/dispatch/travel_matrix.h"

namespace lifeline::dispatch::testing {

struct RandomProblemSpec {
  int jobs = 20;
  int vehicles = 4;
  bool skills = false;
  bool pins = false;
  bool breaks = false;
  bool several_depots = false;
  bool optional_jobs = false;
  double window_width = 200;  // upper bound of the random window widths
  std::uint64_t seed = 1;
};

struct RandomProblem {
  Problem problem;
  EuclideanTravel travel;
};

inline RandomProblem MakeRandomProblem(const RandomProblemSpec& spec) {
  Rng rng(spec.seed);
  const auto uniform = [&](double lo, double hi) { return lo + (hi - lo) * rng.Unit(); };
  const int depots = spec.several_depots ? 3 : 1;
  std::vector<Point> points;
  for (int d = 0; d < depots; ++d) points.push_back({uniform(30, 70), uniform(30, 70)});

  Problem problem;
  constexpr double kHorizon = 1000;
  for (int v = 0; v < spec.vehicles; ++v) {
    Vehicle vehicle;
    vehicle.start_location =
        static_cast<std::size_t>(rng.Below(static_cast<std::uint64_t>(depots)));
    vehicle.end_location =
        spec.several_depots
            ? static_cast<std::size_t>(rng.Below(static_cast<std::uint64_t>(depots)))
            : vehicle.start_location;
    vehicle.shift = spec.several_depots ? TimeWindow{uniform(0, 150), uniform(800, kHorizon)}
                                        : TimeWindow{0, kHorizon};
    vehicle.capacity = static_cast<std::int64_t>(rng.Between(40, 100));
    // Skill 0 is common, 1 and 2 rarer, so some jobs have few candidates.
    vehicle.skills = SkillSet::FromBits(
        spec.skills ? (1u | (rng.Chance(0.5) ? 2u : 0u) | (rng.Chance(0.3) ? 4u : 0u)) : 0u);
    if (spec.breaks) vehicle.rest_break = Break{{300, 600}, 30};
    problem.vehicles.push_back(vehicle);
  }
  for (int j = 0; j < spec.jobs; ++j) {
    Job job;
    job.location = points.size();
    points.push_back({uniform(0, 100), uniform(0, 100)});
    const double width = uniform(20, spec.window_width);
    const double open = uniform(0, kHorizon - 150 - width);
    job.window = {open, open + width};
    job.service_duration = uniform(5, 20);
    job.demand = rng.Between(1, 20);
    if (spec.skills && rng.Chance(0.5))
      job.skills = SkillSet::Of({static_cast<unsigned>(rng.Below(3))});
    if (spec.pins && rng.Chance(0.1)) {
      job.pinned_vehicle =
          static_cast<std::size_t>(rng.Below(static_cast<std::uint64_t>(spec.vehicles)));
    }
    if (spec.optional_jobs && rng.Chance(0.3)) job.unassigned_penalty = uniform(10, 200);
    problem.jobs.push_back(job);
  }
  return {std::move(problem), EuclideanTravel(std::move(points))};
}

}  // namespace lifeline::dispatch::testing
