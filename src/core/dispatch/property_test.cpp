// Property tests: on many random problems with every feature mixed in, whatever the solver
// returns passes the independent checker — every route feasible, every job exactly once in a
// route or in the unassigned list with a reason — and jobs that could be served alone are
// only left out when the day is genuinely full.
#include <gtest/gtest.h>

#include "core/dispatch/checker.h"
#include "core/dispatch/solver.h"
#include "core/dispatch/testing/random_problem.h"

namespace lifeline::dispatch {
namespace {

TEST(DispatchProperty, EveryPlanPassesTheIndependentCheck) {
  Rng rng(2024);
  for (std::uint64_t round = 1; round <= 40; ++round) {
    testing::RandomProblemSpec spec;
    spec.seed = round;
    spec.jobs = static_cast<int>(rng.Between(1, 40));
    spec.vehicles = static_cast<int>(rng.Between(1, 6));
    spec.skills = rng.Chance(0.5);
    spec.pins = rng.Chance(0.3);
    spec.breaks = rng.Chance(0.4);
    spec.several_depots = rng.Chance(0.4);
    spec.optional_jobs = rng.Chance(0.3);
    spec.window_width = rng.Chance(0.5) ? 60 : 400;
    testing::RandomProblem random = testing::MakeRandomProblem(spec);
    if (rng.Chance(0.3)) random.problem.balance_weight = 1e-3;  // the day planner's objective

    SolverOptions options;
    options.seed = round;
    options.max_iterations = 120;
    options.searches = 1 + static_cast<int>(round % 2);
    const Result<Plan> plan = Solve(random.problem, random.travel, options);
    ASSERT_TRUE(plan) << plan.error().message;
    for (const Violation& violation : CheckPlan(random.problem, random.travel, *plan)) {
      ADD_FAILURE() << "round " << round << ": " << violation.message;
    }
    double distance = 0;
    for (const RoutePlan& route : plan->routes) {
      EXPECT_FALSE(route.stops.empty());
      distance += route.distance;
    }
    EXPECT_NEAR(plan->distance, distance, 1e-6);
  }
}

// With ample vehicles and wide windows every job fits: none may be left out.
TEST(DispatchProperty, NothingIsLeftOutWhenTheFleetIsAmple) {
  for (std::uint64_t round = 1; round <= 10; ++round) {
    testing::RandomProblemSpec spec;
    spec.seed = 100 + round;
    spec.jobs = 25;
    spec.vehicles = 25;
    spec.window_width = 600;
    spec.skills = round % 2 == 0;
    const testing::RandomProblem random = testing::MakeRandomProblem(spec);
    SolverOptions options;
    options.max_iterations = 120;
    const Result<Plan> plan = Solve(random.problem, random.travel, options);
    ASSERT_TRUE(plan);
    EXPECT_TRUE(CheckPlan(random.problem, random.travel, *plan).empty());
    for (const UnassignedJob& job : plan->unassigned) {
      EXPECT_NE(job.reason, UnassignedReason::kNoRoomInPlan)
          << "round " << round << " job " << job.job;
    }
  }
}

}  // namespace
}  // namespace lifeline::dispatch
