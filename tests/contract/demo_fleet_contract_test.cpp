// The demo fleet on both backends: at work, a technician with a stored plan for today is where
// the plan has them and one without circles their depot; each move is recorded on the profile
// and as a technician.position event; nobody moves at night or while off duty.
#include <gmock/gmock.h>

#include <cmath>

#include "core/demo/demo_technicians.h"
#include "core/dispatch/field/demo_fleet.h"
#include "tests/contract/backend_test.h"

namespace lifeline::testing {
namespace {

constexpr LocalDate kToday{2025, 11, 15};  // the fake clock's day

class DemoFleetContract : public BackendTest {
 protected:
  void SetUp() override {
    const std::int64_t team = services.AddCompany("crew").id;
    planned_ = services.AddUser("tech-a", Role::kTechnician, team).id;
    idle_ = services.AddUser("tech-b", Role::kTechnician, team).id;
    ASSERT_TRUE(services.store.Write([&](StoreSession& s) -> Status {
      if (auto r = s.Technicians().Save(demo::DemoTechnicianProfile(planned_, 0, {0, 0})); !r) {
        return r;
      }
      if (auto r = s.Technicians().Save(demo::DemoTechnicianProfile(idle_, 1, {5, 5})); !r) {
        return r;
      }
      auto saved = s.DayPlans().Save(TodaysPlan(team));
      return saved ? Ok() : Fail(saved.error());
    }));
  }

  dispatch::StoredDayPlan TodaysPlan(std::int64_t team) const {
    dispatch::StoredDayPlan plan;
    plan.team_id = team;
    plan.day = dispatch::DayCode(kToday);
    plan.revision = 1;
    plan.planned_by = planned_;
    plan.routes = {{planned_, "", 8 * 60 + 40, 10 * 60 + 20, {}, 0, 11}};
    dispatch::PlanStop stop;
    stop.order_id = 1;
    stop.user_id = planned_;
    stop.sequence = 1;
    stop.arrival_minute = stop.start_minute = 9 * 60;
    stop.end_minute = 10 * 60;
    stop.location = {5.4, 0};
    plan.stops = {stop};
    return plan;
  }

  int StepAt(int hour, int minute) {
    services.clock.Set(FromLocalDate(kToday, hour * kHourMs + minute * kMinuteMs));
    auto moved = fleet_.Step();
    EXPECT_TRUE(moved.has_value()) << moved.error().message;
    return moved.value_or(-1);
  }

  dispatch::Technician Profile(std::int64_t user_id) {
    dispatch::Technician out;
    EXPECT_TRUE(services.store.Read([&](StoreSession& s) -> Status {
      auto found = s.Technicians().Find(user_id);
      if (!found) return Fail(found.error());
      out = std::move(*found);
      return Ok();
    }));
    return out;
  }

  std::size_t PositionEvents() {
    std::size_t count = 0;
    EXPECT_TRUE(services.store.Read([&](StoreSession& s) -> Status {
      auto read = s.Events().ReadAfter(0, {"dispatch"}, 1000);
      if (!read) return Fail(read.error());
      for (const auto& e : *read) count += e.type == "technician.position" ? 1 : 0;
      return Ok();
    }));
    return count;
  }

  dispatch::DemoFleet fleet_{services.store, services.clock};
  std::int64_t planned_ = 0;
  std::int64_t idle_ = 0;
};

TEST_P(DemoFleetContract, TheCrewMovesAlongItsDayAndStopsAtNight) {
  ASSERT_EQ(StepAt(9, 30), 2);
  const dispatch::Technician working = Profile(planned_);
  ASSERT_TRUE(working.position.has_value());
  EXPECT_DOUBLE_EQ(working.position->x, 5.4) << "at the stop, working";
  EXPECT_DOUBLE_EQ(working.position->y, 0);
  EXPECT_EQ(working.position_at, services.clock.NowMs());
  const dispatch::Technician idle = Profile(idle_);
  ASSERT_TRUE(idle.position.has_value());
  EXPECT_NEAR(std::hypot(idle.position->x - 5, idle.position->y - 5), 1.5, 1e-9);
  EXPECT_EQ(PositionEvents(), 2u);

  EXPECT_EQ(StepAt(9, 30), 0) << "nobody moved: no event";
  EXPECT_EQ(StepAt(10, 5), 2) << "on the way home, and further round the loop";
  EXPECT_EQ(PositionEvents(), 4u);

  EXPECT_EQ(StepAt(23, 0), 0) << "not at work at 23:00";
  dispatch::Technician ill = Profile(idle_);
  ill.on_duty = false;
  ASSERT_TRUE(services.store.Write([&](StoreSession& s) { return s.Technicians().Save(ill); }));
  EXPECT_EQ(StepAt(10, 30), 1) << "only the one on duty";
}

LIFELINE_ON_BOTH_BACKENDS(DemoFleetContract);

}  // namespace
}  // namespace lifeline::testing
