#include "adapters/events/event_hub.h"

#include <algorithm>

namespace lifeline::events {

namespace {
constexpr int kTailBatch = 1000;
}

bool EventFilter::Matches(const StoredEvent& event) const {
  if (!topics.empty() && std::ranges::find(topics, event.topic) == topics.end()) return false;
  return DeliverableTo(event, user_id);
}

EventHub::EventHub(Store& store, std::size_t memory_capacity,
                   std::chrono::milliseconds poll_interval)
    : store_(store), capacity_(memory_capacity), poll_interval_(poll_interval) {}

EventHub::~EventHub() {
  Stop();
}

Status EventHub::Start() {
  std::int64_t latest = 0;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto id = session.Events().LatestId();
    if (!id) return Fail(id.error());
    latest = *id;
    return Ok();
  });
  if (!read) return read;
  {
    std::lock_guard lock(mutex_);
    latest_id_ = floor_ = latest;
  }
  tail_ = std::thread([this] { TailLoop(); });
  return Ok();
}

void EventHub::Stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
  }
  tail_signal_.notify_all();
  if (tail_.joinable()) tail_.join();
  WakeWaiters();  // everyone still waiting learns that the hub is gone
}

void EventHub::Notify() {
  {
    std::lock_guard lock(mutex_);
    notified_ = true;
  }
  tail_signal_.notify_one();
}

void EventHub::TailLoop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    tail_signal_.wait_for(lock, poll_interval_, [&] { return notified_ || stopping_; });
    if (stopping_) break;
    notified_ = false;
    lock.unlock();
    // A failed read (database briefly unavailable) is retried on the next notify or poll.
    (void)AdvanceTail();
    WakeWaiters();
    lock.lock();
  }
}

Status EventHub::AdvanceTail() {
  for (;;) {
    std::int64_t after = 0;
    {
      std::lock_guard lock(mutex_);
      after = latest_id_;
    }
    std::vector<StoredEvent> batch;
    Status read = store_.Read([&](StoreSession& session) -> Status {
      auto events = session.Events().ReadAfter(after, {}, kTailBatch);
      if (!events) return Fail(events.error());
      batch = std::move(*events);
      return Ok();
    });
    if (!read) return read;
    if (batch.empty()) return Ok();
    {
      std::lock_guard lock(mutex_);
      for (StoredEvent& event : batch) recent_.push_back(std::move(event));
      latest_id_ = recent_.back().id;
      while (recent_.size() > capacity_) {
        floor_ = recent_.front().id;
        recent_.pop_front();
      }
    }
    if (static_cast<int>(batch.size()) < kTailBatch) return Ok();
  }
}

void EventHub::WakeWaiters() {
  std::vector<std::function<void()>> ready;
  {
    std::lock_guard lock(mutex_);
    auto due = [&](const Waiter& w) { return stopping_ || w.after < latest_id_; };
    for (Waiter& waiter : waiters_) {
      if (due(waiter)) ready.push_back(std::move(waiter.wake));
    }
    std::erase_if(waiters_, [&](const Waiter& w) { return !w.wake; });
  }
  // Called outside the lock: a wake-up may call straight back into the hub.
  for (auto& wake : ready) wake();
}

Result<EventHub::Batch> EventHub::Fetch(std::int64_t after, const EventFilter& filter, int limit) {
  Batch batch;
  batch.cursor = after;
  std::int64_t latest_before_read = 0;
  {
    std::lock_guard lock(mutex_);
    if (after >= floor_) {
      auto it = std::ranges::upper_bound(recent_, after, {}, &StoredEvent::id);
      for (; it != recent_.end() && static_cast<int>(batch.events.size()) < limit; ++it) {
        if (filter.Matches(*it)) batch.events.push_back(*it);
        batch.cursor = it->id;
      }
      if (it == recent_.end()) batch.cursor = std::max(after, latest_id_);
      return batch;
    }
    latest_before_read = latest_id_;
  }
  // Behind the memory window: read the gap from the outbox. It may return events newer than
  // the tail has seen, which is fine: ids only grow.
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto events = session.Events().ReadAfter(after, filter.topics, limit);
    if (!events) return Fail(events.error());
    batch.events = std::move(*events);
    return Ok();
  });
  if (!read) return Fail(read.error());
  if (!batch.events.empty()) batch.cursor = batch.events.back().id;
  // A short page means every matching event up to the read is here, and the tail's position
  // taken before the read is certainly committed: nothing matching lies in between.
  if (static_cast<int>(batch.events.size()) < limit) {
    batch.cursor = std::max(batch.cursor, latest_before_read);
  }
  // Personal topics: the read matched the topic, the filter also checks the recipient.
  std::erase_if(batch.events, [&](const StoredEvent& event) { return !filter.Matches(event); });
  return batch;
}

std::uint64_t EventHub::WaitAfter(std::int64_t after, std::function<void()> wake) {
  std::unique_lock lock(mutex_);
  const std::uint64_t ticket = next_ticket_++;
  if (stopping_ || after < latest_id_) {
    lock.unlock();
    wake();
    return ticket;
  }
  waiters_.push_back({ticket, after, std::move(wake)});
  return ticket;
}

void EventHub::Cancel(std::uint64_t ticket) {
  std::lock_guard lock(mutex_);
  std::erase_if(waiters_, [&](const Waiter& w) { return w.ticket == ticket; });
}

std::int64_t EventHub::latest_id() const {
  std::lock_guard lock(mutex_);
  return latest_id_;
}

bool EventHub::stopped() const {
  std::lock_guard lock(mutex_);
  return stopping_;
}

std::size_t EventHub::waiting() const {
  std::lock_guard lock(mutex_);
  return waiters_.size();
}

}  // namespace lifeline::events
