// Which part of the city a user's data access covers. Company-level staff see everything; a
// branch user sees only the districts its branch serves.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "core/identity/org_unit.h"

namespace lifeline {

class DataScope {
 public:
  static DataScope Everything() { return DataScope(true, {}); }
  static DataScope Districts(std::vector<std::int64_t> ids) {
    std::ranges::sort(ids);
    return DataScope(false, std::move(ids));
  }

  bool unrestricted() const { return unrestricted_; }
  const std::vector<std::int64_t>& district_ids() const { return district_ids_; }
  bool Covers(std::int64_t district_id) const {
    return unrestricted_ || std::ranges::binary_search(district_ids_, district_id);
  }

 private:
  DataScope(bool unrestricted, std::vector<std::int64_t> ids)
      : unrestricted_(unrestricted), district_ids_(std::move(ids)) {}

  bool unrestricted_;
  std::vector<std::int64_t> district_ids_;
};

// The scope of a member of `unit`, given the unit's ancestors (nearest first): the area of the
// nearest unit that has one, or everything when none does.
DataScope ResolveDataScope(const OrgUnit& unit, std::span<const OrgUnit> ancestors);

}  // namespace lifeline
