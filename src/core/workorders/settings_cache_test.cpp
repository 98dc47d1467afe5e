#include "core/workorders/settings_cache.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/workorders/deadline_policy.h"
#include "tests/support/fake_clock.h"

namespace lifeline {
namespace {

using ::testing::Return;

// The store's side: a mock read, so each test says what the store answers and how often.
class SettingsSource {
 public:
  MOCK_METHOD(Result<DeadlineSettings>, LoadSettings, ());
  auto Loader() {
    return [this] { return LoadSettings(); };
  }
};

DeadlineSettings WithOpenMinute(int minute) {
  DeadlineSettings settings;
  settings.calendar.open_minute = minute;
  return settings;
}

TEST(SettingsCache, ReadsTheStoreOncePerMaxAge) {
  testing::FakeClock clock;
  SettingsCache<DeadlineSettings> cache(clock, 10 * kSecondMs);
  SettingsSource repository;
  auto load = repository.Loader();
  EXPECT_CALL(repository, LoadSettings())
      .WillOnce(Return(WithOpenMinute(480)))
      .WillOnce(Return(WithOpenMinute(540)));
  EXPECT_EQ((*cache.Get(load))->calendar.open_minute, 480);
  clock.Advance(9 * kSecondMs);
  EXPECT_EQ((*cache.Get(load))->calendar.open_minute, 480);  // still fresh
  clock.Advance(1 * kSecondMs);
  EXPECT_EQ((*cache.Get(load))->calendar.open_minute, 540);  // aged out: read again
}

TEST(SettingsCache, InvalidateForcesTheNextRead) {
  testing::FakeClock clock;
  SettingsCache<DeadlineSettings> cache(clock);
  SettingsSource repository;
  auto load = repository.Loader();
  EXPECT_CALL(repository, LoadSettings())
      .WillOnce(Return(WithOpenMinute(480)))
      .WillOnce(Return(WithOpenMinute(600)));
  EXPECT_EQ((*cache.Get(load))->calendar.open_minute, 480);
  cache.Invalidate();
  EXPECT_EQ((*cache.Get(load))->calendar.open_minute, 600);
}

TEST(SettingsCache, AFailedReadIsPassedOnAndNotKept) {
  testing::FakeClock clock;
  SettingsCache<DeadlineSettings> cache(clock);
  SettingsSource repository;
  auto load = repository.Loader();
  EXPECT_CALL(repository, LoadSettings())
      .WillOnce(Return(Fail(Error::Unavailable("database busy"))))
      .WillOnce(Return(WithOpenMinute(480)));
  auto failed = cache.Get(load);
  ASSERT_FALSE(failed.has_value());
  EXPECT_EQ(failed.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ((*cache.Get(load))->calendar.open_minute, 480);
}

TEST(SettingsCache, AClockSteppedBackDoesNotKeepAStaleCopyForever) {
  testing::FakeClock clock;
  SettingsCache<DeadlineSettings> cache(clock);
  SettingsSource repository;
  auto load = repository.Loader();
  EXPECT_CALL(repository, LoadSettings())
      .WillOnce(Return(WithOpenMinute(480)))
      .WillOnce(Return(WithOpenMinute(500)));
  EXPECT_EQ((*cache.Get(load))->calendar.open_minute, 480);
  clock.Advance(-kHourMs);
  EXPECT_EQ((*cache.Get(load))->calendar.open_minute, 500);
}

}  // namespace
}  // namespace lifeline
