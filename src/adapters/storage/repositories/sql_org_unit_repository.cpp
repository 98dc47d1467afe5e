#include "adapters/storage/repositories/sql_org_unit_repository.h"

#include <unordered_map>

#include "adapters/storage/sql_helpers.h"

namespace lifeline::storage {

namespace {

constexpr Query kInsert{"org_units.insert",
                        "INSERT INTO org_units (parent_id, kind, code, name)"
                        " VALUES ($1, $2, $3, $4) RETURNING id"};
constexpr Query kInsertArea{
    "org_units.insert_area",
    "INSERT INTO org_unit_areas (org_unit_id, district_id) VALUES ($1, $2)"};
constexpr Query kById{"org_units.by_id",
                      "SELECT id, parent_id, kind, code, name FROM org_units WHERE id = $1"};
constexpr Query kAreasOf{"org_units.areas_of",
                         "SELECT district_id FROM org_unit_areas WHERE org_unit_id = $1"
                         " ORDER BY district_id"};
constexpr Query kList{"org_units.list",
                      "SELECT id, parent_id, kind, code, name FROM org_units ORDER BY id"};
constexpr Query kAllAreas{"org_units.all_areas",
                          "SELECT org_unit_id, district_id FROM org_unit_areas"
                          " ORDER BY org_unit_id, district_id"};

Result<OrgUnit> MapUnit(const Row& row) {
  OrgUnit unit;
  unit.id = row.Int(0);
  unit.parent_id = row.OptInt(1);
  auto kind = ParseOrgUnitKind(row.Text(2));
  if (!kind) return Fail(UnknownCode("org unit kind", row.Text(2)));
  unit.kind = *kind;
  unit.code = row.Str(3);
  unit.name = row.Str(4);
  return unit;
}

}  // namespace

Result<std::int64_t> SqlOrgUnitRepository::Insert(const OrgUnit& unit) {
  auto id = InsertReturningId(connection_, kInsert,
                              {unit.parent_id, OrgUnitKindCode(unit.kind), unit.code, unit.name});
  if (!id) {
    if (id.error().code == ErrorCode::kConflict) {
      return Fail(Error{ErrorCode::kConflict, "org unit code already in use", "code"});
    }
    return id;
  }
  for (std::int64_t district : unit.area_district_ids) {
    if (auto added = connection_.Exec(kInsertArea, {*id, district}); !added) {
      return Fail(Error{ErrorCode::kInvalidArgument,
                        "no such district: " + std::to_string(district), "area_district_ids"});
    }
  }
  return id;
}

Result<OrgUnit> SqlOrgUnitRepository::FindById(std::int64_t id) {
  auto unit = FetchOne<OrgUnit>(connection_, kById, {id}, MapUnit, "org unit");
  if (!unit) return unit;
  Status areas = connection_.Each(kAreasOf, {id}, [&](const Row& row) -> Status {
    unit->area_district_ids.push_back(row.Int(0));
    return Ok();
  });
  if (!areas) return Fail(areas.error());
  return unit;
}

Result<std::vector<OrgUnit>> SqlOrgUnitRepository::List() {
  auto units = FetchAll<OrgUnit>(connection_, kList, {}, MapUnit);
  if (!units) return units;
  std::unordered_map<std::int64_t, OrgUnit*> by_id;
  for (OrgUnit& unit : *units) by_id[unit.id] = &unit;
  Status areas = connection_.Each(kAllAreas, {}, [&](const Row& row) -> Status {
    if (auto it = by_id.find(row.Int(0)); it != by_id.end()) {
      it->second->area_district_ids.push_back(row.Int(1));
    }
    return Ok();
  });
  if (!areas) return Fail(areas.error());
  return units;
}

}  // namespace lifeline::storage
