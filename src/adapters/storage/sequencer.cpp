#include "adapters/storage/sequencer.h"

#include "adapters/storage/repositories/sql_audit_repository.h"
#include "adapters/storage/repositories/sql_event_log.h"
#include "adapters/storage/sql_store.h"

namespace lifeline::storage {

Result<bool> Sequencer::Sync() {
  std::unique_lock lock(mutex_);
  const std::uint64_t ticket = ++requested_;
  // A run that starts after this ticket was taken starts after the caller's commit, so its
  // statements see the caller's staged rows.
  for (;;) {
    if (completed_ >= ticket) return false;
    if (failed_upto_ >= ticket) return Fail(failure_);
    if (!running_) break;
    finished_.wait(lock);
  }
  running_ = true;
  const std::uint64_t upto = requested_;
  lock.unlock();
  Result<bool> moved = RunOnce();
  lock.lock();
  running_ = false;
  if (moved) {
    completed_ = upto;
    behind_ = false;
  } else {
    failed_upto_ = upto;
    failure_ = moved.error();
    behind_ = true;
  }
  finished_.notify_all();
  return moved;
}

bool Sequencer::behind() const {
  std::lock_guard lock(mutex_);
  return behind_;
}

Result<bool> Sequencer::RunOnce() {
  auto connection = db_.Acquire(Access::kWrite);
  if (!connection) return Fail(connection.error());
  Connection& conn = **connection;
  if (auto s = conn.Begin(); !s) return Fail(s.error());
  bool moved_events = false;
  Status status = conn.LockSequencedWrites();
  if (status) {
    SqlAuditRepository audit(conn, digest_);
    auto taken = audit.TakeStaged();
    if (!taken) status = Fail(taken.error());
    if (status && *taken > 0) status = audit.Flush();
  }
  if (status) {
    SqlEventLog events(conn);
    auto moved = events.SequenceStaged();
    if (!moved) status = Fail(moved.error());
    moved_events = status && *moved > 0;
  }
  if (status && moved_events) status = conn.NotifyOnCommit(kEventsChannel);
  if (status) status = conn.Commit();
  if (!status) {
    (void)conn.Rollback();
    return Fail(status.error());
  }
  return moved_events;
}

}  // namespace lifeline::storage
