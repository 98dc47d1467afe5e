#include "core/identity/data_scope.h"

namespace lifeline {

DataScope ResolveDataScope(const OrgUnit& unit, std::span<const OrgUnit> ancestors) {
  if (!unit.area_district_ids.empty()) return DataScope::Districts(unit.area_district_ids);
  for (const OrgUnit& ancestor : ancestors) {
    if (!ancestor.area_district_ids.empty())
      return DataScope::Districts(ancestor.area_district_ids);
  }
  return DataScope::Everything();
}

}  // namespace lifeline
