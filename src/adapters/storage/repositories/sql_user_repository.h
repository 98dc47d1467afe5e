#pragma once

#include "adapters/storage/db.h"
#include "core/ports/identity_repositories.h"

namespace lifeline::storage {

class SqlUserRepository final : public UserRepository {
 public:
  explicit SqlUserRepository(Connection& connection) : connection_(connection) {}
  Result<User> FindByUsername(std::string_view username) override;
  Result<User> FindById(std::int64_t id) override;
  Result<std::int64_t> Insert(const User& user) override;
  Status Update(const User& user) override;
  Result<std::vector<User>> List() override;

 private:
  Connection& connection_;
};

}  // namespace lifeline::storage
