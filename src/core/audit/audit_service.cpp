#include "core/audit/audit_service.h"

#include <string>

#include "core/audit/audit_chain.h"

namespace lifeline {

namespace {
constexpr int kMaxPage = 500;
}

Result<std::vector<AuditRecord>> AuditService::Search(const Principal& principal,
                                                      AuditQuery query) {
  if (auto s = principal.Require(Permission::kAuditRead); !s) return Fail(s.error());
  if (query.limit < 1 || query.limit > kMaxPage) {
    return Fail(Error::Invalid("limit", "limit must be between 1 and 500"));
  }
  std::vector<AuditRecord> records;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto found = session.Audit().Search(query);
    if (!found) return Fail(found.error());
    records = std::move(*found);
    return Ok();
  });
  if (!read) return Fail(read.error());
  return records;
}

Result<AuditVerification> AuditService::Verify() {
  AuditChainVerifier verifier(digest_);
  AuditVerification result;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto head = session.Audit().Head();
    if (!head) return Fail(head.error());
    Status walked = session.Audit().ForEach([&](const AuditRecord& record) -> Status {
      if (result.problem) return Ok();  // keep the first problem; the rest follow from it
      result.problem = verifier.Check(record);
      return Ok();
    });
    if (!walked) return walked;
    if (!result.problem && (verifier.last_id() != head->last_id ||
                            (head->last_id != 0 && verifier.last_hash() != head->last_hash))) {
      result.problem = "the log ends at row " + std::to_string(verifier.last_id()) +
                       " but the chain head records row " + std::to_string(head->last_id) +
                       ": rows were removed from the end";
    }
    return Ok();
  });
  if (!read) return Fail(read.error());
  result.rows_checked = verifier.checked();
  return result;
}

}  // namespace lifeline
