// Appointments on both backends: slots from daily windows on working days, a booking that takes
// a seat and creates its work order in one unit of work, no overbooking under concurrent
// bookings, rescheduling and cancelling that move and free seats, the booking following its
// work order, services that need papers, the portal's verification and data scope.
#include <gmock/gmock.h>

#include <atomic>
#include <thread>

#include "adapters/storage/sql_city_loader.h"
#include "core/appointments/appointment_service.h"
#include "core/demo/demo_city.h"
#include "core/workorders/work_order_service.h"
#include "tests/contract/backend_test.h"

namespace lifeline::testing {
namespace {

using ::testing::HasSubstr;

// The fake clock starts on Saturday 2025-11-15, 08:00 local time.
constexpr DateCode kSaturday = 20251115;
constexpr DateCode kFriday = 20251121;

class AppointmentContract : public BackendTest {
 protected:
  void SetUp() override {
    storage::SqlCityLoader loader(database.db(), services.cipher);
    ASSERT_TRUE(demo::GenerateDemoCity({.customers = 40, .as_of = services.clock.NowMs()}, loader)
                    .has_value());
    ASSERT_TRUE(loader.Finish().has_value());
    company_ = services.AddCompany("appt-co");
    agent_ = PrincipalOf(services.AddUser("agent", Role::kAgent, company_.id));
    dispatcher_ = PrincipalOf(services.AddUser("dispatcher", Role::kDispatcher, company_.id));
    orders.SetListener(&appointments);
    customer_ = CustomerWithPhone();
    account_ = customer_.accounts.front();
  }

  static Principal PrincipalOf(const User& user) {
    Principal p;
    p.user_id = user.id;
    p.username = user.username;
    p.display_name = user.display_name;
    p.role = user.role;
    p.org_unit_id = user.org_unit_id;
    p.permissions = RolePermissions(user.role);
    return p;
  }

  Customer CustomerWithPhone() {
    Customer found;
    EXPECT_TRUE(services.store
                    .Read([&](StoreSession& session) -> Status {
                      for (std::int64_t id = 1; id <= 40; ++id) {
                        auto customer = session.Customers().FindById(id);
                        if (!customer) return Fail(customer.error());
                        if (!customer->phones.empty() && !customer->accounts.empty()) {
                          found = std::move(*customer);
                          return Ok();
                        }
                      }
                      return Fail(Error::NotFound("no customer with a phone"));
                    })
                    .has_value());
    return found;
  }

  std::string RepairService() const {
    return std::string(UtilityCode(account_.utility)) + ".repair";
  }

  SlotPlan Plan(int capacity, DateCode from = 20251117, DateCode to = 20251117) const {
    return {.team_id = company_.id,
            .district_id = account_.district_id,
            .utility = account_.utility,
            .from = from,
            .to = to,
            .windows = StandardWindows(capacity),
            .skip_non_working_days = true};
  }

  std::vector<AppointmentSlot> Slots(int capacity) {
    auto created = appointments.CreateSlots(dispatcher_, Plan(capacity));
    EXPECT_TRUE(created.has_value()) << created.error().message;
    return created ? created->slots : std::vector<AppointmentSlot>{};
  }

  Result<BookingDetail> Book(std::int64_t slot_id) {
    return appointments.Book(
        agent_,
        {.account_no = account_.account_no, .service = RepairService(), .slot_id = slot_id});
  }

  AppointmentSlot SlotNow(std::int64_t id) {
    AppointmentSlot slot;
    EXPECT_TRUE(services.store
                    .Read([&](StoreSession& session) -> Status {
                      auto found = session.Appointments().FindSlot(id);
                      if (!found) return Fail(found.error());
                      slot = *found;
                      return Ok();
                    })
                    .has_value());
    return slot;
  }

  std::vector<std::string> EventTypes() {
    std::vector<std::string> types;
    EXPECT_TRUE(services.store
                    .Read([&](StoreSession& session) -> Status {
                      auto read = session.Events().ReadAfter(0, {"appointment"}, 1000);
                      if (!read) return Fail(read.error());
                      for (const StoredEvent& e : *read) types.push_back(e.type);
                      return Ok();
                    })
                    .has_value());
    return types;
  }

  WorkOrderService orders{services.store, services.clock, services.random};
  AppointmentService appointments{services.store, services.clock, orders};
  OrgUnit company_;
  Principal agent_;
  Principal dispatcher_;
  Customer customer_;
  Account account_;
};

TEST_P(AppointmentContract, SlotsComeFromDailyWindowsOnWorkingDaysOnce) {
  auto created = appointments.CreateSlots(dispatcher_, Plan(4, kSaturday, kFriday));
  ASSERT_TRUE(created.has_value()) << created.error().message;
  EXPECT_EQ(created->created, 5 * 4) << "Monday to Friday, four windows each";
  EXPECT_EQ(created->slots.front().starts_at, FromLocalDate({2025, 11, 17}, 9 * kHourMs));

  auto again = appointments.CreateSlots(dispatcher_, Plan(4, kSaturday, kFriday));
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->created, 0);
  EXPECT_EQ(again->skipped, 20);

  SlotPlan weekend = Plan(2, kSaturday, 20251116);
  weekend.skip_non_working_days = false;
  auto with_weekend = appointments.CreateSlots(dispatcher_, weekend);
  ASSERT_TRUE(with_weekend.has_value());
  EXPECT_EQ(with_weekend->created, 2 * 4);

  auto refused = appointments.CreateSlots(agent_, Plan(4));
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
  EXPECT_THAT(refused.error().message, HasSubstr("appointments:manage"));

  SlotPlan bad = Plan(4);
  bad.windows[1].start_minute = 10 * 60;  // overlaps 09:00–11:00
  auto overlapping = appointments.CreateSlots(dispatcher_, bad);
  ASSERT_FALSE(overlapping.has_value());
  EXPECT_EQ(overlapping.error().field, "windows");
}

TEST_P(AppointmentContract, ABookingTakesASeatAndCreatesItsAppointmentOrderTogether) {
  const auto slots = Slots(2);
  auto booked = Book(slots[0].id);
  ASSERT_TRUE(booked.has_value()) << booked.error().message;
  EXPECT_EQ(booked->booking.state, BookingState::kBooked);
  EXPECT_EQ(booked->booking.starts_at, slots[0].starts_at);
  EXPECT_EQ(booked->booking.district_id, account_.district_id);
  EXPECT_EQ(booked->tracking_code.size(), 12u);
  EXPECT_EQ(SlotNow(slots[0].id).booked, 1);

  auto order = orders.Get(agent_, booked->booking.work_order_id);
  ASSERT_TRUE(order.has_value()) << order.error().message;
  EXPECT_EQ(order->order.type, WorkOrderType::kAppointment);
  EXPECT_EQ(order->order.category, DefaultServiceCatalog().Find(RepairService())->category);
  EXPECT_EQ(order->order.district_id, account_.district_id);
  EXPECT_EQ(order->order.address, account_.address);
  EXPECT_THAT(order->order.description, HasSubstr("2025-11-17 09:00–11:00"));

  auto by_order = appointments.ForWorkOrder(agent_, booked->booking.work_order_id);
  ASSERT_TRUE(by_order.has_value()) << by_order.error().message;
  EXPECT_EQ(by_order->booking.id, booked->booking.id);
  ASSERT_EQ(by_order->history.size(), 1u);
  EXPECT_EQ(by_order->history[0].action, "book");
  EXPECT_THAT(EventTypes(), ::testing::Contains("appointment.booked"));

  auto available = appointments.Available(agent_, RepairService(), account_.district_id, 0, 0);
  ASSERT_TRUE(available.has_value()) << available.error().message;
  ASSERT_FALSE(available->slots.empty());
  EXPECT_EQ(available->slots[0].id, slots[0].id);
  EXPECT_EQ(available->slots[0].remaining(), 1);
}

TEST_P(AppointmentContract, ConcurrentBookingsNeverOverbookASlot) {
  const auto slots = Slots(3);
  constexpr int kThreads = 8;
  std::atomic<int> booked{0};
  std::atomic<int> full{0};
  std::atomic<int> other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&] {
      auto result = Book(slots[0].id);
      if (result) {
        ++booked;
      } else if (result.error().code == ErrorCode::kConflict) {
        ++full;
      } else {
        ++other;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(booked.load(), 3);
  EXPECT_EQ(full.load(), kThreads - 3);
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(SlotNow(slots[0].id).booked, 3);
  auto listed = appointments.List(agent_, {.slot_id = slots[0].id});
  ASSERT_TRUE(listed.has_value());
  EXPECT_EQ(listed->total, 3);
}

TEST_P(AppointmentContract, ReschedulingMovesTheSeatAndCancellingFreesItAndTheOrder) {
  const auto slots = Slots(1);
  auto booked = Book(slots[0].id);
  ASSERT_TRUE(booked.has_value()) << booked.error().message;
  auto full = Book(slots[0].id);
  ASSERT_FALSE(full.has_value());
  EXPECT_EQ(full.error().code, ErrorCode::kConflict);
  EXPECT_THAT(full.error().message, HasSubstr("full"));

  auto moved = appointments.Reschedule(agent_, booked->booking.id, slots[2].id, "客户改到下午",
                                       booked->booking.version);
  ASSERT_TRUE(moved.has_value()) << moved.error().message;
  EXPECT_EQ(moved->booking.state, BookingState::kBooked);
  EXPECT_EQ(moved->booking.slot_id, slots[2].id);
  EXPECT_EQ(moved->booking.starts_at, slots[2].starts_at);
  EXPECT_EQ(moved->booking.reschedule_count, 1);
  EXPECT_EQ(SlotNow(slots[0].id).booked, 0);
  EXPECT_EQ(SlotNow(slots[2].id).booked, 1);
  ASSERT_EQ(moved->history.size(), 2u);
  EXPECT_EQ(moved->history[1].from_slot_id, slots[0].id);

  auto stale = appointments.Cancel(agent_, booked->booking.id, "", booked->booking.version);
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);

  auto cancelled = appointments.Cancel(agent_, booked->booking.id, "不需要了", std::nullopt);
  ASSERT_TRUE(cancelled.has_value()) << cancelled.error().message;
  EXPECT_EQ(cancelled->booking.state, BookingState::kCancelled);
  EXPECT_EQ(cancelled->order_state, WorkOrderState::kCancelled);
  EXPECT_EQ(SlotNow(slots[2].id).booked, 0);

  auto again = appointments.Cancel(agent_, booked->booking.id, "", std::nullopt);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_THAT(again.error().message, HasSubstr("cancelled"));
  EXPECT_THAT(EventTypes(),
              ::testing::ElementsAre("appointment.slots_created", "appointment.booked",
                                     "appointment.rescheduled", "appointment.cancelled"));
}

TEST_P(AppointmentContract, TheBookingFollowsItsWorkOrder) {
  const auto slots = Slots(2);
  auto first = Book(slots[0].id);
  auto second = Book(slots[0].id);
  ASSERT_TRUE(first.has_value() && second.has_value());

  const std::int64_t order_id = first->booking.work_order_id;
  ASSERT_TRUE(orders
                  .Act(dispatcher_, order_id,
                       {.action = WorkOrderAction::kDispatch, .department_id = company_.id})
                  .has_value());
  auto resolved = orders.Act(dispatcher_, order_id, {.action = WorkOrderAction::kResolve});
  ASSERT_TRUE(resolved.has_value()) << resolved.error().message;
  auto done = appointments.Get(agent_, first->booking.id);
  ASSERT_TRUE(done.has_value());
  EXPECT_EQ(done->booking.state, BookingState::kDone);
  EXPECT_EQ(SlotNow(slots[0].id).booked, 2) << "a visit done keeps its seat";
  auto late = appointments.Cancel(agent_, first->booking.id, "", std::nullopt);
  ASSERT_FALSE(late.has_value());
  EXPECT_THAT(late.error().message, HasSubstr("done"));

  auto cancelled = orders.Act(dispatcher_, second->booking.work_order_id,
                              {.action = WorkOrderAction::kCancel, .note = "重复预约"});
  ASSERT_TRUE(cancelled.has_value()) << cancelled.error().message;
  auto followed = appointments.Get(agent_, second->booking.id);
  ASSERT_TRUE(followed.has_value());
  EXPECT_EQ(followed->booking.state, BookingState::kCancelled);
  EXPECT_EQ(SlotNow(slots[0].id).booked, 1);
}

TEST_P(AppointmentContract, AServiceThatNeedsPapersGivesGuidanceAndCannotBeBooked) {
  const auto slots = Slots(2);
  const std::string papers = std::string(UtilityCode(account_.utility)) + ".renovation";
  auto available = appointments.Available(agent_, papers, account_.district_id, 0, 0);
  ASSERT_TRUE(available.has_value()) << available.error().message;
  EXPECT_FALSE(available->service->bookable);
  EXPECT_TRUE(available->slots.empty());
  ASSERT_TRUE(available->service->guidance.has_value());
  EXPECT_FALSE(available->service->guidance->bring.empty());

  auto refused = appointments.Book(
      agent_, {.account_no = account_.account_no, .service = papers, .slot_id = slots[0].id});
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  EXPECT_THAT(refused.error().message, HasSubstr("papers"));
  EXPECT_EQ(SlotNow(slots[0].id).booked, 0);

  auto unknown = appointments.Book(
      agent_, {.account_no = account_.account_no, .service = "water.teleport", .slot_id = 1});
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().field, "service");
}

TEST_P(AppointmentContract, ThePortalBooksOnlyWithTheLastFourDigitsOfTheHoldersPhone) {
  const auto slots = Slots(2);
  const std::string phone = customer_.phones.front();
  const std::string last4 = phone.substr(phone.size() - 4);
  const std::string wrong = last4 == "0000" ? "1111" : "0000";

  auto refused = appointments.PublicBook(account_.account_no, wrong, RepairService(), slots[0].id);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kNotFound);
  auto unknown = appointments.PublicBook("NO-SUCH-ACCOUNT", last4, RepairService(), slots[0].id);
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().message, refused.error().message) << "the same answer for both";
  EXPECT_EQ(SlotNow(slots[0].id).booked, 0);

  auto booked = appointments.PublicBook(account_.account_no, last4, RepairService(), slots[0].id);
  ASSERT_TRUE(booked.has_value()) << booked.error().message;
  EXPECT_EQ(booked->booking.channel, BookingChannel::kPortal);
  EXPECT_EQ(booked->booking.created_by, 0);

  auto available = appointments.PublicAvailable(account_.account_no, RepairService());
  ASSERT_TRUE(available.has_value()) << available.error().message;
  EXPECT_EQ(available->district_id, account_.district_id);
  EXPECT_EQ(available->slots.front().remaining(), 1);
}

TEST_P(AppointmentContract, BookingsOutsideTheCallersAreaAreNotFound) {
  const auto slots = Slots(2);
  auto booked = Book(slots[0].id);
  ASSERT_TRUE(booked.has_value()) << booked.error().message;
  Principal elsewhere = agent_;
  elsewhere.scope = DataScope::Districts({account_.district_id + 100000});
  auto hidden = appointments.Get(elsewhere, booked->booking.id);
  ASSERT_FALSE(hidden.has_value());
  EXPECT_EQ(hidden.error().code, ErrorCode::kNotFound);
  auto listed = appointments.List(elsewhere, {});
  ASSERT_TRUE(listed.has_value());
  EXPECT_EQ(listed->total, 0);
  auto book = appointments.Book(
      elsewhere,
      {.account_no = account_.account_no, .service = RepairService(), .slot_id = slots[1].id});
  ASSERT_FALSE(book.has_value());
  EXPECT_EQ(book.error().field, "account_no");
}

}  // namespace

LIFELINE_ON_BOTH_BACKENDS(AppointmentContract);

}  // namespace lifeline::testing
