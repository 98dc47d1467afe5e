#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/audit/audit_entry.h"
#include "core/common/error.h"
#include "core/common/function_ref.h"

namespace lifeline {

// Who an audit record is attributed to.
struct AuditActor {
  std::optional<std::int64_t> user_id{};
  std::string name;
  std::string remote_address;
};

struct AuditQuery {
  std::optional<std::string> actor{};
  std::optional<std::string> action_prefix{};  // "user." matches every user action
  std::optional<std::string> entity_type{};
  std::optional<std::string> entity_id{};
  std::optional<TimeMs> from{};
  std::optional<TimeMs> to{};
  std::optional<std::int64_t> before_id{};  // paging: rows older than this id
  int limit = 50;
};

// The newest row of the chain, kept in a separate one-row table updated with every append, so
// that rows deleted from the end of the log are detected too.
struct AuditHead {
  std::int64_t last_id = 0;
  std::string last_hash;
};

class AuditRepository {
 public:
  virtual ~AuditRepository() = default;
  // Appends one record to the chain when the unit of work commits: its id, its link to the
  // row before it and its hash are assigned then, in commit order (ADR 0002).
  virtual Status Append(const AuditActor& actor, const AuditEntry& entry, TimeMs at) = 0;
  // Newest first.
  virtual Result<std::vector<AuditRecord>> Search(const AuditQuery& query) = 0;
  // Every row in id order, streamed (the log can hold millions of rows).
  virtual Status ForEach(FunctionRef<Status(const AuditRecord&)> visit) = 0;
  virtual Result<AuditHead> Head() = 0;
};

}  // namespace lifeline
