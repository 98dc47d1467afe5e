// Technician profiles for dispatch, keyed by the technician's user id.
#pragma once

#include <cstdint>
#include <vector>

#include "core/common/error.h"
#include "core/dispatch/field/technician.h"

namespace lifeline {

class TechnicianRepository {
 public:
  virtual ~TechnicianRepository() = default;
  // Creates or replaces the profile (and its skills) of `technician.user_id`.
  virtual Status Save(const dispatch::Technician& technician) = 0;
  virtual Result<dispatch::Technician> Find(std::int64_t user_id) = 0;
  // With names and teams from their user records; only enabled users. All teams when team_id
  // is 0.
  virtual Result<std::vector<dispatch::Technician>> List(std::int64_t team_id) = 0;
  virtual Status UpdatePosition(std::int64_t user_id, dispatch::Point position, TimeMs at) = 0;
};

}  // namespace lifeline
