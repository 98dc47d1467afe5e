#include "core/dispatch/checker.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace lifeline::dispatch {
namespace {

bool Differs(double stated, double replayed) {
  return std::abs(stated - replayed) > kCheckTolerance * std::max(1.0, std::abs(replayed));
}

std::string RouteName(std::size_t route, std::size_t vehicle) {
  return "route " + std::to_string(route) + " (vehicle " + std::to_string(vehicle) + ")";
}

class PlanChecker {
 public:
  PlanChecker(const Problem& problem, const TravelMatrix& travel, const Plan& plan)
      : problem_(problem), travel_(travel), plan_(plan), seen_(problem.jobs.size(), 0) {}

  std::vector<Violation> Run() {
    if (Status valid = ValidateProblem(problem_, travel_.Size()); !valid) {
      Add(ViolationKind::kInvalidProblem, valid.error().field + ": " + valid.error().message);
      return std::move(violations_);
    }
    std::vector<int> vehicle_routes(problem_.vehicles.size(), 0);
    double total_distance = 0;
    for (std::size_t r = 0; r < plan_.routes.size(); ++r) {
      const RoutePlan& route = plan_.routes[r];
      if (route.vehicle >= problem_.vehicles.size()) {
        Add(ViolationKind::kUnknownVehicle, RouteName(r, route.vehicle) + ": no such vehicle");
        continue;
      }
      if (++vehicle_routes[route.vehicle] == 2) {
        Add(ViolationKind::kVehicleReused,
            RouteName(r, route.vehicle) + ": vehicle has two routes");
      }
      total_distance += ReplayRoute(r, route);
    }
    for (const UnassignedJob& entry : plan_.unassigned) {
      CountJob(entry.job, "unassigned list");
    }
    for (std::size_t j = 0; j < seen_.size(); ++j) {
      if (seen_[j] == 0)
        Add(ViolationKind::kJobMissing, "job " + std::to_string(j) + " is missing");
    }
    if (Differs(plan_.distance, total_distance)) {
      Add(ViolationKind::kDistanceMismatch, "plan distance " + std::to_string(plan_.distance) +
                                                " but routes add up to " +
                                                std::to_string(total_distance));
    }
    return std::move(violations_);
  }

 private:
  // Returns the replayed distance of the route.
  double ReplayRoute(std::size_t r, const RoutePlan& route) {
    const Vehicle& vehicle = problem_.vehicles[route.vehicle];
    const std::string name = RouteName(r, route.vehicle);
    if (route.departure < vehicle.shift.earliest - kCheckTolerance) {
      Add(ViolationKind::kDepartureBeforeShift, name + ": leaves before the shift starts");
    }
    double time = route.departure;
    double distance = 0;
    std::int64_t load = 0;
    int breaks = 0;
    LocationIndex here = vehicle.start_location;
    for (std::size_t s = 0; s < route.stops.size(); ++s) {
      const Stop& stop = route.stops[s];
      const std::string where = name + " stop " + std::to_string(s);
      double arrival = time;
      double earliest = 0;
      double latest = 0;
      double duration = 0;
      if (stop.kind == StopKind::kBreak) {
        // A break is taken where the vehicle is: no travel.
        if (!vehicle.rest_break || ++breaks > 1) {
          Add(ViolationKind::kUnexpectedBreak, where + ": break not allowed here");
          continue;
        }
        earliest = vehicle.rest_break->window.earliest;
        latest = vehicle.rest_break->window.latest;
        duration = vehicle.rest_break->duration;
      } else {
        if (!CountJob(stop.job, where)) continue;
        const Job& job = problem_.jobs[stop.job];
        if (!vehicle.skills.Covers(job.skills)) {
          Add(ViolationKind::kSkillMissing,
              where + ": vehicle lacks a skill job " + std::to_string(stop.job) + " needs");
        }
        if (job.pinned_vehicle && *job.pinned_vehicle != route.vehicle) {
          Add(ViolationKind::kPinnedElsewhere, where + ": job " + std::to_string(stop.job) +
                                                   " is pinned to vehicle " +
                                                   std::to_string(*job.pinned_vehicle));
        }
        distance += travel_.Distance(here, job.location);
        arrival = time + travel_.Duration(here, job.location);
        here = job.location;
        load += job.demand;
        earliest = job.window.earliest;
        latest = job.window.latest;
        duration = job.service_duration;
      }
      const double start = std::max(arrival, earliest);
      if (start > latest + kCheckTolerance) {
        Add(stop.kind == StopKind::kBreak ? ViolationKind::kBreakWindowMissed
                                          : ViolationKind::kWindowMissed,
            where + ": starts at " + std::to_string(start) + ", window closes at " +
                std::to_string(latest));
      }
      if (Differs(stop.arrival, arrival) || Differs(stop.start, start) ||
          Differs(stop.end, start + duration)) {
        Add(ViolationKind::kScheduleMismatch, where + ": stated times differ from the replay");
      }
      time = start + duration;
    }
    distance += travel_.Distance(here, vehicle.end_location);
    time += travel_.Duration(here, vehicle.end_location);
    if (time > vehicle.shift.latest + kCheckTolerance) {
      Add(ViolationKind::kLateReturn, name + ": back at " + std::to_string(time) +
                                          ", shift ends at " +
                                          std::to_string(vehicle.shift.latest));
    }
    if (Differs(route.return_time, time)) {
      Add(ViolationKind::kScheduleMismatch, name + ": stated return time differs from the replay");
    }
    if (vehicle.rest_break && breaks == 0) {
      Add(ViolationKind::kBreakMissing, name + ": no break taken");
    }
    if (load > vehicle.capacity) {
      Add(ViolationKind::kCapacityExceeded, name + ": load " + std::to_string(load) +
                                                " over capacity " +
                                                std::to_string(vehicle.capacity));
    }
    if (Differs(route.distance, distance)) {
      Add(ViolationKind::kDistanceMismatch, name + ": stated distance differs from the replay");
    }
    return distance;
  }

  // Records one appearance of a job; false when the index is unknown.
  bool CountJob(std::size_t job, const std::string& where) {
    if (job >= seen_.size()) {
      Add(ViolationKind::kUnknownJob, where + ": no job " + std::to_string(job));
      return false;
    }
    if (++seen_[job] == 2) {
      Add(ViolationKind::kJobRepeated, where + ": job " + std::to_string(job) + " appears again");
    }
    return true;
  }

  void Add(ViolationKind kind, std::string message) {
    violations_.push_back({kind, std::move(message)});
  }

  const Problem& problem_;
  const TravelMatrix& travel_;
  const Plan& plan_;
  std::vector<int> seen_;
  std::vector<Violation> violations_;
};

}  // namespace

std::vector<Violation> CheckPlan(const Problem& problem, const TravelMatrix& travel,
                                 const Plan& plan) {
  return PlanChecker(problem, travel, plan).Run();
}

}  // namespace lifeline::dispatch
