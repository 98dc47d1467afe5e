// Writes that arrive together share one transaction (docs/design/storage.md, "Group commit on
// SQLite"). This class only queues and hands over: the thread whose write finds no batch
// running becomes the leader, takes the queue (up to `max_batch` writes) and runs it through
// `run_batch`; the other threads sleep until their write is done. Writes that arrive while a
// batch runs form the next one, so a write alone is a batch of one and waits for nothing.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <span>

#include "core/common/function_ref.h"
#include "core/ports/store.h"

namespace lifeline::storage {

class GroupCommit {
 public:
  // One write: what to run and, once its batch is over, how it ended.
  struct Entry {
    explicit Entry(FunctionRef<Status(StoreSession&)> w) : work(w) {}

    FunctionRef<Status(StoreSession&)> work;
    Status status;
    bool events = false;        // its events reached the outbox
    std::exception_ptr thrown;  // what `work` threw, rethrown on the writer's own thread
    bool taken = false;         // in a running batch (guarded by the queue's mutex)
    bool done = false;          // its batch is over (guarded by the queue's mutex)
  };
  // Runs the batch and sets every entry's status, events and thrown; never throws.
  using RunBatch = std::function<void(std::span<Entry* const>)>;

  GroupCommit(RunBatch run_batch, std::size_t max_batch, std::chrono::milliseconds max_wait)
      : run_batch_(std::move(run_batch)), max_batch_(max_batch), max_wait_(max_wait) {}

  // Returns when the write has committed with its batch or failed. Fails with kUnavailable
  // when no batch took it within `max_wait`, and with kInternal when called from inside a
  // batch (a write nested in another would wait for itself).
  Status Submit(Entry& entry);
  // Writes waiting for a batch (not those running).
  std::size_t Queued();

 private:
  // With the mutex held and no batch running: runs the front of the queue.
  void Lead(std::unique_lock<std::mutex>& lock);

  const RunBatch run_batch_;
  const std::size_t max_batch_;
  const std::chrono::milliseconds max_wait_;
  std::mutex mutex_;
  std::condition_variable batch_over_;
  std::deque<Entry*> queue_;
  bool leading_ = false;  // a batch is running
};

}  // namespace lifeline::storage
