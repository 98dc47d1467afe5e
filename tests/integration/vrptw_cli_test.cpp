// `lifeline vrptw` is part of the outside contract: one JSON object with every customer exactly
// once, routes that keep every window and capacity. The check here is written from the Solomon
// rules alone and shares no code with the solver.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "tests/support/server_process.h"

namespace lifeline::testing {
namespace {

struct Site {
  int number;
  double x, y, demand, ready, due, service;
};

struct Instance {
  int vehicles;
  double capacity;
  std::vector<Site> sites;  // sites[0] is the depot
};

// A small instance with a fixed pseudo-random layout; every window is reachable from the depot.
Instance MakeInstance(int customers) {
  Instance instance{.vehicles = 10, .capacity = 60, .sites = {{0, 50, 50, 0, 0, 600, 0}}};
  unsigned state = 12345;
  auto next = [&state](int bound) {
    state = state * 1103515245u + 12345u;
    return static_cast<int>((state >> 16) % static_cast<unsigned>(bound));
  };
  for (int i = 1; i <= customers; ++i) {
    const double x = next(100), y = next(100);
    const double ready = next(300);
    instance.sites.push_back({i, x, y, double(5 + next(15)), ready, ready + 90, 10});
  }
  return instance;
}

std::string SolomonText(const Instance& instance) {
  std::string text = "TEST\n\nVEHICLE\nNUMBER     CAPACITY\n";
  text += std::to_string(instance.vehicles) + " " + std::to_string(int(instance.capacity)) + "\n";
  text +=
      "\nCUSTOMER\nCUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE TIME\n\n";
  for (const Site& s : instance.sites) {
    text += std::to_string(s.number) + " " + std::to_string(int(s.x)) + " " +
            std::to_string(int(s.y)) + " " + std::to_string(int(s.demand)) + " " +
            std::to_string(int(s.ready)) + " " + std::to_string(int(s.due)) + " " +
            std::to_string(int(s.service)) + "\n";
  }
  return text;
}

double Distance(const Site& a, const Site& b) {
  return std::hypot(a.x - b.x, a.y - b.y);
}

// Walks one route from the depot and back; returns its length, failing the test on a broken
// window or an overloaded vehicle.
double CheckRoute(const Instance& instance, const std::vector<int>& route) {
  const Site& depot = instance.sites[0];
  double time = depot.ready, load = 0, length = 0;
  const Site* at = &depot;
  for (int number : route) {
    const Site& next = instance.sites.at(static_cast<std::size_t>(number));
    length += Distance(*at, next);
    time = std::max(time + Distance(*at, next), next.ready);
    EXPECT_LE(time, next.due + 1e-6) << "customer " << number << " reached after its window";
    time += next.service;
    load += next.demand;
    at = &next;
  }
  length += Distance(*at, depot);
  EXPECT_LE(time + Distance(*at, depot), depot.due + 1e-6) << "route back after the depot closes";
  EXPECT_LE(load, instance.capacity) << "route over capacity";
  return length;
}

class VrptwCli : public ::testing::Test {
 protected:
  std::filesystem::path Write(const std::string& text) {
    const auto path =
        std::filesystem::temp_directory_path() / ("lifeline-vrptw-" + std::to_string(::getpid()) +
                                                  "-" + std::to_string(paths_.size()) + ".txt");
    std::ofstream(path) << text;
    paths_.push_back(path);
    return path;
  }
  void TearDown() override {
    for (const auto& path : paths_) std::filesystem::remove(path);
  }
  std::vector<std::filesystem::path> paths_;
};

TEST_F(VrptwCli, PrintsFeasibleRoutesVisitingEveryCustomerOnce) {
  const Instance instance = MakeInstance(40);
  const auto file = Write(SolomonText(instance));
  const CommandResult run =
      RunLifeline({"vrptw", file.string(), "--seconds", "0.3", "--seed", "7"});
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const auto json = nlohmann::json::parse(run.output);

  std::set<int> seen;
  double total = 0;
  int used = 0;
  for (const auto& route : json.at("routes")) {
    const auto stops = route.get<std::vector<int>>();
    if (stops.empty()) continue;
    ++used;
    for (int number : stops) EXPECT_TRUE(seen.insert(number).second) << number << " twice";
    total += CheckRoute(instance, stops);
  }
  EXPECT_EQ(seen.size(), 40u);
  EXPECT_TRUE(json.at("unassigned").empty());
  EXPECT_EQ(json.at("vehicles").get<int>(), used);
  EXPECT_LE(used, instance.vehicles);
  EXPECT_NEAR(json.at("distance").get<double>(), total, 1e-3);
}

TEST_F(VrptwCli, TheSameSeedAndIterationBudgetGiveTheSamePlan) {
  const auto file = Write(SolomonText(MakeInstance(25)));
  const std::vector<std::string> args{"vrptw",  file.string(), "--seconds",    "30",
                                      "--seed", "3",           "--iterations", "300"};
  const auto first = RunLifeline(args);
  const auto second = RunLifeline(args);
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_EQ(first.output, second.output);
}

TEST_F(VrptwCli, MalformedInputIsAUsageErrorNamingTheLine) {
  const auto file = Write("NOT AN INSTANCE\nVEHICLE\nNUMBER CAPACITY\nten 200\n");
  const CommandResult run = RunLifeline({"vrptw", file.string(), "--seconds", "0.1"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.output.find("line"), std::string::npos) << run.output;
}

TEST_F(VrptwCli, AMissingFileIsAUsageError) {
  const CommandResult run = RunLifeline({"vrptw", "/nonexistent/instance.txt", "--seconds", "0.1"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.output.find("cannot read"), std::string::npos) << run.output;
}

}  // namespace
}  // namespace lifeline::testing
