#include "core/identity/principal.h"

#include <string>
#include <utility>

namespace lifeline {

Status Principal::Require(Permission permission) const {
  if (Can(permission)) return Ok();
  return Fail(Error::Forbidden("permission required: " + std::string(PermissionCode(permission))));
}

Principal Principal::System() {
  Principal p;
  p.user_id = 0;
  p.username = "system";
  p.display_name = "系统";
  p.role = Role::kAdmin;
  p.permissions = PermissionSet::All();
  p.remote_address = "local";
  return p;
}

Principal Principal::Portal(std::string display_name, PermissionSet permissions) {
  Principal p;
  p.user_id = 0;
  p.username = "portal";
  p.display_name = std::move(display_name);
  p.role = Role::kIntegration;
  p.permissions = permissions;
  p.remote_address = "portal";
  return p;
}

}  // namespace lifeline
