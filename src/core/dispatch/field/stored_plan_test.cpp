// The stored plan's pure parts: dates, the announced window, and re-timing a route for a move.
#include "core/dispatch/field/stored_plan.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace lifeline::dispatch {
namespace {

Technician Tech() {
  Technician t;
  t.user_id = 7;
  t.name = "李师傅";
  t.depot = {0, 0};
  t.skills = {{Trade::kPipeRepair, 2}};
  t.shift = {8 * 60, 17 * 60 + 30};
  t.break_window = DayWindow{11 * 60 + 30, 13 * 60};
  t.break_minutes = 60;
  return t;
}

// Speed 60 km/h and no detour: one kilometre is one minute.
constexpr TravelModel kMinutePerKm{1.0, 60};

TimedStop Stop(std::int64_t id, double x, int from, int to, int minutes = 60) {
  return {id, {x, 0}, from, to, minutes, Trade::kPipeRepair};
}

TEST(DayCode, ParsesCalendarDaysOnly) {
  EXPECT_EQ(ParseDayCode("2026-12-03"), 20261203);
  EXPECT_EQ(DayText(20261203), "2026-12-03");
  EXPECT_FALSE(ParseDayCode("2026-02-30"));
  EXPECT_FALSE(ParseDayCode("2026-12-3"));
  EXPECT_FALSE(ParseDayCode("20261203"));
  EXPECT_FALSE(ParseDayCode("2026-1a-03"));
  EXPECT_EQ(DateOf(20261203).month, 12);
  EXPECT_EQ(DayCode({2026, 1, 5}), 20260105);
}

TEST(AnnouncedWindow, TwoHoursAroundThePlannedStartNotBeforeTheShift) {
  EXPECT_EQ(AnnouncedWindow(14 * 60 + 10, 8 * 60), std::make_pair(13 * 60 + 30, 15 * 60 + 30));
  EXPECT_EQ(AnnouncedWindow(14 * 60, 8 * 60), std::make_pair(13 * 60 + 30, 15 * 60 + 30));
  EXPECT_EQ(AnnouncedWindow(8 * 60 + 5, 8 * 60), std::make_pair(8 * 60, 10 * 60));
  EXPECT_EQ(ArrivalWindowLabel(14 * 60, 16 * 60), "预计 14:00–16:00 上门");
  EXPECT_EQ(ClockText(9 * 60 + 5), "09:05");
}

TEST(TimeRoute, DrivesWaitsWorksAndTakesTheBreakWhenItsWindowOpens) {
  const TimedRoute route = TimeRoute(
      Tech(),
      {Stop(1, 10, 9 * 60, 11 * 60), Stop(2, 20, 10 * 60, 12 * 60), Stop(3, 30, 14 * 60, 16 * 60)},
      kMinutePerKm);
  ASSERT_TRUE(route.feasible());
  // Leaves at 08:50 to be there when the first window opens.
  EXPECT_EQ(route.departure_minute, 8 * 60 + 50);
  EXPECT_EQ(route.stops[0].arrival_minute, 9 * 60);
  EXPECT_EQ(route.stops[1].start_minute, 10 * 60 + 10);
  // Done at 11:10: the break opens at 11:30, and the next job would end after 13:00, so the
  // break comes first (11:30–12:30), then 10 minutes' drive and a wait until 14:00.
  EXPECT_EQ(route.break_start_minute, 11 * 60 + 30);
  EXPECT_EQ(route.stops[2].arrival_minute, 12 * 60 + 40);
  EXPECT_EQ(route.stops[2].start_minute, 14 * 60);
  EXPECT_EQ(route.return_minute, 15 * 60 + 30);
  EXPECT_DOUBLE_EQ(route.km, 60);
}

TEST(TimeRoute, NamesEveryBrokenRule) {
  Technician t = Tech();
  TimedStop gas = Stop(4, 5, 9 * 60, 9 * 60 + 30);
  gas.trade = Trade::kGasSafety;
  // The first job opens at 14:00, after the break window closed; the others are long past.
  const TimedRoute route =
      TimeRoute(t, {Stop(1, 10, 14 * 60, 15 * 60), gas, Stop(2, 0, 8 * 60, 10 * 60)}, kMinutePerKm);
  ASSERT_FALSE(route.feasible());
  std::vector<std::string> kinds;
  std::vector<std::int64_t> orders;
  for (const RouteViolation& v : route.violations) {
    kinds.push_back(v.kind);
    orders.push_back(v.order_id);
  }
  EXPECT_EQ(kinds, (std::vector<std::string>{"no_skill", "break_missed", "late", "late",
                                             "shift_overrun"}));
  EXPECT_EQ(orders, (std::vector<std::int64_t>{4, 0, 4, 2, 0}));
  EXPECT_EQ(route.violations[1].minute, 13 * 60 + 50);
  t.on_duty = false;
  EXPECT_EQ(TimeRoute(t, {}, kMinutePerKm).violations.front().kind, "off_duty");
}

TEST(Preempt, TheEmergencyGoesFirstAndEveryJobThatMovesIsNamed) {
  const Technician t = Tech();
  TimedStop a = Stop(1, 20, 10 * 60, 12 * 60);
  a.start_minute = 10 * 60 + 10;
  TimedStop b = Stop(2, 30, 14 * 60, 16 * 60);
  b.start_minute = 14 * 60;
  TimedStop leak = Stop(99, 10, 0, 10 * 60 + 30, 90);  // 燃气泄漏: start within 30 minutes
  // At 10:00 the technician stands at the leak's address (10 km out).
  const Preemption p = Preempt(t, {10, 0}, 10 * 60, leak, {a, b}, kMinutePerKm);
  ASSERT_EQ(p.route.stops.size(), 3u);
  EXPECT_EQ(p.route.stops[0].order_id, 99);
  EXPECT_EQ(p.route.stops[0].start_minute, 10 * 60);
  // The leak ends 11:30 and the break window opens: the break, then job 1 far too late.
  EXPECT_EQ(p.route.break_start_minute, 11 * 60 + 30);
  ASSERT_EQ(p.moved.size(), 1u) << "job 2 keeps its 14:00 start";
  EXPECT_EQ(p.moved[0].order_id, 1);
  EXPECT_EQ(p.moved[0].old_start_minute, 10 * 60 + 10);
  EXPECT_EQ(p.moved[0].new_start_minute, 12 * 60 + 40);
  EXPECT_FALSE(p.moved[0].window_kept);
  // Home to the real depot (30 km from job 2), not to where the emergency found them.
  EXPECT_EQ(p.route.return_minute, 15 * 60 + 30);
  EXPECT_DOUBLE_EQ(p.route.km, 50);
  ASSERT_EQ(p.route.violations.size(), 1u);
  EXPECT_EQ(p.route.violations[0].kind, "late");
}

TEST(Preempt, ApplyingItTakesOutTheJobsThatCannotKeepTheirWindowAndKeepsTheRest) {
  const Technician t = Tech();
  TimedStop a = Stop(1, 20, 10 * 60, 12 * 60);
  a.start_minute = 10 * 60 + 10;
  TimedStop b = Stop(2, 30, 14 * 60, 16 * 60);
  b.start_minute = 14 * 60;
  TimedStop c = Stop(3, 20, 12 * 60, 13 * 60);  // late only while job 1 is ahead of it
  c.start_minute = 12 * 60 + 50;
  const TimedStop leak = Stop(99, 10, 0, 10 * 60 + 30, 90);
  const Preemption everything = Preempt(t, {10, 0}, 10 * 60, leak, {a, c, b}, kMinutePerKm);
  EXPECT_EQ(std::ranges::count(everything.moved, false, &PreemptedStop::window_kept), 2)
      << "with job 1 still in the day, job 3 would be late as well";

  const Preemption p = PreemptKeepingWindows(t, {10, 0}, 10 * 60, leak, {a, c, b}, kMinutePerKm);
  std::vector<std::int64_t> route;
  for (const TimedStop& s : p.route.stops) route.push_back(s.order_id);
  EXPECT_EQ(route, (std::vector<std::int64_t>{99, 3, 2})) << "job 1 leaves the day, 3 and 2 stay";
  EXPECT_TRUE(p.route.feasible());
  ASSERT_EQ(p.moved.size(), 2u);
  EXPECT_EQ(p.moved[0].order_id, 1);
  EXPECT_FALSE(p.moved[0].window_kept);
  EXPECT_EQ(p.moved[1].order_id, 3);
  EXPECT_TRUE(p.moved[1].window_kept);
  EXPECT_EQ(p.moved[1].new_start_minute, 12 * 60 + 40) << "the break at 11:30, then 10 km";
}

}  // namespace
}  // namespace lifeline::dispatch
