// The pure identity rules: permissions per role, data scope resolution, lock-out, org nesting.
#include <gtest/gtest.h>

#include "core/identity/data_scope.h"
#include "core/identity/lockout_policy.h"
#include "core/identity/org_unit.h"
#include "core/identity/permission.h"
#include "core/identity/user_service.h"

namespace lifeline {
namespace {

TEST(Permissions, EveryCodeRoundTrips) {
  for (int i = 0; i < kPermissionCount; ++i) {
    const auto permission = static_cast<Permission>(i);
    EXPECT_EQ(ParsePermission(PermissionCode(permission)), permission);
  }
  EXPECT_FALSE(ParsePermission("customers:everything").has_value());
}

TEST(Permissions, RolesGetWhatTheirJobNeedsAndNoMore) {
  EXPECT_TRUE(RolePermissions(Role::kAgent).Has(Permission::kCustomerRead));
  EXPECT_FALSE(RolePermissions(Role::kAgent).Has(Permission::kCustomerReadPii));
  EXPECT_FALSE(RolePermissions(Role::kAgent).Has(Permission::kUserManage));
  EXPECT_TRUE(RolePermissions(Role::kSupervisor).Has(Permission::kCustomerReadPii));
  EXPECT_TRUE(RolePermissions(Role::kAuditor).Has(Permission::kAuditRead));
  EXPECT_FALSE(RolePermissions(Role::kAuditor).Has(Permission::kUserManage));
  EXPECT_EQ(RolePermissions(Role::kAdmin), PermissionSet::All());
  for (Role role : kAllRoles) EXPECT_EQ(ParseRole(RoleCode(role)), role);
}

TEST(DataScope, TheNearestUnitWithAnAreaDecides) {
  OrgUnit company{1, std::nullopt, OrgUnitKind::kCompany, "group", "集团", {}};
  OrgUnit branch{2, 1, OrgUnitKind::kBranch, "jiangbei", "江北分公司", {30, 10}};
  OrgUnit team{3, 2, OrgUnitKind::kDepartment, "repair", "维修所", {}};
  const OrgUnit ancestors[] = {branch, company};
  DataScope scope = ResolveDataScope(team, ancestors);
  EXPECT_FALSE(scope.unrestricted());
  EXPECT_TRUE(scope.Covers(10));
  EXPECT_TRUE(scope.Covers(30));
  EXPECT_FALSE(scope.Covers(20));
  EXPECT_TRUE(ResolveDataScope(company, {}).unrestricted());
}

TEST(Lockout, LocksAtTheLimitAndStartsOverAfterTheLockRunsOut) {
  LockoutPolicy policy{3, 10 * kMinuteMs};
  User user;
  EXPECT_FALSE(RecordLoginFailure(user, policy, 1000));
  EXPECT_FALSE(RecordLoginFailure(user, policy, 2000));
  EXPECT_TRUE(RecordLoginFailure(user, policy, 3000));
  EXPECT_TRUE(IsLocked(user, 3000 + 10 * kMinuteMs - 1));
  EXPECT_FALSE(IsLocked(user, 3000 + 10 * kMinuteMs));
  EXPECT_FALSE(RecordLoginFailure(user, policy, 3000 + 10 * kMinuteMs));
  EXPECT_EQ(user.failed_logins, 1);
  RecordLoginSuccess(user);
  EXPECT_EQ(user.failed_logins, 0);
}

TEST(OrgUnits, NestingFollowsTheCompanyStructure) {
  EXPECT_TRUE(MayContain(OrgUnitKind::kCompany, OrgUnitKind::kBranch));
  EXPECT_TRUE(MayContain(OrgUnitKind::kBranch, OrgUnitKind::kDepartment));
  EXPECT_TRUE(MayContain(OrgUnitKind::kDepartment, OrgUnitKind::kTeam));
  EXPECT_FALSE(MayContain(OrgUnitKind::kTeam, OrgUnitKind::kTeam));
  EXPECT_FALSE(MayContain(OrgUnitKind::kBranch, OrgUnitKind::kCompany));
}

TEST(UserRules, UsernamesAndPasswords) {
  EXPECT_TRUE(ValidateUsername("agent.jiangbei").has_value());
  EXPECT_FALSE(ValidateUsername("Agent").has_value());
  EXPECT_FALSE(ValidateUsername("a").has_value());
  EXPECT_FALSE(ValidateUsername("robert'); DROP TABLE users;--").has_value());
  EXPECT_TRUE(ValidatePassword("Lifeline2026").has_value());
  EXPECT_FALSE(ValidatePassword("onlyletters").has_value());
  EXPECT_FALSE(ValidatePassword("12345678").has_value());
  EXPECT_FALSE(ValidatePassword("Ab1").has_value());
}

}  // namespace
}  // namespace lifeline
