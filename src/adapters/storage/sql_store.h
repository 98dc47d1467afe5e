// The core's Store over a Db: transactions, repositories bound to them, and the outbox flush.
//
// Audit records and events emitted during a write are held until just before COMMIT (ADR 0002).
// SQLite then appends them to the audit chain and the outbox, and writes that arrive together
// share one transaction, each in its savepoint (group commit); PostgreSQL stages them without a
// lock, commits, and has the sequencer move them into the chain and the outbox before Write
// returns. The store calls `on_events_committed` once events are in the outbox, so the event
// hub can deliver them at once instead of waiting for its next poll.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <span>

#include "adapters/crypto/pii_cipher.h"
#include "adapters/storage/db.h"
#include "adapters/storage/group_commit.h"
#include "adapters/storage/sequencer.h"
#include "core/ports/clock.h"
#include "core/ports/digest.h"
#include "core/ports/store.h"

namespace lifeline::storage {

inline constexpr std::string_view kEventsChannel = "lifeline_events";
// Group commit on SQLite: a batch short enough that its first write does not wait long for the
// last, and a queue that gives up as a borrower of a pooled connection does.
inline constexpr std::size_t kMaxWritesPerBatch = 32;
inline constexpr std::chrono::milliseconds kWriteQueueWait{10'000};

class SqlStore final : public Store {
 public:
  SqlStore(Db& db, const crypto::PiiCipher& cipher, const Digest& digest, const Clock& clock)
      : db_(db),
        cipher_(cipher),
        digest_(digest),
        clock_(clock),
        sequencer_(db, digest),
        group_commit_([this](std::span<GroupCommit::Entry* const> batch) { RunBatch(batch); },
                      kMaxWritesPerBatch, kWriteQueueWait) {}

  // Set once, before the store is shared between threads.
  void SetOnEventsCommitted(std::function<void()> callback) {
    on_events_committed_ = std::move(callback);
  }

  Status Write(FunctionRef<Status(StoreSession&)> work) override;
  Status Read(FunctionRef<Status(StoreSession&)> work) override;

 private:
  Status WriteOnce(FunctionRef<Status(StoreSession&)> work, bool& staged);
  void RunBatch(std::span<GroupCommit::Entry* const> batch);
  Status RunInSavepoint(Connection& conn, GroupCommit::Entry& entry);
  static void FailBatch(std::span<GroupCommit::Entry* const> batch, const Error& error);
  bool Sequence();
  bool postgres() const { return db_.dialect() == Dialect::kPostgres; }

  Db& db_;
  const crypto::PiiCipher& cipher_;
  const Digest& digest_;
  const Clock& clock_;
  std::function<void()> on_events_committed_;
  Sequencer sequencer_;
  GroupCommit group_commit_;  // SQLite
};

}  // namespace lifeline::storage
