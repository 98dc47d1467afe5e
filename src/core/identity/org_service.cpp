#include "core/identity/org_service.h"

#include <string>

#include "core/identity/auth_service.h"

namespace lifeline {

namespace {

constexpr std::size_t kMaxNameBytes = 150;
constexpr std::size_t kMaxCodeLength = 40;

Status ValidateUnitShape(const OrgUnit& unit) {
  if (unit.name.empty() || unit.name.size() > kMaxNameBytes) {
    return Fail(Error::Invalid("name", "name must be 1 to 50 characters"));
  }
  if (unit.code.empty() || unit.code.size() > kMaxCodeLength) {
    return Fail(Error::Invalid("code", "code must be 1 to 40 characters"));
  }
  if (!unit.parent_id && unit.kind != OrgUnitKind::kCompany) {
    return Fail(Error::Invalid("parent_id", "only a company may be at the top"));
  }
  return Ok();
}

}  // namespace

Result<OrgUnit> OrgService::Add(const Principal& actor, OrgUnit unit) {
  if (auto s = actor.Require(Permission::kOrgManage); !s) return Fail(s.error());
  if (auto s = ValidateUnitShape(unit); !s) return Fail(s.error());
  Status written = store_.Write([&](StoreSession& session) -> Status {
    if (unit.parent_id) {
      auto parent = session.OrgUnits().FindById(*unit.parent_id);
      if (!parent) {
        if (parent.error().code == ErrorCode::kNotFound) {
          return Fail(Error::Invalid("parent_id", "no such org unit"));
        }
        return Fail(parent.error());
      }
      if (!MayContain(parent->kind, unit.kind)) {
        return Fail(Error::Invalid("kind", "a " + std::string(OrgUnitKindCode(parent->kind)) +
                                               " cannot contain a " +
                                               std::string(OrgUnitKindCode(unit.kind))));
      }
    }
    auto id = session.OrgUnits().Insert(unit);
    if (!id) return Fail(id.error());
    unit.id = *id;
    Fields after{{"code", unit.code},
                 {"name", unit.name},
                 {"kind", std::string(OrgUnitKindCode(unit.kind))},
                 {"parent_id", unit.parent_id ? FieldValue(*unit.parent_id) : FieldValue(nullptr)}};
    if (auto s = session.Audit().Append(
            ActorOf(actor), {"org_unit.create", "org_unit", std::to_string(unit.id), {}, after},
            clock_.NowMs());
        !s) {
      return s;
    }
    session.Events().Emit(
        {"org", "org_unit.created", "org_unit/" + std::to_string(unit.id), after});
    return Ok();
  });
  if (!written) return Fail(written.error());
  return unit;
}

Result<std::vector<OrgUnit>> OrgService::List(const Principal& actor) {
  if (auto s = actor.Require(Permission::kOrgRead); !s) return Fail(s.error());
  std::vector<OrgUnit> units;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto listed = session.OrgUnits().List();
    if (!listed) return Fail(listed.error());
    units = std::move(*listed);
    return Ok();
  });
  if (!read) return Fail(read.error());
  return units;
}

}  // namespace lifeline
