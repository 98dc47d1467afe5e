#pragma once

#include "adapters/storage/db.h"
#include "core/ports/technician_repository.h"

namespace lifeline::storage {

class SqlTechnicianRepository final : public TechnicianRepository {
 public:
  explicit SqlTechnicianRepository(Connection& connection) : connection_(connection) {}
  Status Save(const dispatch::Technician& technician) override;
  Result<dispatch::Technician> Find(std::int64_t user_id) override;
  Result<std::vector<dispatch::Technician>> List(std::int64_t team_id) override;
  Status UpdatePosition(std::int64_t user_id, dispatch::Point position, TimeMs at) override;

 private:
  Status LoadSkills(dispatch::Technician& technician);

  Connection& connection_;
};

}  // namespace lifeline::storage
