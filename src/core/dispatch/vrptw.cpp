#include "core/dispatch/vrptw.h"

#include <algorithm>
#include <string>

#include "core/dispatch/checker.h"
#include "core/dispatch/solver.h"

namespace lifeline::dispatch {

SolomonProblem BuildSolomonProblem(const SolomonInstance& instance) {
  std::vector<Point> points;
  points.reserve(instance.nodes.size());
  for (const SolomonNode& node : instance.nodes) points.push_back({node.x, node.y});

  Problem problem;
  std::vector<std::int64_t> numbers;
  const SolomonNode& depot = instance.nodes.front();
  for (std::size_t i = 1; i < instance.nodes.size(); ++i) {
    const SolomonNode& node = instance.nodes[i];
    Job job;
    job.location = i;
    job.window = {node.ready_time, node.due_date};
    job.service_duration = node.service_time;
    job.demand = node.demand;
    problem.jobs.push_back(job);
    numbers.push_back(node.number);
  }
  // More vehicles than customers can never all be used; capping keeps garbage headers cheap.
  const auto customers = static_cast<std::int64_t>(problem.jobs.size());
  const std::int64_t fleet = std::max<std::int64_t>(1, std::min(instance.vehicle_count, customers));
  Vehicle vehicle;
  vehicle.start_location = vehicle.end_location = 0;
  vehicle.shift = {depot.ready_time, depot.due_date};
  vehicle.capacity = instance.capacity;
  problem.vehicles.assign(static_cast<std::size_t>(fleet), vehicle);
  return {std::move(problem), EuclideanTravel(std::move(points)), std::move(numbers)};
}

Result<VrptwSolution> SolveSolomon(std::string_view text, const SolveOptions& options) {
  Result<SolomonInstance> instance = ReadSolomon(text);
  if (!instance) return Fail(std::move(instance.error()));
  const SolomonProblem solomon = BuildSolomonProblem(*instance);

  SolverOptions solver;
  solver.seed = options.seed;
  solver.searches = options.threads;
  solver.max_iterations = options.max_iterations;
  solver.time_limit_seconds = options.seconds;
  Result<Plan> plan = Solve(solomon.problem, solomon.travel, solver);
  if (!plan) return Fail(std::move(plan.error()));

  const std::vector<Violation> violations = CheckPlan(solomon.problem, solomon.travel, *plan);
  if (!violations.empty()) {
    return Fail(
        Error::Internal("the plan failed the independent check: " + violations.front().message));
  }

  VrptwSolution solution;
  solution.distance = plan->distance;
  solution.vehicles = static_cast<int>(plan->routes.size());
  for (const RoutePlan& route : plan->routes) {
    std::vector<std::int64_t>& numbers = solution.routes.emplace_back();
    for (const Stop& stop : route.stops) numbers.push_back(solomon.customer_numbers[stop.job]);
  }
  for (const UnassignedJob& job : plan->unassigned) {
    solution.unassigned.push_back(solomon.customer_numbers[job.job]);
  }
  return solution;
}

}  // namespace lifeline::dispatch
