// The dispatch problem as the product states it: jobs with an appointment window, a duration,
// a demand and the skills they need; technicians (vehicles) with a home depot, a shift, a van
// capacity, skills and an optional break. Locations are indices into a TravelMatrix, so the
// same model serves straight-line estimates, a routing server's table and the Solomon set.
//
// Units are the caller's: times and durations in one unit (minutes in the product, Solomon's
// own units in the benchmark), distances in another. The solver minimises distance.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <vector>

#include "core/common/error.h"

namespace lifeline::dispatch {

inline constexpr double kUnbounded = std::numeric_limits<double>::infinity();

// Leaving a job undone costs this much unless the job says otherwise: far above any route's
// distance, so the solver leaves a job out only when no feasible plan can hold it.
inline constexpr double kMandatoryPenalty = 1e9;

using LocationIndex = std::size_t;

// Up to 64 skills as bits; the product maps its skill codes (管道维修, 表务 …) to bit numbers
// per team. A bitset keeps the "can this technician do this job" test to one AND.
class SkillSet {
 public:
  constexpr SkillSet() = default;
  static constexpr SkillSet FromBits(std::uint64_t bits) { return SkillSet(bits); }
  static constexpr SkillSet Of(std::initializer_list<unsigned> skills) {
    std::uint64_t bits = 0;
    for (unsigned skill : skills) bits |= std::uint64_t{1} << skill;
    return SkillSet(bits);
  }

  constexpr std::uint64_t Bits() const { return bits_; }
  constexpr bool Covers(SkillSet required) const { return (required.bits_ & ~bits_) == 0; }
  constexpr bool operator==(const SkillSet&) const = default;

 private:
  constexpr explicit SkillSet(std::uint64_t bits) : bits_(bits) {}
  std::uint64_t bits_ = 0;
};

// A closed interval of times. For a job it bounds the start of service; for a shift, the
// departure from and the return to the depot; for a break, the start of the break.
struct TimeWindow {
  double earliest = 0;
  double latest = kUnbounded;

  bool IsEmpty() const { return !(earliest <= latest); }  // also true when either is NaN
};

struct Job {
  LocationIndex location = 0;
  TimeWindow window;
  double service_duration = 0;
  std::int64_t demand = 0;
  SkillSet skills;
  double unassigned_penalty = kMandatoryPenalty;
  std::optional<std::size_t> pinned_vehicle;  // only this vehicle may serve the job
};

struct Break {
  TimeWindow window;  // when the break may start
  double duration = 0;
};

struct Vehicle {
  LocationIndex start_location = 0;
  LocationIndex end_location = 0;
  TimeWindow shift;
  std::int64_t capacity = std::numeric_limits<std::int64_t>::max();
  SkillSet skills;
  std::optional<Break> rest_break;  // taken wherever the technician is at the time
  double fixed_cost = 0;            // added once if the vehicle is used at all
};

struct Problem {
  std::vector<Job> jobs;
  std::vector<Vehicle> vehicles;
  // Work balancing: every used vehicle adds balance_weight × (its working time)² to the
  // objective, working time being travel and service — not waits, not the break. The square
  // makes two half days cheaper than one full day for the same work, so the search spreads jobs
  // over the crew unless that costs more travel than it saves. 0 (the default, and the Solomon
  // benchmark's setting) is the pure travel objective.
  double balance_weight = 0;
};

// Structural checks the solver relies on: every location inside the matrix, every number
// finite where it must be, no negative duration or demand, pins naming real vehicles.
// kInvalidArgument with the offending field ("jobs[3].location"). Jobs that are well formed
// but cannot be served (no skilled technician, a window nobody reaches) are not errors: the
// solver returns them as unassigned with a reason.
[[nodiscard]] Status ValidateProblem(const Problem& problem, std::size_t location_count);

}  // namespace lifeline::dispatch
