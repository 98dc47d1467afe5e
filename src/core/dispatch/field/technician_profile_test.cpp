// A dispatcher's edit of a technician's profile: what is refused, naming the field, and what an
// accepted edit leaves alone (duty, position).
#include "core/dispatch/field/technician_profile.h"

#include <gtest/gtest.h>

namespace lifeline::dispatch {
namespace {

ProfileEdit Usual() {
  ProfileEdit e;
  e.skills = {{Trade::kPipeRepair, 3}, {Trade::kMeter, 1}};
  e.shift = {8 * 60, 17 * 60 + 30};
  e.break_window = DayWindow{11 * 60 + 30, 13 * 60};
  e.break_minutes = 60;
  e.depot = {2.5, -1};
  e.van_capacity = 40;
  return e;
}

std::string FieldOf(const ProfileEdit& e) {
  const Status s = CheckProfile(e);
  return s ? "ok" : s.error().field;
}

TEST(CheckProfile, TheUsualDayPasses) {
  EXPECT_EQ(FieldOf(Usual()), "ok");
}

TEST(CheckProfile, EachRefusalNamesItsField) {
  ProfileEdit e = Usual();
  e.skills.push_back({Trade::kPipeRepair, 2});
  EXPECT_EQ(FieldOf(e), "skills[2].trade") << "a trade twice";
  e = Usual();
  e.skills[1].level = 6;
  EXPECT_EQ(FieldOf(e), "skills[1].level");
  e = Usual();
  e.shift = {17 * 60, 8 * 60};
  EXPECT_EQ(FieldOf(e), "shift_end_minute");
  e = Usual();
  e.break_window = DayWindow{7 * 60, 8 * 60};
  EXPECT_EQ(FieldOf(e), "break_earliest_minute") << "before the shift";
  e = Usual();
  e.break_window = DayWindow{17 * 60, 17 * 60};
  EXPECT_EQ(FieldOf(e), "break_latest_minute") << "the break would run past the shift";
  e = Usual();
  e.break_window.reset();
  EXPECT_EQ(FieldOf(e), "break_earliest_minute") << "60 minutes, but no time for them";
  e.break_minutes = 0;
  EXPECT_EQ(FieldOf(e), "ok") << "no break at all is a choice";
  e = Usual();
  e.depot = {300, 0};
  EXPECT_EQ(FieldOf(e), "depot_x_km");
  e = Usual();
  e.van_capacity = -1;
  EXPECT_EQ(FieldOf(e), "van_capacity");
}

TEST(WithProfile, ChangesTheProfileAndKeepsDutyAndPosition) {
  Technician t;
  t.user_id = 7;
  t.on_duty = false;
  t.position = Point{1, 1};
  t.position_at = 99;
  ProfileEdit e = Usual();
  e.break_window.reset();
  e.break_minutes = 0;
  const Technician edited = WithProfile(t, e);
  EXPECT_EQ(edited.skills.size(), 2u);
  EXPECT_EQ(edited.shift.end_minute, 17 * 60 + 30);
  EXPECT_FALSE(edited.break_window.has_value());
  EXPECT_DOUBLE_EQ(edited.depot.x, 2.5);
  EXPECT_EQ(edited.van_capacity, 40);
  EXPECT_FALSE(edited.on_duty);
  EXPECT_EQ(edited.position_at, 99);
}

}  // namespace
}  // namespace lifeline::dispatch
