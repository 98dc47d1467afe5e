#pragma once

#include "adapters/storage/db.h"
#include "core/ports/audit_repository.h"
#include "core/ports/digest.h"

namespace lifeline::storage {

class SqlAuditRepository final : public AuditRepository {
 public:
  SqlAuditRepository(Connection& connection, const Digest& digest)
      : connection_(connection), digest_(digest) {}
  Status Append(const AuditActor& actor, const AuditEntry& entry, TimeMs at) override;
  Result<std::vector<AuditRecord>> Search(const AuditQuery& query) override;
  Status ForEach(FunctionRef<Status(const AuditRecord&)> visit) override;
  Result<AuditHead> Head() override;

 private:
  Connection& connection_;
  const Digest& digest_;
};

}  // namespace lifeline::storage
