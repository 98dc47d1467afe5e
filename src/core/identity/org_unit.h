// The organisation: company → branch → department → team. A unit may own an area (a set of
// districts); the nearest unit up the tree that owns one decides what its users may read.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lifeline {

enum class OrgUnitKind { kCompany, kBranch, kDepartment, kTeam };

std::string_view OrgUnitKindCode(OrgUnitKind kind);
std::optional<OrgUnitKind> ParseOrgUnitKind(std::string_view code);

// Which kinds may sit under which: a company holds branches and departments, a branch holds
// departments, a department holds teams.
bool MayContain(OrgUnitKind parent, OrgUnitKind child);

struct OrgUnit {
  std::int64_t id = 0;
  std::optional<std::int64_t> parent_id;
  OrgUnitKind kind = OrgUnitKind::kTeam;
  std::string code;                             // stable, e.g. "jiangbei"
  std::string name;                             // e.g. "江北分公司"
  std::vector<std::int64_t> area_district_ids;  // empty: inherits from the parent
};

}  // namespace lifeline
