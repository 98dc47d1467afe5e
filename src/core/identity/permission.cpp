#include "core/identity/permission.h"

namespace lifeline {

std::string_view PermissionCode(Permission permission) {
  switch (permission) {
    case Permission::kCustomerRead:
      return "customers:read";
    case Permission::kCustomerReadPii:
      return "customers:read_pii";
    case Permission::kCustomerWrite:
      return "customers:write";
    case Permission::kUserRead:
      return "users:read";
    case Permission::kUserManage:
      return "users:manage";
    case Permission::kOrgRead:
      return "org:read";
    case Permission::kOrgManage:
      return "org:manage";
    case Permission::kApiKeyManage:
      return "api_keys:manage";
    case Permission::kAuditRead:
      return "audit:read";
    case Permission::kEventsSubscribe:
      return "events:subscribe";
    case Permission::kOutageManage:
      return "outages:manage";
    case Permission::kDispatchPlan:
      return "dispatch:plan";
    case Permission::kWorkOrderRead:
      return "workorders:read";
    case Permission::kWorkOrderCreate:
      return "workorders:create";
    case Permission::kWorkOrderDispatch:
      return "workorders:dispatch";
    case Permission::kWorkOrderHandle:
      return "workorders:handle";
    case Permission::kWorkOrderCallback:
      return "workorders:callback";
    case Permission::kWorkOrderSettings:
      return "workorders:settings";
    case Permission::kAppointmentManage:
      return "appointments:manage";
    case Permission::kReportRead:
      return "reports:read";
    case Permission::kCustomerMessageRead:
      return "customer_messages:read";
    case Permission::kCount:
      break;
  }
  return "";
}

std::optional<Permission> ParsePermission(std::string_view code) {
  for (int i = 0; i < kPermissionCount; ++i) {
    auto permission = static_cast<Permission>(i);
    if (PermissionCode(permission) == code) return permission;
  }
  return std::nullopt;
}

PermissionSet RolePermissions(Role role) {
  using enum Permission;
  switch (role) {
    case Role::kAgent:
      return {kCustomerRead,  kCustomerWrite,   kOrgRead,           kEventsSubscribe,
              kWorkOrderRead, kWorkOrderCreate, kWorkOrderCallback, kCustomerMessageRead};
    case Role::kDispatcher:
      return {kCustomerRead,      kOrgRead,          kUserRead,      kEventsSubscribe,
              kOutageManage,      kDispatchPlan,     kWorkOrderRead, kWorkOrderCreate,
              kWorkOrderDispatch, kAppointmentManage};
    case Role::kTechnician:
      return {kCustomerRead, kOrgRead, kWorkOrderRead, kWorkOrderHandle};
    case Role::kSupervisor:
      return {kCustomerRead,      kCustomerReadPii,   kCustomerWrite,     kOrgRead,
              kUserRead,          kEventsSubscribe,   kOutageManage,      kDispatchPlan,
              kWorkOrderRead,     kWorkOrderCreate,   kWorkOrderDispatch, kWorkOrderHandle,
              kWorkOrderCallback, kAppointmentManage, kReportRead,        kCustomerMessageRead};
    case Role::kManager:
      return {kCustomerRead, kOrgRead, kUserRead, kEventsSubscribe, kWorkOrderRead, kReportRead};
    case Role::kAdmin:
      return PermissionSet::All();
    case Role::kAuditor:
      return {kAuditRead, kCustomerRead, kOrgRead, kUserRead, kWorkOrderRead, kReportRead};
    case Role::kIntegration:  // a SCADA or GIS feed posts outages; a 12345 feed posts orders
      return {kCustomerRead, kCustomerWrite, kEventsSubscribe,
              kOutageManage, kWorkOrderRead, kWorkOrderCreate};
  }
  return {};
}

}  // namespace lifeline
