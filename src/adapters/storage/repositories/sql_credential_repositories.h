// Sessions and API keys: the two kinds of bearer credential, stored only as hashes.
#pragma once

#include "adapters/storage/db.h"
#include "core/ports/identity_repositories.h"

namespace lifeline::storage {

class SqlSessionRepository final : public SessionRepository {
 public:
  explicit SqlSessionRepository(Connection& connection) : connection_(connection) {}
  Status Insert(const Session& session) override;
  Result<Session> FindByTokenHash(std::string_view token_hash) override;
  Status Revoke(std::string_view token_hash, TimeMs at) override;
  Status RevokeAllForUser(std::int64_t user_id, TimeMs at) override;
  Result<std::int64_t> DeleteExpired(TimeMs before) override;

 private:
  Connection& connection_;
};

class SqlApiKeyRepository final : public ApiKeyRepository {
 public:
  explicit SqlApiKeyRepository(Connection& connection) : connection_(connection) {}
  Result<std::int64_t> Insert(const ApiKey& key) override;
  Result<ApiKey> FindByHash(std::string_view key_hash) override;
  Result<std::vector<ApiKey>> List() override;
  Status Revoke(std::int64_t id, TimeMs at) override;

 private:
  Connection& connection_;
};

}  // namespace lifeline::storage
