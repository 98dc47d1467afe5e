// A technician's live position: the map between phones' coordinates and the city plane, when a
// technician is tracked, and where the demo fleet puts a technician through their day.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/common/civil_time.h"
#include "core/dispatch/field/city_plane.h"
#include "core/dispatch/field/demo_fleet.h"
#include "core/dispatch/field/position_tracking.h"

namespace lifeline::dispatch {
namespace {

double Distance(Point a, Point b) {
  return std::hypot(a.x - b.x, a.y - b.y);
}

TEST(CityPlane, TheOriginIsTheCentreAndAKilometreIsAKilometre) {
  const CityPlane plane({120.0, 30.0});
  const Point centre = plane.ToPlane({120.0, 30.0});
  EXPECT_DOUBLE_EQ(centre.x, 0);
  EXPECT_DOUBLE_EQ(centre.y, 0);
  // A hundredth of a degree north is 1.106 km anywhere; east, at 30° north, cos 30° of 1.113.
  const Point north = plane.ToPlane({120.0, 30.01});
  EXPECT_NEAR(north.y, 1.10574, 1e-9);
  EXPECT_NEAR(plane.ToPlane({120.01, 30.0}).x, 1.11320 * std::cos(30 * M_PI / 180), 1e-9);
}

TEST(CityPlane, MapsBackWhereItCameFrom) {
  const CityPlane plane({116.397, 39.909});  // anywhere, not only the default
  for (Point p : {Point{0, 0}, Point{12.5, -3.25}, Point{-40, 40}}) {
    const Point back = plane.ToPlane(plane.ToGeo(p));
    EXPECT_NEAR(back.x, p.x, 1e-9);
    EXPECT_NEAR(back.y, p.y, 1e-9);
  }
}

Technician DayShift() {
  Technician t;
  t.user_id = 7;
  t.shift = {8 * 60, 17 * 60 + 30};
  return t;
}

TEST(TrackingAt, FromHalfAnHourBeforeTheShiftToAnHourAfterIt) {
  const Technician t = DayShift();
  EXPECT_EQ(TrackingAt(t, 7 * 60 + 29, false), Tracking::kOutsideShift);
  EXPECT_EQ(TrackingAt(t, 7 * 60 + 30, false), Tracking::kOn);
  EXPECT_EQ(TrackingAt(t, 12 * 60, false), Tracking::kOn);
  EXPECT_EQ(TrackingAt(t, 18 * 60 + 30, false), Tracking::kOn);
  EXPECT_EQ(TrackingAt(t, 18 * 60 + 31, false), Tracking::kOutsideShift);
  EXPECT_EQ(TrackingCode(Tracking::kOutsideShift), "outside_shift");
}

TEST(TrackingAt, AJobEnRouteIsWorkAtAnyHourButOffDutyIsNeverTracked) {
  Technician t = DayShift();
  EXPECT_EQ(TrackingAt(t, 23 * 60, true), Tracking::kOn);
  t.on_duty = false;
  EXPECT_EQ(TrackingAt(t, 12 * 60, false), Tracking::kOffDuty);
  EXPECT_EQ(TrackingAt(t, 12 * 60, true), Tracking::kOffDuty);
  EXPECT_EQ(TrackingCode(Tracking::kOffDuty), "off_duty");
}

TEST(LocalMinuteOfDay, CountsFromLocalMidnight) {
  // 2026-12-02 01:30 UTC is 09:30 in China.
  const TimeMs at = FromLocalDate({2026, 12, 2}, 9 * kHourMs + 30 * kMinuteMs);
  EXPECT_EQ(LocalMinuteOfDay(at), 9 * 60 + 30);
  EXPECT_EQ(LocalMinuteOfDay(at, 0), 1 * 60 + 30);
}

PlanStop Stop(Point at, int arrival, int end) {
  PlanStop s;
  s.location = at;
  s.arrival_minute = arrival;
  s.start_minute = arrival;
  s.end_minute = end;
  return s;
}

TEST(SimulatedPosition, DrivesThePlannedDayAtThePlannedTimes) {
  Technician t = DayShift();
  t.depot = {0, 0};
  // 5.4 km straight-line from the depot: 5.4 × 1.35 / 25 km/h = 17.5 minutes.
  const std::vector<PlanStop> stops{Stop({5.4, 0}, 9 * 60, 10 * 60),
                                    Stop({5.4, 4}, 11 * 60, 12 * 60)};
  EXPECT_LT(Distance(SimulatedPosition(t, stops, 8 * 60), t.depot), 1e-9);  // not left yet
  const Point half_way = SimulatedPosition(t, stops, 9 * 60 - 17.496 / 2);
  EXPECT_NEAR(half_way.x, 2.7, 0.01);
  EXPECT_LT(Distance(SimulatedPosition(t, stops, 9 * 60 + 30), {5.4, 0}), 1e-9);  // working
  // Leaves the first stop at 10:00 and arrives at 11:00: half-way at 10:30.
  EXPECT_LT(Distance(SimulatedPosition(t, stops, 10 * 60 + 30), {5.4, 2}), 1e-9);
  EXPECT_LT(Distance(SimulatedPosition(t, stops, 11 * 60 + 59), {5.4, 4}), 1e-9);
  EXPECT_LT(Distance(SimulatedPosition(t, stops, 17 * 60), t.depot), 1e-9);  // home again
}

TEST(SimulatedPosition, WithoutAPlanCirclesTheDepot) {
  Technician t = DayShift();
  t.depot = {3, 4};
  const Point a = SimulatedPosition(t, {}, 10 * 60);
  const Point b = SimulatedPosition(t, {}, 10 * 60 + 20);
  EXPECT_NEAR(Distance(a, t.depot), 1.5, 1e-9);
  EXPECT_NEAR(Distance(b, t.depot), 1.5, 1e-9);
  EXPECT_GT(Distance(a, b), 1.0);  // 20 of 90 minutes round the loop
}

}  // namespace
}  // namespace lifeline::dispatch
