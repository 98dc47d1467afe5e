// The outbox and the event hub: events commit with their transaction (or not at all), arrive
// in id order, and a subscriber that falls out of the memory window reads the gap from storage.
#include <gmock/gmock.h>

#include <atomic>

#include "adapters/events/event_hub.h"
#include "tests/contract/backend_test.h"

namespace lifeline::testing {
namespace {

class EventHubContract : public BackendTest {
 protected:
  Status EmitInOneTransaction(const std::vector<std::string>& topics, bool commit = true) {
    return services.store.Write([&](StoreSession& session) -> Status {
      for (const std::string& topic : topics) {
        session.Events().Emit({topic, topic + ".changed", topic + "/1", {{"n", std::int64_t{1}}}});
      }
      if (!commit) return Fail(Error::Conflict("changed my mind"));
      return Ok();
    });
  }
};

TEST_P(EventHubContract, EventsCommitWithTheirTransactionOrNotAtAll) {
  ASSERT_FALSE(EmitInOneTransaction({"user", "user"}, /*commit=*/false).has_value());
  ASSERT_TRUE(EmitInOneTransaction({"user", "org"}).has_value());
  events::EventHub hub(services.store, 100, std::chrono::hours(1));
  ASSERT_TRUE(hub.Start().has_value());  // starts at the end: older events come from storage
  auto batch = hub.Fetch(0, {}, 10);
  ASSERT_TRUE(batch.has_value());
  ASSERT_EQ(batch->events.size(), 2u);
  EXPECT_EQ(batch->events[0].topic, "user");
  EXPECT_EQ(batch->events[1].topic, "org");
  EXPECT_LT(batch->events[0].id, batch->events[1].id);
  EXPECT_EQ(batch->events[0].data_json, R"({"n":1})");
}

TEST_P(EventHubContract, WaitersWakeWhenTheTailMovesAndFiltersSkipOtherTopics) {
  events::EventHub hub(services.store, 100, std::chrono::hours(1));
  ASSERT_TRUE(hub.Start().has_value());
  services.store.SetOnEventsCommitted([&hub] { hub.Notify(); });
  std::atomic<int> woken{0};
  hub.WaitAfter(hub.latest_id(), [&] { ++woken; });
  ASSERT_TRUE(EmitInOneTransaction({"org", "org", "org", "user"}).has_value());
  for (int i = 0; i < 1000 && woken == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  EXPECT_EQ(woken, 1);
  auto users = hub.Fetch(0, {{"user"}}, 10);
  ASSERT_TRUE(users.has_value());
  ASSERT_EQ(users->events.size(), 1u);
  EXPECT_EQ(users->events[0].topic, "user");
  EXPECT_EQ(users->cursor, hub.latest_id());  // past every org event, matching or not
}

TEST_P(EventHubContract, ASubscriberBehindTheMemoryWindowReadsTheGapFromStorage) {
  events::EventHub hub(services.store, 3, std::chrono::hours(1));  // keeps only 3 in memory
  ASSERT_TRUE(hub.Start().has_value());
  services.store.SetOnEventsCommitted([&hub] { hub.Notify(); });
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(EmitInOneTransaction({"user"}).has_value());
  std::atomic<bool> caught_up{false};
  hub.WaitAfter(0, [&] { caught_up = true; });
  // Wait (bounded) until the hub has seen the last event, not merely the first: under load the
  // notifications arrive while the test is already reading.
  std::int64_t last = 0;
  ASSERT_TRUE(services.store
                  .Read([&](StoreSession& session) -> Status {
                    auto latest = session.Events().LatestId();
                    if (!latest) return Fail(latest.error());
                    last = *latest;
                    return Ok();
                  })
                  .has_value());
  for (int i = 0; i < 1000 && hub.latest_id() < last; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_EQ(hub.latest_id(), last);
  std::vector<std::int64_t> ids;
  std::int64_t cursor = 0;
  for (int page = 0; page < 20; ++page) {
    auto batch = hub.Fetch(cursor, {}, 4);
    ASSERT_TRUE(batch.has_value());
    for (const StoredEvent& e : batch->events) ids.push_back(e.id);
    if (batch->events.empty()) break;
    cursor = batch->cursor;
  }
  ASSERT_EQ(ids.size(), 10u);
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  EXPECT_TRUE(caught_up);
}

LIFELINE_ON_BOTH_BACKENDS(EventHubContract);

}  // namespace
}  // namespace lifeline::testing
