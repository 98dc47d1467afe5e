// Deadline arithmetic: clock and business time, weekends, holidays and make-up working days,
// policy lookup up the category tree, and pauses.
#include <gtest/gtest.h>

#include "core/workorders/business_calendar.h"
#include "core/workorders/deadline_policy.h"

namespace lifeline {
namespace {

// Local (UTC+8) wall-clock time as TimeMs.
TimeMs At(int year, int month, int day, int hour, int minute = 0) {
  return FromLocalDate({year, month, day}, hour * kHourMs + minute * kMinuteMs);
}

BusinessCalendar NationalDayCalendar() {
  BusinessCalendar calendar;
  // 2026 National Day: 1–7 October off; Saturday 10 October worked (调休, for the example).
  for (int d = 1; d <= 7; ++d) calendar.holidays.push_back(20261000 + d);
  calendar.extra_workdays.push_back(20261010);
  return calendar;
}

TEST(BusinessCalendar, KnowsWeekendsHolidaysAndMakeUpDays) {
  const BusinessCalendar calendar = NationalDayCalendar();
  EXPECT_TRUE(calendar.IsWorkday({2026, 9, 30}));    // Wednesday
  EXPECT_FALSE(calendar.IsWorkday({2026, 10, 1}));   // Thursday, holiday
  EXPECT_TRUE(calendar.IsWorkday({2026, 10, 8}));    // Thursday
  EXPECT_TRUE(calendar.IsWorkday({2026, 10, 10}));   // Saturday, 调休
  EXPECT_FALSE(calendar.IsWorkday({2026, 10, 11}));  // Sunday
}

TEST(BusinessCalendar, ClockTimeIgnoresTheCalendar) {
  const TimeMs start = At(2026, 10, 1, 23);
  EXPECT_EQ(AddCounted(start, 30 * kMinuteMs, {}), start + 30 * kMinuteMs);
  EXPECT_EQ(CountedBetween(start, start + kDayMs, {}), kDayMs);
}

TEST(BusinessCalendar, BusinessTimeSkipsNightsWeekendsAndHolidays) {
  const BusinessCalendar calendar = NationalDayCalendar();
  const CountingRule business{&calendar};
  // Within one day.
  EXPECT_EQ(AddCounted(At(2026, 9, 29, 9), 2 * kHourMs, business), At(2026, 9, 29, 11));
  // Past closing: carries over to the next morning at 08:30.
  EXPECT_EQ(AddCounted(At(2026, 9, 29, 17), kHourMs, business), At(2026, 9, 30, 9));
  // Before opening: starts at 08:30.
  EXPECT_EQ(AddCounted(At(2026, 9, 29, 3), kHourMs, business), At(2026, 9, 29, 9, 30));
  // Wednesday 30 September 16:30 + 3 h: one hour that day, then the holiday week, then
  // Thursday 8 October from 08:30.
  EXPECT_EQ(AddCounted(At(2026, 9, 30, 16, 30), 3 * kHourMs, business), At(2026, 10, 8, 10, 30));
  // Friday 9 October 17:00 + 1 h: the make-up Saturday counts.
  EXPECT_EQ(AddCounted(At(2026, 10, 9, 17), kHourMs, business), At(2026, 10, 10, 9));
  // Three working days of nine hours from a holiday: Thursday, Friday, Saturday (调休).
  EXPECT_EQ(AddCounted(At(2026, 10, 3, 12), 27 * kHourMs, business), At(2026, 10, 10, 17, 30));
}

TEST(BusinessCalendar, CountedBetweenIsTheInverseOfAddCounted) {
  const BusinessCalendar calendar = NationalDayCalendar();
  const CountingRule business{&calendar};
  const TimeMs start = At(2026, 9, 30, 16, 30);
  for (TimeMs duration : {kMinuteMs, kHourMs, 5 * kHourMs, 20 * kHourMs, 40 * kHourMs}) {
    EXPECT_EQ(CountedBetween(start, AddCounted(start, duration, business), business), duration);
  }
  EXPECT_EQ(CountedBetween(At(2026, 10, 1, 9), At(2026, 10, 7, 17), business), 0);
  EXPECT_EQ(CountedBetween(At(2026, 10, 9, 9), At(2026, 10, 8, 9), business), 0);
}

TEST(BusinessCalendar, RejectsImpossibleSettings) {
  BusinessCalendar calendar;
  calendar.open_minute = 18 * 60;
  EXPECT_EQ(ValidateCalendar(calendar).error().field, "calendar.open_minute");
  calendar = {};
  calendar.weekdays = 0;
  EXPECT_EQ(ValidateCalendar(calendar).error().field, "calendar.weekdays");
  calendar = {};
  calendar.holidays = {20260231};
  EXPECT_EQ(ValidateCalendar(calendar).error().field, "calendar.holidays");
  EXPECT_TRUE(ValidateCalendar(NationalDayCalendar()).has_value());
}

TEST(DeadlinePolicy, DefaultsFollowTheDesignTable) {
  const DeadlinePolicy gas = DefaultPolicy("gas", Priority::kEmergency);
  EXPECT_EQ(gas.response.minutes, 5);
  EXPECT_EQ(gas.arrival.minutes, 30);
  EXPECT_EQ(gas.resolution.minutes, 24 * 60);
  EXPECT_FALSE(gas.arrival.business_time);
  EXPECT_EQ(DefaultPolicy("heat", Priority::kUrgent).arrival.minutes, 120);
  EXPECT_EQ(DefaultPolicy("heat", Priority::kEmergency).resolution.minutes, 48 * 60);
  EXPECT_EQ(DefaultPolicy("water", Priority::kUrgent).arrival.minutes, 240);
  const DeadlinePolicy normal = DefaultPolicy("water", Priority::kNormal);
  EXPECT_TRUE(normal.resolution.business_time);
  EXPECT_EQ(normal.resolution.minutes, 3 * 9 * 60);
}

TEST(DeadlinePolicy, LookupWalksUpTheCategoryCode) {
  DeadlineSettings settings;
  settings.policies.push_back({"heat", Priority::kUrgent, {10, false}, {90, false}, {600, false}});
  settings.policies.push_back(
      {"heat.temperature.cold", Priority::kUrgent, {15, false}, {300, false}, {1440, false}});
  EXPECT_EQ(PolicyFor(settings, "heat.temperature.cold", Priority::kUrgent).arrival.minutes, 300);
  EXPECT_EQ(PolicyFor(settings, "heat.temperature.uneven", Priority::kUrgent).arrival.minutes, 90);
  EXPECT_EQ(PolicyFor(settings, "heat.leak.pipe", Priority::kEmergency).arrival.minutes, 60);
  EXPECT_EQ(PolicyFor(settings, "gas.safety.leak", Priority::kUrgent).arrival.minutes, 240);
}

TEST(DeadlinePolicy, SettingsAreValidatedNamingTheField) {
  DeadlineSettings settings;
  settings.policies.push_back({"steam", Priority::kUrgent, {10, false}, {90, false}, {60, false}});
  EXPECT_EQ(ValidateSettings(settings, DefaultCategoryTree()).error().field,
            "policies[0].category");
  settings.policies = {{"water", Priority::kUrgent, {0, false}, {90, false}, {60, false}}};
  EXPECT_EQ(ValidateSettings(settings, DefaultCategoryTree()).error().field,
            "policies[0].response");
  settings.policies = {{"water", Priority::kUrgent, {5, false}, {90, false}, {60, false}},
                       {"water", Priority::kUrgent, {5, false}, {90, false}, {60, false}}};
  EXPECT_EQ(ValidateSettings(settings, DefaultCategoryTree()).error().field, "policies[1]");
}

TEST(Deadlines, ComputedFromCreationWithArrivalOnlyForVisits) {
  const BusinessCalendar calendar = NationalDayCalendar();
  const TimeMs start = At(2026, 9, 30, 16, 30);
  const Deadlines leak =
      ComputeDeadlines(start, DefaultPolicy("gas", Priority::kEmergency), true, calendar);
  EXPECT_EQ(leak.response, start + 5 * kMinuteMs);
  EXPECT_EQ(leak.arrival, start + 30 * kMinuteMs);
  EXPECT_EQ(leak.resolution, start + 24 * kHourMs);
  const Deadlines bill =
      ComputeDeadlines(start, DefaultPolicy("water", Priority::kNormal), false, calendar);
  EXPECT_FALSE(bill.arrival.has_value());
  // 27 business hours: 1 h on 30 September, 9 h on 8, 9 and 10 October (调休) = 28 ≥ 27.
  EXPECT_EQ(bill.resolution, At(2026, 10, 10, 16, 30));
}

TEST(Deadlines, APauseMovesDeadlinesByTheCountedTimeItTook) {
  const BusinessCalendar calendar = NationalDayCalendar();
  const DeadlineRule clock{240, false};
  const DeadlineRule business{27 * 60, true};
  const TimeMs due = At(2026, 9, 29, 14);
  // Clock time: paused 10:00–13:00, so due three hours later.
  EXPECT_EQ(ShiftForPause(due, At(2026, 9, 29, 10), At(2026, 9, 29, 13), clock, calendar),
            At(2026, 9, 29, 17));
  // Business time: 4 working hours were left at 10:00; resumed at 16:00 they run to 11:00 on
  // the 30th (1.5 h that day, 2.5 h the next morning).
  EXPECT_EQ(ShiftForPause(due, At(2026, 9, 29, 10), At(2026, 9, 29, 16), business, calendar),
            At(2026, 9, 30, 11));
  // Already past due when paused: stays breached.
  EXPECT_EQ(ShiftForPause(due, At(2026, 9, 29, 15), At(2026, 9, 29, 16), clock, calendar), due);
}

}  // namespace
}  // namespace lifeline
