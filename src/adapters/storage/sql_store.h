// The core's Store over a Db: transactions, repositories bound to them, and the outbox flush.
//
// Audit records and events emitted during a write are held until just before COMMIT (ADR 0002).
// SQLite then appends them to the audit chain and the outbox; PostgreSQL stages them without a
// lock, commits, and has the sequencer move them into the chain and the outbox before Write
// returns. The store calls `on_events_committed` once events are in the outbox, so the event
// hub can deliver them at once instead of waiting for its next poll.
#pragma once

#include <functional>

#include "adapters/crypto/pii_cipher.h"
#include "adapters/storage/db.h"
#include "adapters/storage/sequencer.h"
#include "core/ports/clock.h"
#include "core/ports/digest.h"
#include "core/ports/store.h"

namespace lifeline::storage {

inline constexpr std::string_view kEventsChannel = "lifeline_events";

class SqlStore final : public Store {
 public:
  SqlStore(Db& db, const crypto::PiiCipher& cipher, const Digest& digest, const Clock& clock)
      : db_(db), cipher_(cipher), digest_(digest), clock_(clock), sequencer_(db, digest) {}

  // Set once, before the store is shared between threads.
  void SetOnEventsCommitted(std::function<void()> callback) {
    on_events_committed_ = std::move(callback);
  }

  Status Write(FunctionRef<Status(StoreSession&)> work) override;
  Status Read(FunctionRef<Status(StoreSession&)> work) override;

 private:
  struct Written {
    bool events = false;  // events reached the outbox
    bool staged = false;  // audit records or events wait for the sequencer (PostgreSQL)
  };
  Status WriteOnce(FunctionRef<Status(StoreSession&)> work, Written& written);
  bool Sequence();
  bool postgres() const { return db_.dialect() == Dialect::kPostgres; }

  Db& db_;
  const crypto::PiiCipher& cipher_;
  const Digest& digest_;
  const Clock& clock_;
  std::function<void()> on_events_committed_;
  Sequencer sequencer_;
};

}  // namespace lifeline::storage
