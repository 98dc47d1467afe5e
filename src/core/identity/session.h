#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/common/time.h"
#include "core/identity/permission.h"

namespace lifeline {

// A login session. The token itself is never stored: only its SHA-256, so a copy of the
// database does not let anyone log in.
struct Session {
  std::string token_hash;
  std::int64_t user_id = 0;
  TimeMs created_at = 0;
  TimeMs expires_at = 0;
  std::optional<TimeMs> revoked_at;
  std::string remote_address;
};

// A long-lived credential for an integration. Scopes narrow its owner's role permissions.
struct ApiKey {
  std::int64_t id = 0;
  std::string name;
  std::string key_hash;
  std::string prefix;  // the first characters of the key, shown to tell keys apart
  std::int64_t user_id = 0;
  std::vector<Permission> scopes;
  TimeMs created_at = 0;
  std::optional<TimeMs> expires_at;
  std::optional<TimeMs> revoked_at;
};

}  // namespace lifeline
