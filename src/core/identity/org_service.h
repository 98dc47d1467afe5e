// The organisation tree: adding units (validated against MayContain) and listing them.
#pragma once

#include <vector>

#include "core/common/error.h"
#include "core/identity/org_unit.h"
#include "core/identity/principal.h"
#include "core/ports/clock.h"
#include "core/ports/store.h"

namespace lifeline {

class OrgService {
 public:
  OrgService(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  [[nodiscard]] Result<OrgUnit> Add(const Principal& actor, OrgUnit unit);
  [[nodiscard]] Result<std::vector<OrgUnit>> List(const Principal& actor);

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace lifeline
