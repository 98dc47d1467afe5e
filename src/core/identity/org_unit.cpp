#include "core/identity/org_unit.h"

#include "core/common/enum_codes.h"

namespace lifeline {

namespace {
constexpr std::array kKinds = {OrgUnitKind::kCompany, OrgUnitKind::kBranch,
                               OrgUnitKind::kDepartment, OrgUnitKind::kTeam};
}

std::string_view OrgUnitKindCode(OrgUnitKind kind) {
  switch (kind) {
    case OrgUnitKind::kCompany:
      return "company";
    case OrgUnitKind::kBranch:
      return "branch";
    case OrgUnitKind::kDepartment:
      return "department";
    case OrgUnitKind::kTeam:
      return "team";
  }
  return "team";
}

std::optional<OrgUnitKind> ParseOrgUnitKind(std::string_view code) {
  return ParseEnumCode(kKinds, code, OrgUnitKindCode);
}

bool MayContain(OrgUnitKind parent, OrgUnitKind child) {
  switch (parent) {
    case OrgUnitKind::kCompany:
      return child == OrgUnitKind::kBranch || child == OrgUnitKind::kDepartment;
    case OrgUnitKind::kBranch:
      return child == OrgUnitKind::kDepartment;
    case OrgUnitKind::kDepartment:
      return child == OrgUnitKind::kTeam;
    case OrgUnitKind::kTeam:
      return false;
  }
  return false;
}

}  // namespace lifeline
