// The roles of Lifeline's staff (see PRODUCT.md, "Who uses it"). Stored by stable code.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace lifeline {

enum class Role {
  kAgent,        // 坐席
  kDispatcher,   // 派单员
  kTechnician,   // 维修师傅
  kSupervisor,   // 班长
  kManager,      // 管理人员
  kAdmin,        // 系统管理员
  kAuditor,      // 审计员
  kIntegration,  // 外部系统接入
};

inline constexpr std::array kAllRoles = {Role::kAgent,      Role::kDispatcher, Role::kTechnician,
                                         Role::kSupervisor, Role::kManager,    Role::kAdmin,
                                         Role::kAuditor,    Role::kIntegration};

std::string_view RoleCode(Role role);
std::optional<Role> ParseRole(std::string_view code);

}  // namespace lifeline
