// Stored day plans on both backends: saved with routes and stops, replaced whole by a re-plan,
// a technician's stops of a day, and the latest planned stop of an order for tracking.
#include <gmock/gmock.h>

#include "tests/contract/backend_test.h"

namespace lifeline::testing {
namespace {

using dispatch::PlanRoute;
using dispatch::PlanStop;
using dispatch::StoredDayPlan;

class DayPlanContract : public BackendTest {
 protected:
  void SetUp() override {
    team_ = services.AddCompany("crew").id;
    first_ = services.AddUser("tech-a", Role::kTechnician, team_).id;
    second_ = services.AddUser("tech-b", Role::kTechnician, team_).id;
  }

  PlanStop Stop(std::int64_t order, std::optional<std::int64_t> user, int sequence, int start) {
    PlanStop s;
    s.order_id = order;
    s.user_id = user;
    s.sequence = sequence;
    s.arrival_minute = start - 5;
    s.start_minute = start;
    s.end_minute = start + 45;
    s.window_start_minute = start - 30;
    s.window_end_minute = start + 90;
    s.location = {1.5, -2.25};
    s.duration_minutes = 45;
    s.trade = dispatch::Trade::kMeter;
    s.booked = sequence == 1;
    if (!user) s.reason = "window_unreachable";
    return s;
  }

  StoredDayPlan Plan(int day, int revision) {
    StoredDayPlan p;
    p.team_id = team_;
    p.day = day;
    p.revision = revision;
    p.planned_by = first_;
    p.planned_at = 1'000 + revision;
    p.km = 42.5;
    p.routes = {{first_, "", 480, 1000, 720, 60, 20.5}, {second_, "", 500, 900, {}, 0, 22}};
    p.stops = {Stop(101, first_, 1, 540), Stop(102, first_, 2, 660), Stop(103, second_, 1, 600),
               Stop(104, std::nullopt, 0, 0)};
    return p;
  }

  std::int64_t Save(const StoredDayPlan& plan) {
    std::int64_t id = 0;
    EXPECT_TRUE(services.store
                    .Write([&](StoreSession& s) -> Status {
                      auto saved = s.DayPlans().Save(plan);
                      if (!saved) return Fail(saved.error());
                      id = *saved;
                      return Ok();
                    })
                    .has_value());
    return id;
  }

  template <class T, class Read>
  T ReadValue(Read read) {
    T out{};
    EXPECT_TRUE(services.store
                    .Read([&](StoreSession& s) -> Status {
                      auto value = read(s.DayPlans());
                      if (!value) return Fail(value.error());
                      out = std::move(*value);
                      return Ok();
                    })
                    .has_value());
    return out;
  }

  std::int64_t team_ = 0, first_ = 0, second_ = 0;
};

TEST_P(DayPlanContract, APlanRoundTripsAndARePlanReplacesItWhole) {
  const std::int64_t id = Save(Plan(20261203, 1));
  ASSERT_GT(id, 0);
  auto found = ReadValue<std::optional<StoredDayPlan>>(
      [&](DayPlanRepository& r) { return r.Find(team_, 20261203); });
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, id);
  EXPECT_EQ(found->revision, 1);
  EXPECT_DOUBLE_EQ(found->km, 42.5);
  ASSERT_EQ(found->routes.size(), 2u);
  EXPECT_EQ(found->routes[0].name, "测试用户");
  EXPECT_EQ(found->routes[0].break_start_minute, 720);
  EXPECT_FALSE(found->routes[1].break_start_minute.has_value());
  ASSERT_EQ(found->stops.size(), 4u);
  EXPECT_EQ(found->stops[0].order_id, 101);
  EXPECT_EQ(found->stops[1].order_id, 102);
  EXPECT_EQ(found->stops[2].order_id, 103);
  EXPECT_EQ(found->stops[3].order_id, 104) << "unplanned last";
  EXPECT_FALSE(found->stops[3].user_id.has_value());
  EXPECT_EQ(found->stops[3].reason, "window_unreachable");
  EXPECT_EQ(found->stops[0].trade, dispatch::Trade::kMeter);
  EXPECT_TRUE(found->stops[0].booked);
  EXPECT_DOUBLE_EQ(found->stops[0].location.y, -2.25);
  EXPECT_EQ(found->stops[0].window_end_minute, 540 + 90);

  StoredDayPlan again = Plan(20261203, 2);
  again.routes.pop_back();
  again.stops = {Stop(103, first_, 1, 600)};
  EXPECT_EQ(Save(again), id) << "one row per team and day";
  found = ReadValue<std::optional<StoredDayPlan>>(
      [&](DayPlanRepository& r) { return r.Find(team_, 20261203); });
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->revision, 2);
  ASSERT_EQ(found->routes.size(), 1u);
  ASSERT_EQ(found->stops.size(), 1u);
  EXPECT_EQ(found->stops[0].user_id, first_);

  EXPECT_FALSE(ReadValue<std::optional<StoredDayPlan>>([&](DayPlanRepository& r) {
                 return r.Find(team_, 20261204);
               }).has_value());
}

TEST_P(DayPlanContract, TechniciansStopsAndTheLatestPlannedStopOfAnOrder) {
  Save(Plan(20261203, 1));
  StoredDayPlan next_day = Plan(20261204, 1);
  next_day.stops = {Stop(101, second_, 1, 800), Stop(105, std::nullopt, 0, 0)};
  Save(next_day);

  auto mine = ReadValue<std::vector<PlanStop>>(
      [&](DayPlanRepository& r) { return r.StopsOf(first_, 20261203); });
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(mine[0].order_id, 101);
  EXPECT_EQ(mine[1].order_id, 102);
  EXPECT_TRUE(ReadValue<std::vector<PlanStop>>([&](DayPlanRepository& r) {
                return r.StopsOf(first_, 20261204);
              }).empty());

  auto latest = ReadValue<std::optional<DatedStop>>(
      [&](DayPlanRepository& r) { return r.PlannedStopFor(101); });
  ASSERT_TRUE(latest.has_value());
  EXPECT_EQ(latest->day, 20261204);
  EXPECT_EQ(latest->team_id, team_);
  EXPECT_EQ(latest->stop.user_id, second_);
  EXPECT_EQ(latest->stop.start_minute, 800);
  EXPECT_FALSE(ReadValue<std::optional<DatedStop>>([&](DayPlanRepository& r) {
                 return r.PlannedStopFor(105);
               }).has_value())
      << "an unplanned stop announces nothing";
}

LIFELINE_ON_BOTH_BACKENDS(DayPlanContract);

}  // namespace
}  // namespace lifeline::testing
