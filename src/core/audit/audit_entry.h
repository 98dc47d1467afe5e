// The audit log: who did what to which record, when, from where, with before and after.
// Rows are append-only and hash-chained, so an edited or deleted row is detectable.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/common/fields.h"
#include "core/common/time.h"

namespace lifeline {

// What a service asks to record.
struct AuditEntry {
  std::string action;       // "user.create", "auth.login_failed", "customer.reveal_pii" ...
  std::string entity_type;  // "user", "customer" ...
  std::string entity_id;
  Fields before;
  Fields after;
};

// A row as stored. `before_json`/`after_json` are the adapter's rendering of the fields; the
// chain hashes the stored text, so verification never depends on re-rendering.
struct AuditRecord {
  std::int64_t id = 0;
  TimeMs at = 0;
  std::optional<std::int64_t> actor_user_id;
  std::string actor;  // username, "system", or "api-key:<id>"
  std::string remote_address;
  std::string action;
  std::string entity_type;
  std::string entity_id;
  std::string before_json;
  std::string after_json;
  std::string prev_hash;
  std::string hash;
};

}  // namespace lifeline
