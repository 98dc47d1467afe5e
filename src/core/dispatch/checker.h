// An independent check of a plan against its problem. It replays every route from the stated
// departure with the TravelMatrix itself — none of the solver's cached segments, matrices or
// penalties — so a bug in the search's incremental bookkeeping cannot hide here. Tests, the
// benchmark and SolveSolomon run every returned plan through it.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/dispatch/model.h"
#include "core/dispatch/plan.h"
#include "core/dispatch/travel_matrix.h"

namespace lifeline::dispatch {

enum class ViolationKind {
  kInvalidProblem,   // the problem itself fails ValidateProblem; nothing else is checked
  kUnknownVehicle,   // a route names a vehicle the problem does not have
  kVehicleReused,    // two routes for one vehicle
  kUnknownJob,       // a stop or an unassigned entry names a job the problem does not have
  kJobRepeated,      // a job appears more than once (in routes and/or unassigned)
  kJobMissing,       // a job appears nowhere
  kSkillMissing,     // the vehicle lacks a skill the job needs
  kPinnedElsewhere,  // the job is pinned to another vehicle
  kCapacityExceeded,
  kWindowMissed,  // service starts after the window closes
  kDepartureBeforeShift,
  kLateReturn,       // back at the end depot after the shift
  kBreakMissing,     // a used vehicle with a break takes none
  kUnexpectedBreak,  // a break on a vehicle without one, or a second break
  kBreakWindowMissed,
  kScheduleMismatch,  // stated stop times differ from the replayed ones
  kDistanceMismatch,  // stated distance differs from the replayed one
};

struct Violation {
  ViolationKind kind;
  std::string message;  // names the route, vehicle and job
};

// Tolerance for times and distances: the solver's arithmetic runs in a different order.
inline constexpr double kCheckTolerance = 1e-6;

[[nodiscard]] std::vector<Violation> CheckPlan(const Problem& problem, const TravelMatrix& travel,
                                               const Plan& plan);

}  // namespace lifeline::dispatch
