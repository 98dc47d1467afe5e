#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/common/time.h"
#include "core/identity/role.h"

namespace lifeline {

struct User {
  std::int64_t id = 0;
  std::string username;      // login name: lowercase letters, digits, '.', '_', '-'
  std::string display_name;  // e.g. "李建国"
  Role role = Role::kAgent;
  std::int64_t org_unit_id = 0;
  std::string password_hash;  // Argon2id, libsodium's encoded form
  int failed_logins = 0;
  std::optional<TimeMs> locked_until;
  bool disabled = false;
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
  std::int64_t version = 1;  // optimistic concurrency: bumped by every update
};

}  // namespace lifeline
