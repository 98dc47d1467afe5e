// Every operator's O(1) price must equal the real change of the penalised cost once the move is
// applied, and a move it declines (price 0) must not have been an improvement: the distance
// bound that skips most evaluations has to be a true lower bound. Checked on random problems
// with every model feature, including breaks, skills and pins.
#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "core/dispatch/screening.h"
#include "core/dispatch/search/break_placement.h"
#include "core/dispatch/search/construction.h"
#include "core/dispatch/search/exchange.h"
#include "core/dispatch/search/local_search.h"
#include "core/dispatch/search/swap_tails.h"
#include "core/dispatch/testing/random_problem.h"

namespace lifeline::dispatch::search {
namespace {

using testing::MakeRandomProblem;
using testing::RandomProblem;
using testing::RandomProblemSpec;

RandomProblemSpec Spec(std::uint64_t seed) {
  RandomProblemSpec spec;
  spec.jobs = 25;
  spec.vehicles = 5;
  spec.skills = seed % 2 == 0;
  spec.pins = seed % 3 == 0;
  spec.breaks = seed % 2 == 1;
  spec.several_depots = seed % 4 < 2;
  spec.window_width = 300;
  spec.seed = seed;
  return spec;
}

// A random problem compiled for the search, with a random (usually infeasible) solution.
struct Fixture {
  explicit Fixture(std::uint64_t seed)
      : random(MakeRandomProblem(Spec(seed))),
        screening(ScreenProblem(random.problem, random.travel)),
        instance(random.problem, random.travel, screening.plannable_jobs,
                 screening.usable_vehicles),
        neighbourhood(instance, {}),
        solution(instance),
        rng(seed) {
    // Low penalties leave plenty of infeasibility for the moves to work on.
    ConstructRandomised(solution, neighbourhood, CostEvaluator(1, 0.5), rng);
  }

  RandomProblem random;
  Screening screening;
  Instance instance;
  Neighbourhood neighbourhood;
  WorkingSolution solution;
  Rng rng;
};

const CostEvaluator kCost(3, 2);

std::vector<Place> AllPlaces(const WorkingSolution& solution) {
  std::vector<Place> places;
  for (int r = 0; r < solution.NumRoutes(); ++r) {
    for (int p = 0; p <= solution.RouteAt(r).Size(); ++p) places.push_back({r, p});
  }
  return places;
}

void CheckOperator(const NodeOperator& op, const char* name) {
  int applied = 0;
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    Fixture fixture(seed);
    const std::vector<Place> places = AllPlaces(fixture.solution);
    for (const Place u : places) {
      for (const Place v : places) {
        const double priced = op.Evaluate(fixture.solution, u, v, kCost);
        if (priced < 0) {
          WorkingSolution moved = fixture.solution;
          const double before = moved.PenalisedCost(kCost);
          op.Apply(moved, u, v);
          ++applied;
          EXPECT_NEAR(moved.PenalisedCost(kCost) - before, priced, 1e-6)
              << name << " seed " << seed << " u " << u.route << ":" << u.position << " v "
              << v.route << ":" << v.position;
        }
      }
    }
    // Apply a few improving moves so later rounds see other shapes of routes.
    for (int step = 0; step < 5; ++step) {
      const Place u = places[fixture.rng.Below(places.size())];
      const Place v = places[fixture.rng.Below(places.size())];
      if (op.Evaluate(fixture.solution, u, v, kCost) < 0) op.Apply(fixture.solution, u, v);
    }
  }
  EXPECT_GT(applied, 0) << name << " never found an improving move";
}

// A declined move may only be one that does not improve; find its true price by brute force
// for relocations, the move with the simplest semantics to rebuild by hand.
TEST(DispatchMoves, RelocateBoundNeverHidesAnImprovement) {
  const Exchange relocate(1, 0);
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    Fixture fixture(seed);
    const WorkingSolution& solution = fixture.solution;
    const double before = solution.PenalisedCost(kCost);
    for (int client = 0; client < fixture.instance.NumClients(); ++client) {
      if (!solution.IsAssigned(client)) continue;
      const Place u{solution.RouteOf(client), solution.PositionOf(client)};
      for (const Place v : AllPlaces(solution)) {
        if (relocate.Evaluate(solution, u, v, kCost) < 0) continue;
        if (v.route == u.route && (v.position == u.position || v.position == u.position - 1))
          continue;
        if (!fixture.instance.CanServe(v.route, client)) continue;
        WorkingSolution moved = solution;
        moved.Remove(client);
        const int after =
            v.route == u.route && v.position > u.position ? v.position - 1 : v.position;
        moved.Insert(client, v.route, after);
        EXPECT_GE(moved.PenalisedCost(kCost) - before, -1e-6)
            << "seed " << seed << " client " << client;
      }
    }
  }
}

TEST(DispatchMoves, RelocatePricesMatchTheResult) {
  CheckOperator(Exchange(1, 0), "(1,0)");
}
TEST(DispatchMoves, OrOptPricesMatchTheResult) {
  CheckOperator(Exchange(2, 0), "(2,0)");
}
TEST(DispatchMoves, SwapPricesMatchTheResult) {
  CheckOperator(Exchange(1, 1), "(1,1)");
}
TEST(DispatchMoves, TwoOneExchangePricesMatchTheResult) {
  CheckOperator(Exchange(2, 1), "(2,1)");
}
TEST(DispatchMoves, TwoTwoExchangePricesMatchTheResult) {
  CheckOperator(Exchange(2, 2), "(2,2)");
}
TEST(DispatchMoves, SwapTailsPricesMatchTheResult) {
  CheckOperator(SwapTails(), "2-opt*");
}

TEST(DispatchMoves, MovesKeepBreaksAndSkillsWhereTheyBelong) {
  const std::vector<std::shared_ptr<NodeOperator>> operators = {
      std::make_shared<Exchange>(1, 0), std::make_shared<Exchange>(2, 0),
      std::make_shared<Exchange>(2, 2), std::make_shared<SwapTails>()};
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    Fixture fixture(seed);
    for (int step = 0; step < 400; ++step) {
      const std::vector<Place> places = AllPlaces(fixture.solution);
      const Place u = places[fixture.rng.Below(places.size())];
      const Place v = places[fixture.rng.Below(places.size())];
      const NodeOperator& op = *operators[fixture.rng.Below(operators.size())];
      if (op.Evaluate(fixture.solution, u, v, kCost) < 0) op.Apply(fixture.solution, u, v);
    }
    for (int r = 0; r < fixture.solution.NumRoutes(); ++r) {
      for (const Node node : fixture.solution.RouteAt(r).Visits()) {
        if (fixture.instance.IsBreak(node)) {
          EXPECT_EQ(node, fixture.instance.BreakNode(r));
        } else {
          EXPECT_TRUE(fixture.instance.CanServe(r, node));
        }
      }
    }
  }
}

TEST(DispatchMoves, BreakPlacementFindsTheBestPosition) {
  for (std::uint64_t seed = 1; seed <= 12; seed += 2) {  // odd seeds have breaks
    Fixture fixture(seed);
    BreakPlacement placement;
    for (int r = 0; r < fixture.solution.NumRoutes(); ++r) {
      const Route& route = fixture.solution.RouteAt(r);
      if (!route.HasClients() || route.BreakPosition() == 0) continue;
      // Brute force: every position of the break.
      double best = route.Cost(kCost);
      const Node rest = route.At(route.BreakPosition());
      for (int after = 0; after < route.Size(); ++after) {
        WorkingSolution trial = fixture.solution;
        trial.Remove(rest);
        trial.Insert(rest, r, after);
        best = std::min(best, trial.RouteAt(r).Cost(kCost));
      }
      placement.Improve(fixture.solution, r, kCost);
      EXPECT_NEAR(fixture.solution.RouteAt(r).Cost(kCost), best, 1e-6) << "seed " << seed;
    }
  }
}

TEST(DispatchMoves, LocalSearchReachesALocalOptimum) {
  const std::vector<std::shared_ptr<NodeOperator>> operators = {
      std::make_shared<Exchange>(1, 0), std::make_shared<Exchange>(2, 0),
      std::make_shared<Exchange>(1, 1), std::make_shared<Exchange>(2, 1),
      std::make_shared<Exchange>(2, 2), std::make_shared<SwapTails>()};
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    Fixture fixture(seed);
    const double before = fixture.solution.PenalisedCost(kCost);
    LocalSearch search(fixture.instance, fixture.neighbourhood);
    search.Improve(fixture.solution, kCost, fixture.rng);
    EXPECT_LE(fixture.solution.PenalisedCost(kCost), before + 1e-9);
    // No operator improves any neighbour pair it is responsible for.
    for (int client = 0; client < fixture.instance.NumClients(); ++client) {
      if (!fixture.solution.IsAssigned(client)) continue;
      const Place u{fixture.solution.RouteOf(client), fixture.solution.PositionOf(client)};
      for (const int neighbour : fixture.neighbourhood.Of(client)) {
        if (!fixture.solution.IsAssigned(neighbour)) continue;
        const Place v{fixture.solution.RouteOf(neighbour), fixture.solution.PositionOf(neighbour)};
        for (const auto& op : operators) {
          EXPECT_GE(op->Evaluate(fixture.solution, u, v, kCost), -kImprovement) << "seed " << seed;
        }
      }
    }
  }
}

}  // namespace
}  // namespace lifeline::dispatch::search
