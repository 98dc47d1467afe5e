// The demo utility's organisation and staff: 临江市公用事业集团 with its service centre, dispatch
// centre and network operations, four branches with their districts and repair teams, and one
// or more demo users for every role. All demo users share kDemoPassword.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/identity/org_unit.h"
#include "core/identity/role.h"

namespace lifeline::demo {

inline constexpr std::string_view kDemoPassword = "Lifeline2026";

struct StaffUnit {
  std::string code;
  std::optional<std::string> parent_code;
  OrgUnitKind kind = OrgUnitKind::kTeam;
  std::string name;
  std::vector<std::string> district_codes;  // the area a branch serves
};

struct StaffMember {
  std::string username;
  std::string display_name;
  Role role = Role::kAgent;
  std::string unit_code;
};

struct StaffPlan {
  std::vector<StaffUnit> units;  // parents before children
  std::vector<StaffMember> members;
};

StaffPlan DemoStaff();

inline constexpr std::string_view kGasEmergencyTeam = "gas-emergency";

// The demo utility's routing rules (区域绑定, 职能分组), by unit and district codes.
struct DemoRoutingRule {
  std::string category;
  std::optional<std::string> district_code;  // none: city-wide
  std::string unit_code;
  bool auto_assign = false;
};
std::vector<DemoRoutingRule> DemoRoutingRules();

}  // namespace lifeline::demo
