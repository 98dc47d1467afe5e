#pragma once

#include "adapters/storage/db.h"
#include "core/ports/identity_repositories.h"

namespace lifeline::storage {

class SqlOrgUnitRepository final : public OrgUnitRepository {
 public:
  explicit SqlOrgUnitRepository(Connection& connection) : connection_(connection) {}
  Result<std::int64_t> Insert(const OrgUnit& unit) override;
  Result<OrgUnit> FindById(std::int64_t id) override;
  Result<std::vector<OrgUnit>> List() override;

 private:
  Connection& connection_;
};

}  // namespace lifeline::storage
