// The post-commit sequencer of ADR 0002 (PostgreSQL). A write stages its audit records and
// events in audit_pending / outbox_pending without any lock and commits — so concurrent commits
// share their WAL flushes — then calls Sync, which returns once everything staged before the
// call has been moved into audit_log (ids and hash links from audit_head) and outbox (ids in
// staging order), by one transaction under the sequencing lock. Writers waiting at the same
// time are served by the same run: one lock, one flush for the lot.
//
// SQLite does not need it: its single writer appends to the chain and the outbox directly.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>

#include "adapters/storage/db.h"
#include "core/ports/digest.h"

namespace lifeline::storage {

class Sequencer {
 public:
  Sequencer(Db& db, const Digest& digest) : db_(db), digest_(digest) {}

  // Call after committing staged records. Returns true when the run this call made moved any
  // events (the caller then wakes the event hub), false when another caller's run did or there
  // were none. An error leaves the records staged for the next run; behind() then says so.
  [[nodiscard]] Result<bool> Sync();
  // True until a run has succeeded since the last failure (and before the first run, which
  // also sequences what a crashed process left staged).
  bool behind() const;

 private:
  // One transaction: lock, the staged audit records into the chain, the staged events into the
  // outbox, NOTIFY, COMMIT.
  Result<bool> RunOnce();

  Db& db_;
  const Digest& digest_;
  mutable std::mutex mutex_;
  std::condition_variable finished_;
  std::uint64_t requested_ = 0;    // tickets handed out, one per Sync
  std::uint64_t completed_ = 0;    // every ticket up to this one is sequenced
  std::uint64_t failed_upto_ = 0;  // tickets whose run failed (they return its error)
  Error failure_;
  bool running_ = false;
  bool behind_ = true;
};

}  // namespace lifeline::storage
