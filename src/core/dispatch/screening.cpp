#include "core/dispatch/screening.h"

#include <algorithm>
#include <optional>

namespace lifeline::dispatch {
namespace {

// Start of a break taken no earlier than `ready`, or nothing when its window has closed.
std::optional<double> BreakStart(const Break& rest, double ready) {
  const double start = std::max(ready, rest.window.earliest);
  if (start > rest.window.latest) return std::nullopt;
  return start;
}

// Whether `vehicle` can serve `job` as its only stop, taking its break before or after it.
bool CanServeAlone(const Vehicle& vehicle, const Job& job, const TravelMatrix& travel) {
  const double to_job = travel.Duration(vehicle.start_location, job.location);
  const double to_end = travel.Duration(job.location, vehicle.end_location);
  // Returns the time back at the end depot, or nothing when a window is missed.
  const auto day = [&](bool break_first) -> std::optional<double> {
    double time = vehicle.shift.earliest;
    if (vehicle.rest_break && break_first) {
      const std::optional<double> start = BreakStart(*vehicle.rest_break, time);
      if (!start) return std::nullopt;
      time = *start + vehicle.rest_break->duration;
    }
    const double service_start = std::max(time + to_job, job.window.earliest);
    if (service_start > job.window.latest) return std::nullopt;
    time = service_start + job.service_duration;
    if (vehicle.rest_break && !break_first) {
      const std::optional<double> start = BreakStart(*vehicle.rest_break, time);
      if (!start) return std::nullopt;
      time = *start + vehicle.rest_break->duration;
    }
    return time + to_end;
  };
  for (const bool break_first : {false, true}) {
    const std::optional<double> back = day(break_first);
    if (back && *back <= vehicle.shift.latest) return true;
    if (!vehicle.rest_break) break;
  }
  return false;
}

}  // namespace

Screening ScreenProblem(const Problem& problem, const TravelMatrix& travel) {
  Screening screening;
  for (std::size_t v = 0; v < problem.vehicles.size(); ++v) {
    if (!problem.vehicles[v].shift.IsEmpty()) screening.usable_vehicles.push_back(v);
  }
  for (std::size_t j = 0; j < problem.jobs.size(); ++j) {
    const Job& job = problem.jobs[j];
    if (job.window.IsEmpty()) {
      screening.unassignable.push_back({j, UnassignedReason::kInvalidWindow});
      continue;
    }
    bool skilled = false;
    bool on_shift = false;
    bool fits = false;
    bool reachable = false;
    for (std::size_t v = 0; v < problem.vehicles.size() && !reachable; ++v) {
      const Vehicle& vehicle = problem.vehicles[v];
      if (!vehicle.skills.Covers(job.skills) || (job.pinned_vehicle && *job.pinned_vehicle != v)) {
        continue;
      }
      skilled = true;
      if (vehicle.shift.IsEmpty()) continue;
      on_shift = true;
      if (job.demand > vehicle.capacity) continue;
      fits = true;
      reachable = CanServeAlone(vehicle, job, travel);
    }
    if (reachable) {
      screening.plannable_jobs.push_back(j);
      continue;
    }
    const UnassignedReason reason = !skilled    ? UnassignedReason::kNoSkilledVehicle
                                    : !on_shift ? UnassignedReason::kNoVehicleOnShift
                                    : !fits     ? UnassignedReason::kDemandExceedsCapacity
                                                : UnassignedReason::kWindowUnreachable;
    screening.unassignable.push_back({j, reason});
  }
  return screening;
}

}  // namespace lifeline::dispatch
