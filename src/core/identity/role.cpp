#include "core/identity/role.h"

#include "core/common/enum_codes.h"

namespace lifeline {

std::string_view RoleCode(Role role) {
  switch (role) {
    case Role::kAgent:
      return "agent";
    case Role::kDispatcher:
      return "dispatcher";
    case Role::kTechnician:
      return "technician";
    case Role::kSupervisor:
      return "supervisor";
    case Role::kManager:
      return "manager";
    case Role::kAdmin:
      return "admin";
    case Role::kAuditor:
      return "auditor";
    case Role::kIntegration:
      return "integration";
  }
  return "agent";
}

std::optional<Role> ParseRole(std::string_view code) {
  return ParseEnumCode(kAllRoles, code, RoleCode);
}

}  // namespace lifeline
