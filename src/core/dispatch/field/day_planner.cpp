#include "core/dispatch/field/day_planner.h"

#include <cmath>

#include "core/dispatch/solver.h"

namespace lifeline::dispatch {

namespace {

SkillSet SkillsOf(const Technician& technician) {
  std::uint64_t bits = 0;
  for (const TradeSkill& skill : technician.skills) {
    bits |= std::uint64_t{1} << static_cast<unsigned>(skill.trade);
  }
  return SkillSet::FromBits(bits);
}

// Locations: one depot per technician first, then one per job.
std::vector<Point> Locations(std::span<const Technician> technicians,
                             std::span<const DayJob> jobs) {
  std::vector<Point> points;
  for (const Technician& t : technicians) points.push_back(t.depot);
  for (const DayJob& j : jobs) points.push_back(j.location);
  return points;
}

Problem BuildProblem(std::span<const Technician> technicians, std::span<const DayJob> jobs,
                     double balance_weight) {
  Problem problem;
  problem.balance_weight = balance_weight;
  for (std::size_t i = 0; i < technicians.size(); ++i) {
    const Technician& t = technicians[i];
    Vehicle v;
    v.start_location = v.end_location = i;
    // Off duty: an empty shift, so the solver reports jobs only they could do as such.
    v.shift = t.on_duty ? TimeWindow{double(t.shift.start_minute), double(t.shift.end_minute)}
                        : TimeWindow{1, 0};
    v.capacity = t.van_capacity;
    v.skills = SkillsOf(t);
    if (t.break_window && t.break_minutes > 0) {
      v.rest_break =
          Break{{double(t.break_window->start_minute), double(t.break_window->end_minute)},
                double(t.break_minutes)};
    }
    problem.vehicles.push_back(v);
  }
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    const DayJob& j = jobs[i];
    Job job;
    job.location = technicians.size() + i;
    job.window = {double(j.window_start_minute), double(j.window_end_minute)};
    job.service_duration = j.duration_minutes;
    job.demand = j.parts;
    job.skills = SkillSet::Of({static_cast<unsigned>(j.trade)});
    if (j.keep_with_user_id) {
      for (std::size_t v = 0; v < technicians.size(); ++v) {
        if (technicians[v].user_id == *j.keep_with_user_id && technicians[v].on_duty) {
          job.pinned_vehicle = v;
        }
      }
    }
    problem.jobs.push_back(job);
  }
  return problem;
}

int Minute(double t) {
  return static_cast<int>(std::lround(t));
}

std::vector<MovedJob> MovedJobs(const DayPlan& day, std::span<const DayJob> jobs) {
  std::vector<MovedJob> moved;
  for (const DayJob& job : jobs) {
    if (!job.keep_with_user_id) continue;
    std::optional<std::int64_t> now_with;
    for (const TechnicianRoute& route : day.routes) {
      for (const PlannedVisit& visit : route.visits) {
        if (visit.job_id == job.id) now_with = route.user_id;
      }
    }
    if (now_with != job.keep_with_user_id) {
      moved.push_back({job.id, *job.keep_with_user_id, now_with});
    }
  }
  return moved;
}

DayPlan ToDayPlan(const Plan& plan, std::span<const Technician> technicians,
                  std::span<const DayJob> jobs) {
  DayPlan day;
  day.km = plan.distance;
  for (const RoutePlan& route : plan.routes) {
    TechnicianRoute out;
    out.user_id = technicians[route.vehicle].user_id;
    out.name = technicians[route.vehicle].name;
    out.departure_minute = Minute(route.departure);
    out.return_minute = Minute(route.return_time);
    out.km = route.distance;
    for (const Stop& stop : route.stops) {
      if (stop.kind == StopKind::kBreak) {
        out.break_start_minute = Minute(stop.start);
        continue;
      }
      out.visits.push_back(
          {jobs[stop.job].id, Minute(stop.arrival), Minute(stop.start), Minute(stop.end)});
    }
    day.routes.push_back(std::move(out));
  }
  for (const UnassignedJob& u : plan.unassigned) {
    day.unplanned.push_back({jobs[u.job].id, std::string(UnassignedReasonCode(u.reason))});
  }
  day.moved = MovedJobs(day, jobs);
  return day;
}

}  // namespace

Result<DayPlan> PlanDay(std::span<const Technician> technicians, std::span<const DayJob> jobs,
                        const DayPlanOptions& options) {
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    if (jobs[i].duration_minutes < 0 || jobs[i].parts < 0) {
      return Fail(Error::Invalid("jobs[" + std::to_string(i) + "]",
                                 "duration and parts must not be negative"));
    }
  }
  if (technicians.empty()) {
    DayPlan nobody;
    for (const DayJob& j : jobs) nobody.unplanned.push_back({j.id, "no_skilled_vehicle"});
    return nobody;
  }
  // Kilometres as distance, minutes as time.
  StraightLineTravelTimes straight_line(options.travel);
  TravelTimes& source = options.travel_times != nullptr ? *options.travel_times : straight_line;
  const std::vector<Point> locations = Locations(technicians, jobs);
  auto travel = source.Between(locations);
  const bool estimated =
      !travel && &source != &straight_line && travel.error().code == ErrorCode::kUnavailable;
  // Dispatchers keep planning while the routing server is down: on estimates, and saying so.
  if (estimated) travel = straight_line.Between(locations);
  if (!travel) return Fail(travel.error());
  SolverOptions solver;
  solver.seed = options.seed;
  solver.time_limit_seconds = options.seconds;
  solver.searches = 2;
  auto plan = Solve(BuildProblem(technicians, jobs, options.balance_weight), **travel, solver);
  if (!plan) return Fail(plan.error());
  DayPlan out = ToDayPlan(*plan, technicians, jobs);
  out.travel_estimated = estimated;
  return out;
}

}  // namespace lifeline::dispatch
