#include "tests/support/service_fixture.h"

#include <gtest/gtest.h>

namespace lifeline::testing {

crypto::MasterKey TestMasterKey() {
  crypto::MasterKey key{};
  for (std::size_t i = 0; i < key.size(); ++i) key[i] = static_cast<unsigned char>(i * 7 + 1);
  return key;
}

ServiceFixture::ServiceFixture(storage::Db& db, AuthSettings settings)
    : store(db, cipher, digest, clock),
      auth(store, hasher, random, digest, clock, settings),
      users(store, hasher, clock, auth),
      orgs(store, clock),
      customers(store, clock),
      audit(store, digest) {
  (void)crypto::InitSodium();
}

OrgUnit ServiceFixture::AddCompany(const std::string& code) {
  OrgUnit unit;
  unit.kind = OrgUnitKind::kCompany;
  unit.code = code;
  unit.name = "测试集团";
  auto added = orgs.Add(Principal::System(), unit);
  EXPECT_TRUE(added.has_value()) << added.error().message;
  return added.value_or(OrgUnit{});
}

User ServiceFixture::AddUser(const std::string& username, Role role, std::int64_t org_unit_id,
                             const std::string& password) {
  auto added =
      users.AddUser(Principal::System(), {username, "测试用户", role, org_unit_id, password});
  EXPECT_TRUE(added.has_value()) << added.error().message;
  return added.value_or(User{});
}

}  // namespace lifeline::testing
