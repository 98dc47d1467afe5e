#include "core/dispatch/search/segment.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/common/rng.h"

namespace lifeline::dispatch::search {
namespace {

struct Points {
  std::vector<double> x;
  std::vector<double> y;
  double Distance(int a, int b) const { return std::hypot(x[a] - x[b], y[a] - y[b]); }
  double Time(int a, int b) const { return Distance(a, b); }
};

struct Stop {
  int location;  // -1 for a break
  double earliest;
  double latest;
  double duration;
  std::int64_t demand;
};

Segment SegmentOf(const Stop& stop) {
  return stop.location < 0
             ? Segment::Break(stop.earliest, stop.latest, stop.duration)
             : Segment::Stop(stop.location, stop.earliest, stop.latest, stop.duration, stop.demand);
}

struct Replay {
  double time_warp = 0;
  double distance = 0;
  double work = 0;  // travel and service, not waits or breaks
  std::int64_t load = 0;
};

// Vidal et al.'s definition, step by step: leave the first stop as early as it opens, wait
// when early, and when late "travel back" to the closing time and record the difference.
// Breaks are taken where the vehicle is.
Replay Simulate(const std::vector<Stop>& stops, const Points& points) {
  Replay replay;
  double time = stops.front().earliest;
  int here = stops.front().location;
  for (std::size_t i = 0; i < stops.size(); ++i) {
    const Stop& stop = stops[i];
    if (i > 0 && stop.location >= 0) {
      time += points.Time(here, stop.location);
      replay.distance += points.Distance(here, stop.location);
      replay.work += points.Time(here, stop.location);
    }
    if (stop.location >= 0) replay.work += stop.duration;
    if (stop.location >= 0) here = stop.location;
    time = std::max(time, stop.earliest);
    if (time > stop.latest) {
      replay.time_warp += time - stop.latest;
      time = stop.latest;
    }
    time += stop.duration;
    replay.load += stop.demand;
  }
  return replay;
}

Segment FoldLeft(const std::vector<Stop>& stops, const Points& points) {
  Segment result = SegmentOf(stops.front());
  for (std::size_t i = 1; i < stops.size(); ++i)
    result = Concat(result, SegmentOf(stops[i]), points);
  return result;
}

Segment FoldRight(const std::vector<Stop>& stops, const Points& points) {
  Segment result = SegmentOf(stops.back());
  for (std::size_t i = stops.size() - 1; i-- > 0;)
    result = Concat(SegmentOf(stops[i]), result, points);
  return result;
}

// Random routes: a depot, then clients with random windows and at most one break.
std::vector<Stop> RandomRoute(Rng& rng, int length, bool with_break) {
  std::vector<Stop> stops{{0, 0, 1000, 0, 0}};
  const int rest = with_break ? static_cast<int>(rng.Between(1, length)) : -1;
  for (int i = 1; i <= length; ++i) {
    if (i == rest) {
      const double open = 100 + 300 * rng.Unit();
      stops.push_back({-1, open, open + 60 * rng.Unit(), 30, 0});
      continue;
    }
    const double open = 800 * rng.Unit();
    stops.push_back({static_cast<int>(rng.Between(1, 9)), open, open + 200 * rng.Unit(),
                     20 * rng.Unit(), rng.Between(0, 10)});
  }
  stops.push_back({0, 0, 1000, 0, 0});
  return stops;
}

Points RandomPoints(Rng& rng) {
  Points points;
  for (int i = 0; i < 10; ++i) {
    points.x.push_back(100 * rng.Unit());
    points.y.push_back(100 * rng.Unit());
  }
  return points;
}

TEST(DispatchSegment, MatchesAStepByStepReplay) {
  Rng rng(11);
  for (int round = 0; round < 500; ++round) {
    const Points points = RandomPoints(rng);
    const std::vector<Stop> stops =
        RandomRoute(rng, static_cast<int>(rng.Between(1, 12)), rng.Chance(0.5));
    const Replay replay = Simulate(stops, points);
    const Segment segment = FoldLeft(stops, points);
    EXPECT_NEAR(segment.timing.time_warp, replay.time_warp, 1e-9) << "round " << round;
    EXPECT_NEAR(segment.distance, replay.distance, 1e-9);
    EXPECT_NEAR(segment.work, replay.work, 1e-9);
    EXPECT_EQ(segment.load, replay.load);
  }
}

TEST(DispatchSegment, ConcatenationIsAssociative) {
  Rng rng(12);
  for (int round = 0; round < 500; ++round) {
    const Points points = RandomPoints(rng);
    const std::vector<Stop> stops =
        RandomRoute(rng, static_cast<int>(rng.Between(1, 12)), rng.Chance(0.5));
    const Segment left = FoldLeft(stops, points);
    const Segment right = FoldRight(stops, points);
    // Also split at a random point, the way moves glue a prefix to a suffix.
    const auto cut =
        static_cast<std::size_t>(rng.Between(1, static_cast<std::int64_t>(stops.size()) - 1));
    const Segment split = Concat(
        FoldLeft({stops.begin(), stops.begin() + static_cast<std::ptrdiff_t>(cut)}, points),
        FoldRight({stops.begin() + static_cast<std::ptrdiff_t>(cut), stops.end()}, points), points);
    for (const Segment* other : {&right, &split}) {
      EXPECT_NEAR(left.timing.time_warp, other->timing.time_warp, 1e-9) << "round " << round;
      EXPECT_NEAR(left.timing.duration, other->timing.duration, 1e-9);
      EXPECT_NEAR(left.timing.earliest, other->timing.earliest, 1e-9);
      EXPECT_NEAR(left.timing.latest, other->timing.latest, 1e-9);
      EXPECT_NEAR(left.distance, other->distance, 1e-9);
      EXPECT_NEAR(left.work, other->work, 1e-9);
      EXPECT_EQ(left.load, other->load);
    }
  }
}

TEST(DispatchSegment, ABreakIsTakenWhereTheVehicleIs) {
  // Depot at 0, client at 10 units: the break after the client adds no travel.
  const Points points{{0, 10}, {0, 0}};
  const Segment depot = Segment::Stop(0, 0, 1000, 0, 0);
  const Segment client = Segment::Stop(1, 0, 1000, 5, 1);
  const Segment rest = Segment::Break(0, 1000, 30);
  const Segment route = Concat(Concat(depot, client, rest, points), depot, points);
  EXPECT_DOUBLE_EQ(route.distance, 20);
  EXPECT_DOUBLE_EQ(route.timing.duration, 10 + 5 + 30 + 10);
  EXPECT_FALSE(route.lead_break);
  // A segment starting with the break learns where it is when something is put in front.
  const Segment tail = Concat(rest, depot, points);
  EXPECT_TRUE(tail.lead_break);
  const Segment glued = Concat(Concat(depot, client, points), tail, points);
  EXPECT_DOUBLE_EQ(glued.timing.duration, route.timing.duration);
  EXPECT_DOUBLE_EQ(glued.distance, route.distance);
}

TEST(DispatchSegment, BreakWindowsProduceTimeWarp) {
  const Points points{{0, 10}, {0, 0}};
  const Segment depot = Segment::Stop(0, 0, 1000, 0, 0);
  const Segment client = Segment::Stop(1, 50, 60, 5, 1);
  // Service ends at 55 at the earliest, but the break must start by 40: 15 late.
  const Segment rest = Segment::Break(0, 40, 30);
  const Segment route = Concat(Concat(depot, client, rest, points), depot, points);
  EXPECT_DOUBLE_EQ(route.timing.time_warp, 15);
}

}  // namespace
}  // namespace lifeline::dispatch::search
