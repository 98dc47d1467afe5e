// Before any search: which jobs no plan could ever serve, and why. A job is checked against
// every vehicle alone — skills and pin, shift, capacity, then whether that vehicle could leave
// its depot, serve the job inside its window, take its break and be back within the shift.
// The first test that no vehicle passes names the reason. Jobs that pass go to the search;
// vehicles with an empty shift do not.
#pragma once

#include <cstddef>
#include <vector>

#include "core/dispatch/model.h"
#include "core/dispatch/plan.h"
#include "core/dispatch/travel_matrix.h"

namespace lifeline::dispatch {

struct Screening {
  std::vector<std::size_t> plannable_jobs;
  std::vector<std::size_t> usable_vehicles;
  std::vector<UnassignedJob> unassignable;
};

// The problem must pass ValidateProblem.
[[nodiscard]] Screening ScreenProblem(const Problem& problem, const TravelMatrix& travel);

}  // namespace lifeline::dispatch
