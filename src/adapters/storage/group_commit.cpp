#include "adapters/storage/group_commit.h"

#include <algorithm>
#include <vector>

namespace lifeline::storage {

namespace {

// Set on the leader's thread while its batch runs.
thread_local bool running_a_batch = false;

}  // namespace

Status GroupCommit::Submit(Entry& entry) {
  if (running_a_batch) {
    return Fail(Error::Internal("a write was started inside another write"));
  }
  const auto deadline = std::chrono::steady_clock::now() + max_wait_;
  std::unique_lock lock(mutex_);
  queue_.push_back(&entry);
  while (!entry.done) {
    if (!leading_) {
      Lead(lock);
    } else if (entry.taken) {
      batch_over_.wait(lock);
    } else if (batch_over_.wait_until(lock, deadline) == std::cv_status::timeout && !entry.taken &&
               !entry.done) {
      std::erase(queue_, &entry);
      return Fail(Error::Unavailable("database is busy: no write slot within the time-out"));
    }
  }
  lock.unlock();
  if (entry.thrown) std::rethrow_exception(entry.thrown);
  return entry.status;
}

std::size_t GroupCommit::Queued() {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

void GroupCommit::Lead(std::unique_lock<std::mutex>& lock) {
  leading_ = true;
  const auto end =
      queue_.begin() + static_cast<std::ptrdiff_t>(std::min(queue_.size(), max_batch_));
  std::vector<Entry*> batch(queue_.begin(), end);
  queue_.erase(queue_.begin(), end);
  for (Entry* entry : batch) entry->taken = true;
  lock.unlock();
  running_a_batch = true;
  run_batch_(batch);
  running_a_batch = false;
  lock.lock();
  for (Entry* entry : batch) entry->done = true;
  leading_ = false;
  batch_over_.notify_all();
}

}  // namespace lifeline::storage
