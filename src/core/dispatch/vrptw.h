// The Solomon benchmark as a product feature: `lifeline vrptw FILE --seconds S [--seed N]`
// reads an instance in the Solomon text format and prints its routes. The fleet size in the
// file is an upper bound; the objective is total distance (Euclidean, unrounded), as in the
// literature's "minimum distance" results.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/common/error.h"
#include "core/dispatch/model.h"
#include "core/dispatch/solomon_reader.h"
#include "core/dispatch/travel_matrix.h"

namespace lifeline::dispatch {

struct SolveOptions {
  double seconds = 1.0;
  std::uint64_t seed = 1;
  int threads = 2;  // independent searches in parallel; the machine has two cores
  // When set, searches also stop after this many iterations: with a generous `seconds`, a
  // run is reproducible whatever the machine's speed.
  std::optional<std::int64_t> max_iterations{};
};

struct VrptwSolution {
  double distance = 0;
  int vehicles = 0;
  // Customer numbers as written in the file, in visiting order, depot omitted.
  std::vector<std::vector<std::int64_t>> routes;
  // Customers left out, by number: ones no vehicle can serve at all (a window that closes
  // before a vehicle can get there, a demand above the capacity) or that do not fit the fleet.
  // Empty for the Solomon and Gehring–Homberger instances.
  std::vector<std::int64_t> unassigned;
};

// The instance as a dispatch Problem: job i is node i + 1 (node 0 is the depot, location 0);
// min(vehicle count, customers) identical vehicles with the depot's window as their shift.
struct SolomonProblem {
  Problem problem;
  EuclideanTravel travel;
  std::vector<std::int64_t> customer_numbers;  // by job index
};
[[nodiscard]] SolomonProblem BuildSolomonProblem(const SolomonInstance& instance);

// kInvalidArgument / kTooLarge for malformed text (the message names the line); kInternal if
// the plan failed the independent check (a solver bug, never expected).
[[nodiscard]] Result<VrptwSolution> SolveSolomon(std::string_view text,
                                                 const SolveOptions& options);

}  // namespace lifeline::dispatch
