#include "core/dispatch/model.h"

#include <cmath>
#include <string>

namespace lifeline::dispatch {
namespace {

std::string Field(const char* list, std::size_t index, const char* member) {
  return std::string(list) + "[" + std::to_string(index) + "]." + member;
}

// A window bound may be infinite (an open end) but never NaN.
bool IsTime(double value) {
  return !std::isnan(value);
}

}  // namespace

Status ValidateProblem(const Problem& problem, std::size_t location_count) {
  for (std::size_t i = 0; i < problem.jobs.size(); ++i) {
    const Job& job = problem.jobs[i];
    if (job.location >= location_count) {
      return Fail(
          Error::Invalid(Field("jobs", i, "location"), "location outside the travel matrix"));
    }
    if (!IsTime(job.window.earliest) || !IsTime(job.window.latest)) {
      return Fail(Error::Invalid(Field("jobs", i, "window"), "window bound is not a number"));
    }
    if (!std::isfinite(job.service_duration) || job.service_duration < 0) {
      return Fail(Error::Invalid(Field("jobs", i, "service_duration"),
                                 "service duration must be finite and not negative"));
    }
    if (job.demand < 0) {
      return Fail(Error::Invalid(Field("jobs", i, "demand"), "demand must not be negative"));
    }
    if (std::isnan(job.unassigned_penalty) || job.unassigned_penalty < 0) {
      return Fail(Error::Invalid(Field("jobs", i, "unassigned_penalty"),
                                 "penalty must be a number, not negative"));
    }
    if (job.pinned_vehicle && *job.pinned_vehicle >= problem.vehicles.size()) {
      return Fail(Error::Invalid(Field("jobs", i, "pinned_vehicle"), "no such vehicle"));
    }
  }
  for (std::size_t v = 0; v < problem.vehicles.size(); ++v) {
    const Vehicle& vehicle = problem.vehicles[v];
    if (vehicle.start_location >= location_count) {
      return Fail(Error::Invalid(Field("vehicles", v, "start_location"),
                                 "location outside the travel matrix"));
    }
    if (vehicle.end_location >= location_count) {
      return Fail(Error::Invalid(Field("vehicles", v, "end_location"),
                                 "location outside the travel matrix"));
    }
    if (!IsTime(vehicle.shift.earliest) || !IsTime(vehicle.shift.latest)) {
      return Fail(Error::Invalid(Field("vehicles", v, "shift"), "shift bound is not a number"));
    }
    if (vehicle.capacity < 0) {
      return Fail(
          Error::Invalid(Field("vehicles", v, "capacity"), "capacity must not be negative"));
    }
    if (!std::isfinite(vehicle.fixed_cost) || vehicle.fixed_cost < 0) {
      return Fail(Error::Invalid(Field("vehicles", v, "fixed_cost"),
                                 "fixed cost must be finite and not negative"));
    }
    if (vehicle.rest_break) {
      const Break& rest = *vehicle.rest_break;
      if (!IsTime(rest.window.earliest) || !IsTime(rest.window.latest)) {
        return Fail(Error::Invalid(Field("vehicles", v, "rest_break.window"),
                                   "break window bound is not a number"));
      }
      if (!std::isfinite(rest.duration) || rest.duration < 0) {
        return Fail(Error::Invalid(Field("vehicles", v, "rest_break.duration"),
                                   "break duration must be finite and not negative"));
      }
    }
  }
  if (!std::isfinite(problem.balance_weight) || problem.balance_weight < 0) {
    return Fail(Error::Invalid("balance_weight", "balance weight must be finite and not negative"));
  }
  return Ok();
}

}  // namespace lifeline::dispatch
