// The core services wired over a test database: the same adapters as production, with a fake
// clock, a fixed master key and the cheapest password hashing.
#pragma once

#include <memory>

#include "adapters/crypto/pii_cipher.h"
#include "adapters/crypto/sodium.h"
#include "adapters/storage/sql_store.h"
#include "core/audit/audit_service.h"
#include "core/customers/customer_service.h"
#include "core/identity/auth_service.h"
#include "core/identity/org_service.h"
#include "core/identity/user_service.h"
#include "tests/support/fake_clock.h"
#include "tests/support/test_database.h"

namespace lifeline::testing {

crypto::MasterKey TestMasterKey();

struct ServiceFixture {
  explicit ServiceFixture(storage::Db& db, AuthSettings settings = {});

  FakeClock clock;
  crypto::Sha256Digest digest;
  crypto::SodiumRandom random;
  crypto::SodiumPasswordHasher hasher{crypto::PasswordCost::kMinimum};
  crypto::PiiCipher cipher{TestMasterKey()};
  storage::SqlStore store;
  AuthService auth;
  UserService users;
  OrgService orgs;
  CustomerService customers;
  AuditService audit;

  // A company unit and an admin user, for tests that need someone to act.
  OrgUnit AddCompany(const std::string& code = "group");
  User AddUser(const std::string& username, Role role, std::int64_t org_unit_id,
               const std::string& password = "Passw0rd!");
};

}  // namespace lifeline::testing
