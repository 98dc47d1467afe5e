// A team's day: every job visited inside its appointment window by a technician with the
// trade, within shifts and breaks, with the least travel — the VRPTW solver on the product's
// terms (minutes from midnight, kilometres on the city plane, named technicians).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/common/error.h"
#include "core/dispatch/field/suggestion.h"
#include "core/dispatch/field/technician.h"
#include "core/dispatch/plan.h"

namespace lifeline::dispatch {

struct DayJob {
  std::string id;  // the caller's reference (a work order number)
  Point location;
  Trade trade = Trade::kPipeRepair;
  int window_start_minute = 8 * 60;
  int window_end_minute = 18 * 60;  // service must start by then
  int duration_minutes = 60;
  std::int64_t parts = 0;  // van capacity it uses
  // Re-planning: the technician the customer was already told about. The job stays with them
  // while they are on duty (only its place in their day may change, inside the window the
  // customer was given); if they are not, it moves and the plan says so.
  std::optional<std::int64_t> keep_with_user_id{};
};

struct PlannedVisit {
  std::string job_id;
  int arrival_minute = 0;
  int start_minute = 0;
  int end_minute = 0;
};

struct TechnicianRoute {
  std::int64_t user_id = 0;
  std::string name;
  int departure_minute = 0;
  int return_minute = 0;
  double km = 0;
  std::vector<PlannedVisit> visits;
  std::optional<int> break_start_minute{};
};

struct UnplannedJob {
  std::string job_id;
  std::string reason;  // the solver's code: no_skilled_vehicle, window_unreachable, …
};

// A job that was announced with one technician and is now with another (or with nobody):
// the customer must be told.
struct MovedJob {
  std::string job_id;
  std::int64_t from_user_id = 0;
  std::optional<std::int64_t> to_user_id{};
};

struct DayPlan {
  std::vector<TechnicianRoute> routes;
  std::vector<UnplannedJob> unplanned;
  std::vector<MovedJob> moved;
  double km = 0;
  // The routing server did not answer: travel was estimated in straight lines instead.
  bool travel_estimated = false;
};

struct DayPlanOptions {
  double seconds = 2;
  std::uint64_t seed = 1;
  TravelModel travel{};                 // straight-line estimates, when no source is given
  TravelTimes* travel_times = nullptr;  // e.g. a routing server; not owned
  // Work balancing, in km of driving per minute² of a technician's day (Problem::balance_weight):
  // an hour added to an 8-hour day costs as much as 14 km of driving, to a 2-hour day 3.6 km, so
  // a lopsided day is evened out when that costs less than about 25 minutes of extra driving.
  double balance_weight = 2.5e-4;
};

// kInvalidArgument naming the job for a malformed one (a window that ends before it starts is
// not malformed: it comes back unplanned with its reason, like a job nobody has the trade for).
[[nodiscard]] Result<DayPlan> PlanDay(std::span<const Technician> technicians,
                                      std::span<const DayJob> jobs,
                                      const DayPlanOptions& options = {});

}  // namespace lifeline::dispatch
