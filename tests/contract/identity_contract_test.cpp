// Users, logins, lock-out, sessions and API keys through the real services and repositories.
#include <gmock/gmock.h>

#include "tests/contract/backend_test.h"

namespace lifeline::testing {
namespace {

using ::testing::HasSubstr;

class IdentityContract : public BackendTest {
 protected:
  void SetUp() override {
    company_ = services.AddCompany();
    admin_ = services.AddUser("admin", Role::kAdmin, company_.id);
  }

  Principal LoginAs(const std::string& username, const std::string& password = "Passw0rd!") {
    auto login = services.auth.Login(username, password, "127.0.0.1");
    EXPECT_TRUE(login.has_value()) << login.error().message;
    token_ = login ? login->token : "";
    return login ? login->principal : Principal{};
  }

  OrgUnit company_;
  User admin_;
  std::string token_;
};

TEST_P(IdentityContract, LoginReturnsATokenThatAuthenticates) {
  Principal principal = LoginAs("admin");
  EXPECT_EQ(principal.username, "admin");
  EXPECT_TRUE(token_.starts_with("lls_"));
  auto again = services.auth.Authenticate(token_);
  ASSERT_TRUE(again.has_value()) << again.error().message;
  EXPECT_EQ(again->user_id, admin_.id);
  EXPECT_TRUE(again->Can(Permission::kUserManage));
}

TEST_P(IdentityContract, WrongPasswordAndUnknownUserLookTheSame) {
  auto wrong = services.auth.Login("admin", "nope-1234", "127.0.0.1");
  auto unknown = services.auth.Login("ghost", "nope-1234", "127.0.0.1");
  ASSERT_FALSE(wrong.has_value());
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(wrong.error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(unknown.error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(wrong.error().message, unknown.error().message);
}

TEST_P(IdentityContract, FiveFailuresLockTheAccountUntilTheLockRunsOut) {
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(services.auth.Login("admin", "bad-pass-1", "10.0.0.1").error().code,
              ErrorCode::kUnauthenticated);
  }
  EXPECT_EQ(services.auth.Login("admin", "bad-pass-1", "10.0.0.1").error().code,
            ErrorCode::kLocked);
  // Even the right password is refused while locked.
  EXPECT_EQ(services.auth.Login("admin", "Passw0rd!", "10.0.0.1").error().code, ErrorCode::kLocked);
  services.clock.Advance(15 * kMinuteMs + 1);
  EXPECT_TRUE(services.auth.Login("admin", "Passw0rd!", "10.0.0.1").has_value());
}

TEST_P(IdentityContract, LogoutEndsTheSession) {
  Principal principal = LoginAs("admin");
  ASSERT_TRUE(services.auth.Logout(principal, token_).has_value());
  auto after = services.auth.Authenticate(token_);
  ASSERT_FALSE(after.has_value());
  EXPECT_EQ(after.error().code, ErrorCode::kUnauthenticated);
}

TEST_P(IdentityContract, SessionsExpire) {
  LoginAs("admin");
  services.clock.Advance(12 * kHourMs + 1);
  EXPECT_EQ(services.auth.Authenticate(token_).error().code, ErrorCode::kUnauthenticated);
}

TEST_P(IdentityContract, DisablingAUserEndsItsSessionsAndRefusesLogin) {
  services.AddUser("agent01", Role::kAgent, company_.id);
  LoginAs("agent01");
  const std::string agent_token = token_;
  ASSERT_TRUE(services.users.SetDisabled(Principal::System(), "agent01", true).has_value());
  EXPECT_FALSE(services.auth.Authenticate(agent_token).has_value());
  EXPECT_EQ(services.auth.Login("agent01", "Passw0rd!", "127.0.0.1").error().code,
            ErrorCode::kForbidden);
}

TEST_P(IdentityContract, ChangingAPasswordEndsSessionsAndTheNewOneWorks) {
  LoginAs("admin");
  const std::string old_token = token_;
  ASSERT_TRUE(
      services.users.ChangePassword(Principal::System(), "admin", "N3w-password").has_value());
  EXPECT_FALSE(services.auth.Authenticate(old_token).has_value());
  EXPECT_FALSE(services.auth.Login("admin", "Passw0rd!", "127.0.0.1").has_value());
  EXPECT_TRUE(services.auth.Login("admin", "N3w-password", "127.0.0.1").has_value());
}

TEST_P(IdentityContract, DuplicateUsernameIsAConflictNamingTheField) {
  auto again = services.users.AddUser(Principal::System(),
                                      {"admin", "重复", Role::kAgent, company_.id, "Passw0rd!"});
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(again.error().field, "username");
}

TEST_P(IdentityContract, UserCreationValidatesEveryField) {
  auto bad_name = services.users.AddUser(Principal::System(),
                                         {"Bad Name", "x", Role::kAgent, company_.id, "Passw0rd!"});
  EXPECT_EQ(bad_name.error().field, "username");
  auto weak = services.users.AddUser(Principal::System(),
                                     {"weak", "x", Role::kAgent, company_.id, "short"});
  EXPECT_EQ(weak.error().field, "password");
  auto no_unit =
      services.users.AddUser(Principal::System(), {"nounit", "x", Role::kAgent, 9999, "Passw0rd!"});
  EXPECT_EQ(no_unit.error().field, "org_unit_id");
}

TEST_P(IdentityContract, AStaleUpdateIsRefusedNotLost) {
  UserRepository* repository = nullptr;
  User copy;
  ASSERT_TRUE(services.store
                  .Read([&](StoreSession& s) -> Status {
                    copy = s.Users().FindByUsername("admin").value();
                    return Ok();
                  })
                  .has_value());
  ASSERT_TRUE(services.users.Unlock(Principal::System(), "admin").has_value());  // bumps version
  Status stale = services.store.Write([&](StoreSession& s) -> Status {
    repository = &s.Users();
    copy.display_name = "过时的修改";
    return repository->Update(copy);
  });
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
}

TEST_P(IdentityContract, AgentsMayNotManageUsers) {
  services.AddUser("agent01", Role::kAgent, company_.id);
  Principal agent = LoginAs("agent01");
  auto denied = services.users.AddUser(agent, {"x1", "x", Role::kAgent, company_.id, "Passw0rd!"});
  ASSERT_FALSE(denied.has_value());
  EXPECT_EQ(denied.error().code, ErrorCode::kForbidden);
  // …but may change their own password.
  EXPECT_TRUE(services.users.ChangePassword(agent, "agent01", "An0ther-pass").has_value());
}

TEST_P(IdentityContract, ApiKeysCarryOnlyTheirScopes) {
  services.AddUser("billing", Role::kIntegration, company_.id);
  auto owner = services.users.List(Principal::System()).value();
  std::int64_t owner_id = 0;
  for (const User& u : owner) {
    if (u.username == "billing") owner_id = u.id;
  }
  auto created = services.auth.CreateApiKey(
      Principal::System(), {"billing-sync", owner_id, {Permission::kCustomerRead}, std::nullopt});
  ASSERT_TRUE(created.has_value()) << created.error().message;
  EXPECT_TRUE(created->secret.starts_with("llk_"));
  auto principal = services.auth.Authenticate(created->secret);
  ASSERT_TRUE(principal.has_value()) << principal.error().message;
  EXPECT_TRUE(principal->Can(Permission::kCustomerRead));
  EXPECT_FALSE(principal->Can(Permission::kCustomerWrite));  // the role has it, the key does not
  ASSERT_TRUE(services.auth.RevokeApiKey(Principal::System(), created->key.id).has_value());
  EXPECT_FALSE(services.auth.Authenticate(created->secret).has_value());
}

TEST_P(IdentityContract, ForgedTokensAreRefused) {
  EXPECT_EQ(services.auth.Authenticate("lls_forged").error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(services.auth.Authenticate("Bearer whatever").error().code,
            ErrorCode::kUnauthenticated);
  EXPECT_EQ(services.auth.Authenticate("").error().code, ErrorCode::kUnauthenticated);
}

TEST_P(IdentityContract, BranchUsersAreScopedToTheirDistricts) {
  OrgUnit branch;
  branch.kind = OrgUnitKind::kBranch;
  branch.parent_id = company_.id;
  branch.code = "jiangbei";
  branch.name = "江北分公司";
  // Districts are topology nodes; add one directly.
  ASSERT_TRUE(database.db()
                  .Acquire(storage::Access::kWrite)
                  .value()
                  ->ExecScript("INSERT INTO topology_nodes (id, kind, code, name, x_km, y_km)"
                               " VALUES (100, 'district', 'jiangbei', '江北区', 0, 0)")
                  .has_value());
  branch.area_district_ids = {100};
  auto added = services.orgs.Add(Principal::System(), branch);
  ASSERT_TRUE(added.has_value()) << added.error().message;
  OrgUnit team;
  team.kind = OrgUnitKind::kDepartment;
  team.parent_id = added->id;
  team.code = "jiangbei-service";
  team.name = "营业服务所";
  auto department = services.orgs.Add(Principal::System(), team);
  ASSERT_TRUE(department.has_value());
  services.AddUser("agent.jiangbei", Role::kAgent, department->id);
  Principal principal = LoginAs("agent.jiangbei");
  EXPECT_FALSE(principal.scope.unrestricted());
  EXPECT_TRUE(principal.scope.Covers(100));
  EXPECT_FALSE(principal.scope.Covers(101));
}

TEST_P(IdentityContract, OrgUnitsMustNestProperly) {
  OrgUnit team;
  team.kind = OrgUnitKind::kTeam;
  team.parent_id = company_.id;
  team.code = "t1";
  team.name = "班组";
  auto added = services.orgs.Add(Principal::System(), team);
  ASSERT_FALSE(added.has_value());
  EXPECT_EQ(added.error().field, "kind");
  EXPECT_THAT(added.error().message, HasSubstr("cannot contain"));
}

LIFELINE_ON_BOTH_BACKENDS(IdentityContract);

}  // namespace
}  // namespace lifeline::testing
