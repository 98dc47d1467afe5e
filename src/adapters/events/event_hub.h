// Delivers committed domain events to live subscribers (WebSocket sessions, long polls).
//
// The hub tails the outbox by id. It keeps the most recent events in memory, so subscribers
// that are keeping up are served without touching the database; one that fell behind (or
// reconnects with an old cursor) reads the gap from the outbox and then joins the live tail.
// Nothing is pushed into unbounded buffers: subscribers pull when they are ready, which makes
// a slow client cost memory of its own only.
//
// The tail advances when a local commit wrote events (SqlStore's callback), when another node
// did (PostgreSQL NOTIFY), and on a slow poll as a safety net.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/events/domain_event.h"
#include "core/events/topic_access.h"
#include "core/ports/store.h"

namespace lifeline::events {

struct EventFilter {
  std::vector<std::string> topics;  // empty: every topic
  // The subscriber: events of personal topics (a user's notifications) reach only them.
  std::int64_t user_id = 0;
  bool Matches(const StoredEvent& event) const;
};

class EventHub {
 public:
  EventHub(Store& store, std::size_t memory_capacity = 10'000,
           std::chrono::milliseconds poll_interval = std::chrono::seconds(1));
  ~EventHub();
  EventHub(const EventHub&) = delete;
  EventHub& operator=(const EventHub&) = delete;

  // Reads the newest id so the tail starts at the end, and starts the tail thread.
  [[nodiscard]] Status Start();
  void Stop();

  // New events may exist: advance the tail soon. Cheap and thread-safe; calls coalesce.
  void Notify();

  struct Batch {
    std::vector<StoredEvent> events;
    // Where the next Fetch should start: past every event examined, matching or not, so a
    // subscriber to a quiet topic does not rescan the busy ones.
    std::int64_t cursor = 0;
  };

  // Up to `limit` events with id > after that match `filter`, oldest first. Blocking (may read
  // the database): call it on a worker thread.
  [[nodiscard]] Result<Batch> Fetch(std::int64_t after, const EventFilter& filter, int limit);

  // Calls `wake` once, from the tail thread, as soon as an event with id > after is committed
  // (at once if one already is), or when the hub stops. Returns a ticket for Cancel.
  std::uint64_t WaitAfter(std::int64_t after, std::function<void()> wake);
  void Cancel(std::uint64_t ticket);

  std::int64_t latest_id() const;
  bool stopped() const;
  std::size_t waiting() const;

 private:
  struct Waiter {
    std::uint64_t ticket;
    std::int64_t after;
    std::function<void()> wake;
  };

  void TailLoop();
  Status AdvanceTail();
  void WakeWaiters();

  Store& store_;
  const std::size_t capacity_;
  const std::chrono::milliseconds poll_interval_;

  mutable std::mutex mutex_;
  std::condition_variable tail_signal_;
  bool notified_ = false;
  bool stopping_ = false;
  std::int64_t latest_id_ = 0;
  // Every event with floor_ < id <= latest_id_ is in recent_, in id order.
  std::int64_t floor_ = 0;
  std::deque<StoredEvent> recent_;
  std::vector<Waiter> waiters_;
  std::uint64_t next_ticket_ = 1;
  std::thread tail_;
};

}  // namespace lifeline::events
