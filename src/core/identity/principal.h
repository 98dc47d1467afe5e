// Who is making a request, resolved once per request from a session token or an API key.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/common/error.h"
#include "core/identity/data_scope.h"
#include "core/identity/permission.h"
#include "core/identity/role.h"

namespace lifeline {

struct Principal {
  std::int64_t user_id = 0;
  std::string username;
  std::string display_name;
  Role role = Role::kAgent;
  std::int64_t org_unit_id = 0;
  DataScope scope = DataScope::Everything();
  PermissionSet permissions;  // the role's, narrowed to the key's scopes for API keys
  std::optional<std::int64_t> api_key_id;
  std::string remote_address;  // filled in per request, for the audit log

  bool Can(Permission permission) const { return permissions.Has(permission); }

  // The one authorisation check: a value, so callers write `if (auto s = Require(...); !s)`.
  [[nodiscard]] Status Require(Permission permission) const;

  // The principal for command-line administration on the server itself.
  static Principal System();
  // The principal for what a customer does on the portal without logging in: no user, the
  // integration role, the given name (as history and audit show it) and permissions.
  static Principal Portal(std::string display_name, PermissionSet permissions);
};

}  // namespace lifeline
