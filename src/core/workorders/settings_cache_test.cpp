#include "core/workorders/settings_cache.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/fake_clock.h"

namespace lifeline {
namespace {

using ::testing::Return;

// Only LoadSettings matters here; the rest of the port is never called.
class SettingsOnlyRepository : public WorkOrderRepository {
 public:
  MOCK_METHOD(Result<DeadlineSettings>, LoadSettings, (), (override));
  Result<std::int64_t> Insert(const WorkOrder&) override { return Unused<std::int64_t>(); }
  Result<WorkOrder> FindById(std::int64_t) override { return Unused<WorkOrder>(); }
  Result<WorkOrder> FindByTrackingCode(std::string_view) override { return Unused<WorkOrder>(); }
  Status Update(const WorkOrder&, std::int64_t) override { return Unused<void>(); }
  Result<std::int64_t> AppendTransition(const WorkOrderTransition&) override {
    return Unused<std::int64_t>();
  }
  Result<std::vector<WorkOrderTransition>> History(std::int64_t) override {
    return Unused<std::vector<WorkOrderTransition>>();
  }
  Result<WorkOrderPage> List(const WorkOrderFilter&) override { return Unused<WorkOrderPage>(); }
  Result<std::vector<WorkOrder>> Children(std::int64_t) override {
    return Unused<std::vector<WorkOrder>>();
  }
  Result<std::vector<WorkOrder>> NewlyOverdue(TimeMs, std::int64_t) override {
    return Unused<std::vector<WorkOrder>>();
  }
  Status SaveSettings(const DeadlineSettings&, std::int64_t, TimeMs) override {
    return Unused<void>();
  }

 private:
  template <class T>
  static Result<T> Unused() {
    ADD_FAILURE() << "not part of this test";
    return Fail(Error::Internal("unused"));
  }
};

DeadlineSettings WithOpenMinute(int minute) {
  DeadlineSettings settings;
  settings.calendar.open_minute = minute;
  return settings;
}

TEST(SettingsCache, ReadsTheStoreOncePerMaxAge) {
  testing::FakeClock clock;
  SettingsCache cache(clock, 10 * kSecondMs);
  SettingsOnlyRepository repository;
  EXPECT_CALL(repository, LoadSettings())
      .WillOnce(Return(WithOpenMinute(480)))
      .WillOnce(Return(WithOpenMinute(540)));
  EXPECT_EQ((*cache.Get(repository))->calendar.open_minute, 480);
  clock.Advance(9 * kSecondMs);
  EXPECT_EQ((*cache.Get(repository))->calendar.open_minute, 480);  // still fresh
  clock.Advance(1 * kSecondMs);
  EXPECT_EQ((*cache.Get(repository))->calendar.open_minute, 540);  // aged out: read again
}

TEST(SettingsCache, InvalidateForcesTheNextRead) {
  testing::FakeClock clock;
  SettingsCache cache(clock);
  SettingsOnlyRepository repository;
  EXPECT_CALL(repository, LoadSettings())
      .WillOnce(Return(WithOpenMinute(480)))
      .WillOnce(Return(WithOpenMinute(600)));
  EXPECT_EQ((*cache.Get(repository))->calendar.open_minute, 480);
  cache.Invalidate();
  EXPECT_EQ((*cache.Get(repository))->calendar.open_minute, 600);
}

TEST(SettingsCache, AFailedReadIsPassedOnAndNotKept) {
  testing::FakeClock clock;
  SettingsCache cache(clock);
  SettingsOnlyRepository repository;
  EXPECT_CALL(repository, LoadSettings())
      .WillOnce(Return(Fail(Error::Unavailable("database busy"))))
      .WillOnce(Return(WithOpenMinute(480)));
  auto failed = cache.Get(repository);
  ASSERT_FALSE(failed.has_value());
  EXPECT_EQ(failed.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ((*cache.Get(repository))->calendar.open_minute, 480);
}

TEST(SettingsCache, AClockSteppedBackDoesNotKeepAStaleCopyForever) {
  testing::FakeClock clock;
  SettingsCache cache(clock);
  SettingsOnlyRepository repository;
  EXPECT_CALL(repository, LoadSettings())
      .WillOnce(Return(WithOpenMinute(480)))
      .WillOnce(Return(WithOpenMinute(500)));
  EXPECT_EQ((*cache.Get(repository))->calendar.open_minute, 480);
  clock.Advance(-kHourMs);
  EXPECT_EQ((*cache.Get(repository))->calendar.open_minute, 500);
}

}  // namespace
}  // namespace lifeline
