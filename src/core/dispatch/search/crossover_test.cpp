#include "core/dispatch/search/crossover.h"

#include <gtest/gtest.h>

#include <vector>

#include "core/dispatch/screening.h"
#include "core/dispatch/search/construction.h"
#include "core/dispatch/search/local_search.h"
#include "core/dispatch/testing/random_problem.h"

namespace lifeline::dispatch::search {
namespace {

// Two improved parents of a random problem, and the offspring of crossing them.
class DispatchCrossover : public ::testing::TestWithParam<std::uint64_t> {
 protected:
  DispatchCrossover()
      : random_(testing::MakeRandomProblem(Spec(GetParam()))),
        screening_(ScreenProblem(random_.problem, random_.travel)),
        instance_(random_.problem, random_.travel, screening_.plannable_jobs,
                  screening_.usable_vehicles),
        neighbourhood_(instance_, {}) {}

  static testing::RandomProblemSpec Spec(std::uint64_t seed) {
    testing::RandomProblemSpec spec;
    spec.jobs = 40;
    spec.vehicles = 8;
    spec.skills = seed % 2 == 0;
    spec.pins = seed % 3 == 0;
    spec.breaks = seed % 2 == 1;
    spec.several_depots = seed % 4 == 1;
    spec.seed = seed;
    return spec;
  }

  Individual Parent(Rng& rng) {
    WorkingSolution solution(instance_);
    const CostEvaluator cost(10, 10);
    ConstructRandomised(solution, neighbourhood_, cost, rng);
    LocalSearch(instance_, neighbourhood_).Improve(solution, cost, rng);
    return Individual(solution);
  }

  WorkingSolution Offspring(std::uint64_t seed) {
    Rng rng(seed);
    const Individual base = Parent(rng);
    const Individual donor = Parent(rng);
    WorkingSolution child(instance_);
    Crossover(instance_, neighbourhood_, 100).Apply(base, donor, CostEvaluator(10, 10), rng, child);
    return child;
  }

  testing::RandomProblem random_;
  Screening screening_;
  Instance instance_;
  Neighbourhood neighbourhood_;
};

TEST_P(DispatchCrossover, OffspringHoldsEveryClientOnceOnAVehicleThatMayServeIt) {
  const WorkingSolution child = Offspring(GetParam());
  std::vector<int> seen(static_cast<std::size_t>(instance_.NumClients()), 0);
  for (int r = 0; r < child.NumRoutes(); ++r) {
    int breaks = 0;
    for (const Node node : child.RouteAt(r).Visits()) {
      if (instance_.IsBreak(node)) {
        EXPECT_EQ(node, instance_.BreakNode(r));
        ++breaks;
        continue;
      }
      ++seen[static_cast<std::size_t>(node)];
      EXPECT_TRUE(instance_.CanServe(r, node)) << "client " << node << " on vehicle " << r;
    }
    EXPECT_EQ(breaks, instance_.Vehicle(r).has_break ? 1 : 0);
  }
  // Every client is mandatory and servable, so the repair puts every one of them back.
  for (std::size_t client = 0; client < seen.size(); ++client) {
    EXPECT_EQ(seen[client], 1) << "client " << client;
  }
}

TEST_P(DispatchCrossover, IsReproducibleFromTheSeed) {
  EXPECT_EQ(Offspring(GetParam()).Export(), Offspring(GetParam()).Export());
}

INSTANTIATE_TEST_SUITE_P(RandomProblems, DispatchCrossover, ::testing::Range<std::uint64_t>(1, 9));

}  // namespace
}  // namespace lifeline::dispatch::search
