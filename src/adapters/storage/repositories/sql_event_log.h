#pragma once

#include <vector>

#include "adapters/storage/db.h"
#include "core/ports/event_log.h"

namespace lifeline::storage {

// Reads the outbox; events emitted in a transaction are held here until the store flushes them
// just before COMMIT (under the sequencing lock, so ids become visible in order).
class SqlEventLog final : public EventLog {
 public:
  explicit SqlEventLog(Connection& connection) : connection_(connection) {}
  void Emit(DomainEvent event) override { pending_.push_back(std::move(event)); }
  Result<std::vector<StoredEvent>> ReadAfter(std::int64_t after,
                                             const std::vector<std::string>& topics,
                                             int limit) override;
  Result<std::int64_t> LatestId() override;

  bool has_pending() const { return !pending_.empty(); }
  // Writes the pending events; called by the store inside the transaction, before COMMIT.
  Status Flush(TimeMs at);
  // PostgreSQL: writes the pending events to outbox_pending, without the lock (ADR 0002).
  Status Stage(TimeMs at);
  // The sequencer, under the lock: moves every committed staged event into the outbox, ids in
  // staging order after the outbox's last. Returns how many.
  Result<std::int64_t> SequenceStaged();

 private:
  // The pending events, two per `two` statement (one round trip each) and a last one by `one`.
  Status WritePending(TimeMs at, const Query& one, const Query& two);

  Connection& connection_;
  std::vector<DomainEvent> pending_;
};

}  // namespace lifeline::storage
