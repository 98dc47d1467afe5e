// The booking state machine, slot planning over the business calendar, and the catalog's
// promises (every category exists, guidance exactly for the services that need papers).
#include "core/appointments/appointment.h"

#include <gtest/gtest.h>

#include "core/appointments/service_catalog.h"
#include "core/appointments/slot_plan.h"
#include "core/workorders/category_tree.h"

namespace lifeline {
namespace {

TEST(BookingTransition, OnlyABookedAppointmentMovesAndEveryOtherStepIsAConflict) {
  EXPECT_EQ(Transition(BookingState::kBooked, BookingEvent::kReschedule), BookingState::kBooked);
  EXPECT_EQ(Transition(BookingState::kBooked, BookingEvent::kCancel), BookingState::kCancelled);
  EXPECT_EQ(Transition(BookingState::kBooked, BookingEvent::kComplete), BookingState::kDone);
  for (BookingState from : {BookingState::kCancelled, BookingState::kDone}) {
    for (BookingEvent event : kAllBookingEvents) {
      auto next = Transition(from, event);
      ASSERT_FALSE(next.has_value());
      EXPECT_EQ(next.error().code, ErrorCode::kConflict);
      EXPECT_NE(next.error().message.find(std::string(BookingStateCode(from))), std::string::npos);
    }
  }
}

TEST(BookingCodes, RoundTrip) {
  for (BookingState state : kAllBookingStates) {
    EXPECT_EQ(ParseBookingState(BookingStateCode(state)), state);
  }
  EXPECT_FALSE(ParseBookingState("rescheduled").has_value());
  EXPECT_EQ(ParseBookingChannel("portal"), BookingChannel::kPortal);
}

SlotPlan Week() {
  // Monday 2026-09-28 to Sunday 2026-10-04: 国庆 from Thursday 10-01.
  return {.team_id = 1,
          .district_id = 2,
          .utility = Utility::kGas,
          .from = 20260928,
          .to = 20261004,
          .windows = StandardWindows(3),
          .skip_non_working_days = true};
}

TEST(SlotPlan, SkipsHolidaysAndWeekendsButKeepsMakeUpWorkdays) {
  BusinessCalendar calendar;
  calendar.holidays = {20261001, 20261002};
  calendar.extra_workdays = {20261004};  // 调休: a Sunday worked
  const auto slots = ExpandSlotPlan(Week(), calendar);
  // Mon, Tue, Wed and the make-up Sunday, four windows each.
  ASSERT_EQ(slots.size(), 4u * 4u);
  EXPECT_EQ(slots.front().starts_at, FromLocalDate({2026, 9, 28}, 9 * kHourMs));
  EXPECT_EQ(slots.back().starts_at, FromLocalDate({2026, 10, 4}, 16 * kHourMs));
  EXPECT_EQ(slots.back().ends_at, FromLocalDate({2026, 10, 4}, 18 * kHourMs));
  EXPECT_EQ(slots.front().capacity, 3);

  SlotPlan every_day = Week();
  every_day.skip_non_working_days = false;
  EXPECT_EQ(ExpandSlotPlan(every_day, calendar).size(), 7u * 4u);
}

TEST(SlotPlan, ValidationNamesTheField) {
  SlotPlan plan = Week();
  EXPECT_TRUE(ValidateSlotPlan(plan).has_value());
  plan.windows[2].end_minute = plan.windows[2].start_minute;
  EXPECT_EQ(ValidateSlotPlan(plan).error().field, "windows[2].end_minute");
  plan = Week();
  plan.windows[0].capacity = 0;
  EXPECT_EQ(ValidateSlotPlan(plan).error().field, "windows[0].capacity");
  plan = Week();
  plan.windows[1].start_minute = 10 * 60;
  EXPECT_EQ(ValidateSlotPlan(plan).error().field, "windows");
  plan = Week();
  plan.to = 20260927;
  EXPECT_EQ(ValidateSlotPlan(plan).error().field, "to");
  plan = Week();
  plan.to = 20270101;
  EXPECT_EQ(ValidateSlotPlan(plan).error().field, "to") << "more than 92 days";
  plan = Week();
  plan.from = 20260231;
  EXPECT_EQ(ValidateSlotPlan(plan).error().field, "from");
}

TEST(WindowText, LocalTime) {
  EXPECT_EQ(WindowText(FromLocalDate({2026, 12, 3}, 9 * kHourMs),
                       FromLocalDate({2026, 12, 3}, 11 * kHourMs)),
            "2026-12-03 09:00–11:00");
}

TEST(ServiceCatalog, EveryServiceCreatesAnExistingCategoryOfItsUtility) {
  const CategoryTree& tree = DefaultCategoryTree();
  for (const HomeService& s : DefaultServiceCatalog().all()) {
    const Category* category = tree.Find(s.category);
    ASSERT_NE(category, nullptr) << s.code << " → " << s.category;
    EXPECT_EQ(category->utility, s.utility) << s.code;
    EXPECT_EQ(s.code, std::string(UtilityCode(s.utility)) + "." + s.kind);
    EXPECT_EQ(s.bookable, !s.guidance.has_value()) << s.code;
    if (s.guidance) {
      EXPECT_FALSE(s.guidance->bring.empty()) << s.code;
      EXPECT_FALSE(s.guidance->phone.empty()) << s.code;
    }
    EXPECT_LE(s.duration_minutes, 240) << s.code;
  }
  for (std::string_view kind : kServiceKinds) {
    bool offered = false;
    for (const HomeService& s : DefaultServiceCatalog().all()) offered = offered || s.kind == kind;
    EXPECT_TRUE(offered) << kind;
  }
  EXPECT_TRUE(DefaultServiceCatalog().Find("gas.activation")->bookable);
  EXPECT_FALSE(DefaultServiceCatalog().Find("gas.rerouting")->bookable);
  EXPECT_EQ(DefaultServiceCatalog().Find("gas.teleport"), nullptr);
}

}  // namespace
}  // namespace lifeline
