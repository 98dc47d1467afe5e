#include "core/dispatch/solver.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

#include "core/dispatch/checker.h"
#include "core/dispatch/testing/random_problem.h"

namespace lifeline::dispatch {
namespace {

Job MakeJob(LocationIndex location, TimeWindow window, double service = 1,
            std::int64_t demand = 1) {
  Job job;
  job.location = location;
  job.window = window;
  job.service_duration = service;
  job.demand = demand;
  return job;
}

Vehicle MakeVehicle(TimeWindow shift = {0, 1000}, std::int64_t capacity = 100) {
  Vehicle vehicle;
  vehicle.shift = shift;
  vehicle.capacity = capacity;
  return vehicle;
}

SolverOptions Iterations(std::int64_t iterations, std::uint64_t seed = 1) {
  SolverOptions options;
  options.max_iterations = iterations;
  options.seed = seed;
  return options;
}

void ExpectValid(const Problem& problem, const TravelMatrix& travel, const Plan& plan) {
  for (const Violation& violation : CheckPlan(problem, travel, plan))
    ADD_FAILURE() << violation.message;
}

std::optional<UnassignedReason> ReasonFor(const Plan& plan, std::size_t job) {
  for (const UnassignedJob& entry : plan.unassigned) {
    if (entry.job == job) return entry.reason;
  }
  return std::nullopt;
}

TEST(DispatchSolver, RejectsMalformedInputAndMissingLimits) {
  const EuclideanTravel travel({{0, 0}, {1, 1}});
  Problem problem;
  problem.vehicles = {MakeVehicle()};
  problem.jobs = {MakeJob(5, {0, 10})};
  const Result<Plan> bad = Solve(problem, travel, Iterations(10));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "jobs[0].location");

  problem.jobs = {MakeJob(1, {0, 10})};
  const Result<Plan> unlimited = Solve(problem, travel, SolverOptions{});
  ASSERT_FALSE(unlimited);
  EXPECT_EQ(unlimited.error().field, "options");

  problem.balance_weight = -1;
  const Result<Plan> negative_balance = Solve(problem, travel, Iterations(10));
  ASSERT_FALSE(negative_balance);
  EXPECT_EQ(negative_balance.error().field, "balance_weight");
}

TEST(DispatchSolver, PlansNothingWhenThereIsNothingToPlan) {
  const EuclideanTravel travel({{0, 0}, {1, 1}});
  Problem problem;
  problem.vehicles = {MakeVehicle()};
  const Result<Plan> plan = Solve(problem, travel, Iterations(10));
  ASSERT_TRUE(plan);
  EXPECT_TRUE(plan->routes.empty());
  EXPECT_TRUE(plan->unassigned.empty());
}

TEST(DispatchSolver, ReportsEveryUnservableJobWithItsReason) {
  // Depot at the origin; every job 10 away.
  const EuclideanTravel travel({{0, 0}, {10, 0}, {0, 10}, {-10, 0}, {0, -10}, {7, 7}, {6, 8}});
  Problem problem;
  problem.vehicles = {MakeVehicle({0, 1000}, 10), MakeVehicle({500, 100}, 10)};  // 1: no shift
  problem.vehicles[0].skills = SkillSet::Of({0});
  problem.vehicles[1].skills = SkillSet::Of({0, 1});
  problem.jobs = {
      MakeJob(1, {0, 100}),         // 0: fine
      MakeJob(2, {0, 100}),         // 1: needs skill 2, which nobody has
      MakeJob(3, {50, 40}),         // 2: window closes before it opens
      MakeJob(4, {0, 100}, 1, 11),  // 3: more than any van carries
      MakeJob(5, {0, 5}),           // 4: closes before anyone can get there
      MakeJob(6, {0, 100}),         // 5: needs skill 1: only vehicle 1, which has no shift
  };
  problem.jobs[1].skills = SkillSet::Of({2});
  problem.jobs[5].skills = SkillSet::Of({1});
  const Result<Plan> plan = Solve(problem, travel, Iterations(20));
  ASSERT_TRUE(plan) << plan.error().message;
  ExpectValid(problem, travel, *plan);
  EXPECT_FALSE(ReasonFor(*plan, 0));
  EXPECT_EQ(ReasonFor(*plan, 1), UnassignedReason::kNoSkilledVehicle);
  EXPECT_EQ(ReasonFor(*plan, 2), UnassignedReason::kInvalidWindow);
  EXPECT_EQ(ReasonFor(*plan, 3), UnassignedReason::kDemandExceedsCapacity);
  EXPECT_EQ(ReasonFor(*plan, 4), UnassignedReason::kWindowUnreachable);
  EXPECT_EQ(ReasonFor(*plan, 5), UnassignedReason::kNoVehicleOnShift);
}

TEST(DispatchSolver, LeavesOutWhatDoesNotFitTheDay) {
  // One technician, two jobs at opposite ends with the same ten-minute window: either alone is
  // fine, both cannot be done.
  const EuclideanTravel travel({{0, 0}, {100, 0}, {-100, 0}});
  Problem problem;
  problem.vehicles = {MakeVehicle({0, 1000})};
  problem.jobs = {MakeJob(1, {100, 110}), MakeJob(2, {100, 110})};
  const Result<Plan> plan = Solve(problem, travel, Iterations(30));
  ASSERT_TRUE(plan);
  ExpectValid(problem, travel, *plan);
  ASSERT_EQ(plan->unassigned.size(), 1u);
  EXPECT_EQ(plan->unassigned[0].reason, UnassignedReason::kNoRoomInPlan);
}

TEST(DispatchSolver, SkipsOptionalJobsThatCostMoreThanTheyAreWorth) {
  const EuclideanTravel travel({{0, 0}, {1, 0}, {500, 0}});
  Problem problem;
  problem.vehicles = {MakeVehicle({0, 5000})};
  problem.jobs = {MakeJob(1, {0, 5000}), MakeJob(2, {0, 5000})};
  problem.jobs[1].unassigned_penalty = 50;  // a 1000-unit detour is not worth 50
  const Result<Plan> plan = Solve(problem, travel, Iterations(30));
  ASSERT_TRUE(plan);
  ExpectValid(problem, travel, *plan);
  EXPECT_EQ(ReasonFor(*plan, 1), UnassignedReason::kNoRoomInPlan);
  EXPECT_DOUBLE_EQ(plan->distance, 2);
}

TEST(DispatchSolver, KeepsPinsSkillsAndBreaks) {
  testing::RandomProblemSpec spec;
  spec.jobs = 30;
  spec.vehicles = 5;
  spec.skills = spec.pins = spec.breaks = spec.several_depots = true;
  spec.seed = 5;
  const testing::RandomProblem random = testing::MakeRandomProblem(spec);
  const Result<Plan> plan = Solve(random.problem, random.travel, Iterations(300));
  ASSERT_TRUE(plan);
  ExpectValid(random.problem, random.travel, *plan);
  for (const RoutePlan& route : plan->routes) {
    EXPECT_EQ(std::count_if(route.stops.begin(), route.stops.end(),
                            [](const Stop& stop) { return stop.kind == StopKind::kBreak; }),
              1);
  }
}

TEST(DispatchSolver, TheSameSeedGivesTheSamePlan) {
  testing::RandomProblemSpec spec;
  spec.jobs = 40;
  spec.vehicles = 6;
  spec.skills = spec.breaks = true;
  spec.seed = 9;
  const testing::RandomProblem random = testing::MakeRandomProblem(spec);
  SolverOptions options = Iterations(250, 42);
  options.searches = 2;
  const Result<Plan> first = Solve(random.problem, random.travel, options);
  const Result<Plan> second = Solve(random.problem, random.travel, options);
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->distance, second->distance);
  ASSERT_EQ(first->routes.size(), second->routes.size());
  for (std::size_t r = 0; r < first->routes.size(); ++r) {
    EXPECT_EQ(first->routes[r].vehicle, second->routes[r].vehicle);
    ASSERT_EQ(first->routes[r].stops.size(), second->routes[r].stops.size());
    for (std::size_t s = 0; s < first->routes[r].stops.size(); ++s) {
      EXPECT_EQ(first->routes[r].stops[s].job, second->routes[r].stops[s].job);
      EXPECT_EQ(first->routes[r].stops[s].start, second->routes[r].stops[s].start);
    }
  }
  EXPECT_EQ(first->stats.iterations, 500);
}

TEST(DispatchSolver, StopsWhenTheInjectedClockRunsOut) {
  testing::RandomProblemSpec spec;
  spec.jobs = 30;
  spec.seed = 3;
  const testing::RandomProblem random = testing::MakeRandomProblem(spec);
  // A clock that advances a tenth of a second every time it is read.
  double now = 0;
  SolverOptions options;
  options.time_limit_seconds = 5;
  options.elapsed_seconds = [&now] { return now += 0.1; };
  const Result<Plan> plan = Solve(random.problem, random.travel, options);
  ASSERT_TRUE(plan);
  ExpectValid(random.problem, random.travel, *plan);
  EXPECT_GT(plan->stats.iterations, 0);
  EXPECT_LT(plan->stats.iterations, 60);
}

// Tiny single-vehicle problems solved exactly by trying every order: the search must find the
// optimum.
TEST(DispatchSolver, FindsTheOptimumOfTinyProblems) {
  int compared = 0;
  for (std::uint64_t seed = 1; seed <= 15; ++seed) {
    testing::RandomProblemSpec spec;
    spec.jobs = 7;
    spec.vehicles = 1;
    spec.window_width = 500;
    spec.seed = seed;
    const testing::RandomProblem random = testing::MakeRandomProblem(spec);
    const Problem& problem = random.problem;
    const Vehicle& vehicle = problem.vehicles[0];

    std::vector<std::size_t> order(problem.jobs.size());
    std::iota(order.begin(), order.end(), 0);
    double best = kUnbounded;
    do {
      double time = vehicle.shift.earliest;
      double distance = 0;
      std::int64_t load = 0;
      LocationIndex here = vehicle.start_location;
      bool ok = true;
      for (const std::size_t j : order) {
        const Job& job = problem.jobs[j];
        time = std::max(time + random.travel.Duration(here, job.location), job.window.earliest);
        distance += random.travel.Distance(here, job.location);
        load += job.demand;
        here = job.location;
        ok = ok && time <= job.window.latest;
        time += job.service_duration;
      }
      time += random.travel.Duration(here, vehicle.end_location);
      distance += random.travel.Distance(here, vehicle.end_location);
      if (ok && load <= vehicle.capacity && time <= vehicle.shift.latest)
        best = std::min(best, distance);
    } while (std::next_permutation(order.begin(), order.end()));
    if (best == kUnbounded) continue;  // no order serves them all

    const Result<Plan> plan = Solve(problem, random.travel, Iterations(150, seed));
    ASSERT_TRUE(plan);
    ExpectValid(problem, random.travel, *plan);
    EXPECT_TRUE(plan->unassigned.empty()) << "seed " << seed;
    EXPECT_NEAR(plan->distance, best, 1e-6) << "seed " << seed;
    ++compared;
  }
  EXPECT_GE(compared, 5) << "too few of the random problems were feasible to compare";
}

}  // namespace
}  // namespace lifeline::dispatch
