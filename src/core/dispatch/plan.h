// A day plan: each used vehicle's route with the time of every stop, and every job that is not
// in a route with the reason why. Every job of the problem appears exactly once, in a route or
// in `unassigned` — the checker enforces this.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace lifeline::dispatch {

enum class StopKind { kJob, kBreak };

struct Stop {
  StopKind kind = StopKind::kJob;
  std::size_t job = 0;  // index into Problem::jobs; unused for a break
  double arrival = 0;   // when the vehicle gets there (equals `start` for a break)
  double start = 0;     // start of service or of the break; waits until the window opens
  double end = 0;       // start + duration
};

struct RoutePlan {
  std::size_t vehicle = 0;
  double departure = 0;  // from the start depot: the earliest that adds no waiting on the way
  double return_time = 0;
  double distance = 0;
  std::int64_t load = 0;
  std::vector<Stop> stops;  // depots omitted
};

enum class UnassignedReason {
  kNoSkilledVehicle,       // no vehicle allowed to take the job has all its skills
  kNoVehicleOnShift,       // the skilled vehicles all have an empty shift
  kDemandExceedsCapacity,  // more than any skilled vehicle carries
  kInvalidWindow,          // the window closes before it opens
  kWindowUnreachable,      // no skilled vehicle can reach it in its window and get home in shift
  kNoRoomInPlan,           // servable alone, but not alongside the rest (fleet time or capacity)
};

inline constexpr std::array kAllUnassignedReasons = {
    UnassignedReason::kNoSkilledVehicle,      UnassignedReason::kNoVehicleOnShift,
    UnassignedReason::kDemandExceedsCapacity, UnassignedReason::kInvalidWindow,
    UnassignedReason::kWindowUnreachable,     UnassignedReason::kNoRoomInPlan,
};

// Stable lowercase code ("no_skilled_vehicle") for storage and the API.
std::string_view UnassignedReasonCode(UnassignedReason reason);
std::optional<UnassignedReason> ParseUnassignedReason(std::string_view code);

struct UnassignedJob {
  std::size_t job = 0;
  UnassignedReason reason = UnassignedReason::kNoRoomInPlan;
};

// How the search went, for logs and the benchmark; not part of the plan's meaning.
struct SearchStats {
  std::int64_t iterations = 0;  // summed over the parallel searches
  double seconds = 0;
  std::size_t searches = 0;
};

struct Plan {
  std::vector<RoutePlan> routes;          // only vehicles that serve at least one job
  std::vector<UnassignedJob> unassigned;  // ordered by job index
  double distance = 0;                    // sum of the routes' distances
  SearchStats stats;
};

}  // namespace lifeline::dispatch
