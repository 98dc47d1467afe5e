#pragma once

#include <vector>

#include "adapters/storage/db.h"
#include "core/ports/audit_repository.h"
#include "core/ports/digest.h"

namespace lifeline::storage {

// Appends are held here until the store flushes them just before COMMIT, with the events,
// under the sequencing lock (ADR 0002): the chain's ids and links are assigned then.
class SqlAuditRepository final : public AuditRepository {
 public:
  SqlAuditRepository(Connection& connection, const Digest& digest)
      : connection_(connection), digest_(digest) {}
  Status Append(const AuditActor& actor, const AuditEntry& entry, TimeMs at) override;
  Result<std::vector<AuditRecord>> Search(const AuditQuery& query) override;
  Status ForEach(FunctionRef<Status(const AuditRecord&)> visit) override;
  Result<AuditHead> Head() override;

  bool has_pending() const { return !pending_.empty(); }
  // Takes the sequencing lock and writes the held records, linked to the head; called by the
  // store inside the transaction, before the events and COMMIT (SQLite), and by the sequencer.
  Status Flush();
  // PostgreSQL: writes the held records to audit_pending, without the lock (ADR 0002).
  Status Stage();
  // The sequencer: takes every committed staged record, in staging order, as held records for
  // Flush. Returns how many.
  Result<std::size_t> TakeStaged();

 private:
  Status InsertPending();
  Status InsertPendingInBulk();

  Connection& connection_;
  const Digest& digest_;
  std::vector<AuditRecord> pending_;
};

}  // namespace lifeline::storage
