// Permissions and the one table that grants them to roles. Every authorisation decision in
// Lifeline goes through Allows(); API keys narrow a role's permissions to their scopes, whose
// names are the permission codes below.
#pragma once

#include <bitset>
#include <optional>
#include <string_view>

#include "core/identity/role.h"

namespace lifeline {

enum class Permission {
  kCustomerRead,         // customers:read       look up customers (personal data masked)
  kCustomerReadPii,      // customers:read_pii   see phone and ID numbers in clear
  kCustomerWrite,        // customers:write
  kUserRead,             // users:read
  kUserManage,           // users:manage         create, disable, reset passwords
  kOrgRead,              // org:read
  kOrgManage,            // org:manage
  kApiKeyManage,         // api_keys:manage
  kAuditRead,            // audit:read
  kEventsSubscribe,      // events:subscribe
  kOutageManage,         // outages:manage       outages and announcements
  kDispatchPlan,         // dispatch:plan        technicians, suggestions, day plans
  kWorkOrderRead,        // workorders:read      work orders within the data scope
  kWorkOrderCreate,      // workorders:create    record a request; resolve at first contact
  kWorkOrderDispatch,    // workorders:dispatch  route, assign, return, merge, link, cancel
  kWorkOrderHandle,      // workorders:handle    en route, on site, resolved (own orders)
  kWorkOrderCallback,    // workorders:callback  call back, close or reopen
  kWorkOrderSettings,    // workorders:settings  deadlines and the business calendar
  kAppointmentManage,    // appointments:manage  appointment slots and the service catalog
  kReportRead,           // reports:read         work-order reports, drill-downs and exports
  kCustomerMessageRead,  // customer_messages:read  the customer-message outbox (phone masked)
  kCount,                // not a permission: the number of permissions
};

inline constexpr int kPermissionCount = static_cast<int>(Permission::kCount);

std::string_view PermissionCode(Permission permission);
std::optional<Permission> ParsePermission(std::string_view code);

class PermissionSet {
 public:
  PermissionSet() = default;
  PermissionSet(std::initializer_list<Permission> permissions) {
    for (Permission p : permissions) Add(p);
  }
  static PermissionSet All() {
    PermissionSet set;
    set.bits_.set();
    return set;
  }

  void Add(Permission p) { bits_.set(static_cast<std::size_t>(p)); }
  bool Has(Permission p) const { return bits_.test(static_cast<std::size_t>(p)); }
  PermissionSet Intersect(PermissionSet other) const {
    PermissionSet out;
    out.bits_ = bits_ & other.bits_;
    return out;
  }
  bool operator==(const PermissionSet&) const = default;

 private:
  std::bitset<kPermissionCount> bits_;
};

// What a role may do. The single source of truth; docs/design/identity.md shows it as a table.
PermissionSet RolePermissions(Role role);

}  // namespace lifeline
