#include "core/dispatch/vrptw.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace lifeline::dispatch {
namespace {

// The first 25 customers of Solomon's C101. With unrounded distances the optimum is 191.81
// (191.3 in the literature's one-decimal truncation) with 3 vehicles.
constexpr const char* kC101First25 =
    "C101-25\n"
    "\n"
    "VEHICLE\n"
    "NUMBER     CAPACITY\n"
    "  25         200\n"
    "\n"
    "CUSTOMER\n"
    "CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME\n"
    "\n"
    "0 40 50 0 0 1236 0\n"
    "1 45 68 10 912 967 90\n"
    "2 45 70 30 825 870 90\n"
    "3 42 66 10 65 146 90\n"
    "4 42 68 10 727 782 90\n"
    "5 42 65 10 15 67 90\n"
    "6 40 69 20 621 702 90\n"
    "7 40 66 20 170 225 90\n"
    "8 38 68 20 255 324 90\n"
    "9 38 70 10 534 605 90\n"
    "10 35 66 10 357 410 90\n"
    "11 35 69 10 448 505 90\n"
    "12 25 85 20 652 721 90\n"
    "13 22 75 30 30 92 90\n"
    "14 22 85 10 567 620 90\n"
    "15 20 80 40 384 429 90\n"
    "16 20 85 40 475 528 90\n"
    "17 18 75 20 99 148 90\n"
    "18 15 75 20 179 254 90\n"
    "19 15 80 10 278 345 90\n"
    "20 30 50 10 10 73 90\n"
    "21 30 52 20 914 965 90\n"
    "22 28 52 20 812 883 90\n"
    "23 28 55 10 732 777 90\n"
    "24 25 50 10 65 144 90\n"
    "25 25 52 40 169 224 90\n";

SolveOptions Reproducible(std::uint64_t seed = 1) {
  SolveOptions options;
  options.seed = seed;
  options.threads = 1;
  options.max_iterations = 400;
  return options;
}

// Recomputes the distance of the printed routes from the file's coordinates.
double RouteDistance(const SolomonInstance& instance,
                     const std::vector<std::vector<std::int64_t>>& routes) {
  const auto node = [&](std::int64_t number) {
    return *std::find_if(instance.nodes.begin(), instance.nodes.end(),
                         [&](const SolomonNode& n) { return n.number == number; });
  };
  double total = 0;
  for (const auto& route : routes) {
    SolomonNode here = instance.nodes.front();
    for (const std::int64_t number : route) {
      const SolomonNode next = node(number);
      total += std::hypot(here.x - next.x, here.y - next.y);
      here = next;
    }
    total += std::hypot(here.x - instance.nodes.front().x, here.y - instance.nodes.front().y);
  }
  return total;
}

TEST(VrptwSolve, ServesEveryCustomerOnceAtTheOptimum) {
  const Result<VrptwSolution> solution = SolveSolomon(kC101First25, Reproducible());
  ASSERT_TRUE(solution) << solution.error().message;
  std::multiset<std::int64_t> served;
  for (const auto& route : solution->routes) served.insert(route.begin(), route.end());
  ASSERT_EQ(served.size(), 25u);
  for (std::int64_t customer = 1; customer <= 25; ++customer) EXPECT_EQ(served.count(customer), 1u);
  EXPECT_TRUE(solution->unassigned.empty());
  EXPECT_EQ(solution->vehicles, static_cast<int>(solution->routes.size()));
  EXPECT_EQ(solution->vehicles, 3);
  EXPECT_NEAR(solution->distance, 191.81, 0.01);
  const Result<SolomonInstance> instance = ReadSolomon(kC101First25);
  ASSERT_TRUE(instance);
  EXPECT_NEAR(RouteDistance(*instance, solution->routes), solution->distance, 1e-6);
}

TEST(VrptwSolve, TheSameSeedGivesTheSameRoutes) {
  const Result<VrptwSolution> first = SolveSolomon(kC101First25, Reproducible(7));
  const Result<VrptwSolution> second = SolveSolomon(kC101First25, Reproducible(7));
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->routes, second->routes);
  EXPECT_EQ(first->distance, second->distance);
}

TEST(VrptwSolve, StopsAtTheTimeLimit) {
  SolveOptions options;
  options.seconds = 0.2;
  const Result<VrptwSolution> solution = SolveSolomon(kC101First25, options);
  ASSERT_TRUE(solution);
  EXPECT_EQ(solution->routes.size(), static_cast<std::size_t>(solution->vehicles));
}

TEST(VrptwSolve, ReportsMalformedTextWithTheLine) {
  const Result<VrptwSolution> solution =
      SolveSolomon("X\nVEHICLE\n2 10\nCUSTOMER\n0 0 0\n", Reproducible());
  ASSERT_FALSE(solution);
  EXPECT_EQ(solution.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(solution.error().message.find("line 5"), std::string::npos);
}

TEST(VrptwSolve, ListsCustomersNoVehicleCanReach) {
  // Customer 9 closes before a vehicle could drive the 50 units out to it.
  const Result<VrptwSolution> solution = SolveSolomon(
      "X\nVEHICLE\n2 10\nCUSTOMER\n0 0 0 0 0 1000 0\n4 1 0 1 0 1000 1\n9 50 0 1 0 10 1\n",
      Reproducible());
  ASSERT_TRUE(solution);
  EXPECT_EQ(solution->unassigned, std::vector<std::int64_t>{9});
  EXPECT_EQ(solution->routes, std::vector<std::vector<std::int64_t>>{{4}});
}

TEST(VrptwSolve, AnInstanceWithoutCustomersHasNoRoutes) {
  const Result<VrptwSolution> solution =
      SolveSolomon("X\nVEHICLE\n2 10\nCUSTOMER\n0 0 0 0 0 1000 0\n", Reproducible());
  ASSERT_TRUE(solution);
  EXPECT_TRUE(solution->routes.empty());
  EXPECT_EQ(solution->distance, 0);
}

}  // namespace
}  // namespace lifeline::dispatch
