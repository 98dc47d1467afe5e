// Storage of users, org units, sessions and API keys. Implementations run inside the
// transaction of the StoreSession that handed them out.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/common/error.h"
#include "core/identity/org_unit.h"
#include "core/identity/session.h"
#include "core/identity/user.h"

namespace lifeline {

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  // kNotFound when there is no such user.
  virtual Result<User> FindByUsername(std::string_view username) = 0;
  virtual Result<User> FindById(std::int64_t id) = 0;
  // Returns the new id; kConflict when the username is taken.
  virtual Result<std::int64_t> Insert(const User& user) = 0;
  // Writes `user` if the stored version is still `user.version`, and bumps the stored version;
  // kConflict otherwise, so a concurrent change is never silently overwritten.
  virtual Status Update(const User& user) = 0;
  virtual Result<std::vector<User>> List() = 0;
};

class OrgUnitRepository {
 public:
  virtual ~OrgUnitRepository() = default;
  virtual Result<std::int64_t> Insert(const OrgUnit& unit) = 0;
  virtual Result<OrgUnit> FindById(std::int64_t id) = 0;
  virtual Result<std::vector<OrgUnit>> List() = 0;
};

class SessionRepository {
 public:
  virtual ~SessionRepository() = default;
  virtual Status Insert(const Session& session) = 0;
  virtual Result<Session> FindByTokenHash(std::string_view token_hash) = 0;
  virtual Status Revoke(std::string_view token_hash, TimeMs at) = 0;
  virtual Status RevokeAllForUser(std::int64_t user_id, TimeMs at) = 0;
  // Removes sessions that expired before `before`; returns how many.
  virtual Result<std::int64_t> DeleteExpired(TimeMs before) = 0;
};

class ApiKeyRepository {
 public:
  virtual ~ApiKeyRepository() = default;
  virtual Result<std::int64_t> Insert(const ApiKey& key) = 0;
  virtual Result<ApiKey> FindByHash(std::string_view key_hash) = 0;
  virtual Result<std::vector<ApiKey>> List() = 0;
  virtual Status Revoke(std::int64_t id, TimeMs at) = 0;
};

}  // namespace lifeline
