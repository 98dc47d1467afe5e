#include "app/demo_seeder.h"

#include <fstream>
#include <map>

#include "adapters/storage/sql_city_loader.h"
#include "core/demo/demo_staff.h"
#include "core/demo/demo_technicians.h"
#include "core/identity/auth_service.h"

namespace lifeline::app {

namespace {

Status RequireEmpty(Runtime& runtime) {
  return runtime.store().Read([](StoreSession& session) -> Status {
    auto customers = session.Customers().Count();
    if (!customers) return Fail(customers.error());
    auto users = session.Users().List();
    if (!users) return Fail(users.error());
    if (*customers > 0 || !users->empty()) {
      return Fail(
          Error::Conflict("the database already holds data; seed a fresh data directory "
                          "or database"));
    }
    return Ok();
  });
}

Result<std::map<std::string, std::int64_t>> DistrictIds(Runtime& runtime) {
  std::map<std::string, std::int64_t> ids;
  Status read = runtime.store().Read([&](StoreSession& session) -> Status {
    auto districts = session.Topology().ListNodes(NodeKind::kDistrict);
    if (!districts) return Fail(districts.error());
    for (const TopologyNode& d : *districts) ids[d.code] = d.id;
    return Ok();
  });
  if (!read) return Fail(read.error());
  return ids;
}

// The org units and users of the demo utility, in one transaction, each audited and announced
// like any other change. One password hash serves every demo user: they share the password.
Status AddStaff(Runtime& runtime, const demo::StaffPlan& plan,
                const std::map<std::string, std::int64_t>& districts, SeedReport& report) {
  const std::string password_hash = runtime.hasher().Hash(demo::kDemoPassword);
  const AuditActor actor = ActorOf(Principal::System());
  return runtime.store().Write([&](StoreSession& session) -> Status {
    std::map<std::string, std::int64_t> unit_ids;
    const TimeMs now = runtime.clock().NowMs();
    for (const demo::StaffUnit& planned : plan.units) {
      OrgUnit unit;
      unit.kind = planned.kind;
      unit.code = planned.code;
      unit.name = planned.name;
      if (planned.parent_code) unit.parent_id = unit_ids.at(*planned.parent_code);
      for (const std::string& code : planned.district_codes)
        unit.area_district_ids.push_back(districts.at(code));
      auto id = session.OrgUnits().Insert(unit);
      if (!id) return Fail(id.error());
      unit_ids[unit.code] = *id;
      ++report.org_units;
    }
    for (const demo::StaffMember& member : plan.members) {
      User user;
      user.username = member.username;
      user.display_name = member.display_name;
      user.role = member.role;
      user.org_unit_id = unit_ids.at(member.unit_code);
      user.password_hash = password_hash;
      user.created_at = user.updated_at = now;
      auto id = session.Users().Insert(user);
      if (!id) return Fail(id.error());
      Fields after{{"username", user.username}, {"role", std::string(RoleCode(user.role))}};
      if (auto s = session.Audit().Append(
              actor, {"user.create", "user", std::to_string(*id), {}, after}, now);
          !s) {
        return s;
      }
      session.Events().Emit({"user", "user.created", "user/" + std::to_string(*id), after});
      ++report.users;
    }
    return Ok();
  });
}

// Where a technician's crew is based: the centre of the first district their branch serves.
Result<dispatch::Point> DepotOf(StoreSession& session, std::int64_t org_unit_id) {
  std::optional<std::int64_t> unit_id = org_unit_id;
  while (unit_id) {
    auto unit = session.OrgUnits().FindById(*unit_id);
    if (!unit) return Fail(unit.error());
    if (!unit->area_district_ids.empty()) {
      auto district = session.Topology().FindNode(unit->area_district_ids.front());
      if (!district) return Fail(district.error());
      return dispatch::Point{district->location.x_km, district->location.y_km};
    }
    unit_id = unit->parent_id;
  }
  return dispatch::Point{0, 0};
}

// Every demo technician gets a dispatch profile, in one transaction.
Status AddTechnicianProfiles(Runtime& runtime) {
  return runtime.store().Write([&](StoreSession& session) -> Status {
    auto users = session.Users().List();
    if (!users) return Fail(users.error());
    int index = 0;
    for (const User& user : *users) {
      if (user.role != Role::kTechnician) continue;
      auto depot = DepotOf(session, user.org_unit_id);
      if (!depot) return Fail(depot.error());
      dispatch::Technician profile = demo::DemoTechnicianProfile(user.id, index++, *depot);
      profile.position_at = runtime.clock().NowMs();
      if (auto s = session.Technicians().Save(profile); !s) return s;
    }
    return Ok();
  });
}

Status WriteAccountsFile(const demo::StaffPlan& plan, const std::filesystem::path& path) {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  std::ofstream out(path, std::ios::trunc);
  for (const demo::StaffMember& member : plan.members) {
    out << member.username << ' ' << RoleCode(member.role) << ' ' << demo::kDemoPassword << '\n';
  }
  if (!out.flush()) return Fail(Error::Unavailable("cannot write " + path.string()));
  return Ok();
}

}  // namespace

Result<SeedReport> SeedDemo(Runtime& runtime, std::int64_t customers,
                            const std::filesystem::path& accounts_file) {
  if (auto s = RequireEmpty(runtime); !s) return Fail(s.error());
  SeedReport report;
  storage::SqlCityLoader loader(runtime.db(), runtime.cipher());
  auto city =
      demo::GenerateDemoCity({.customers = customers, .as_of = runtime.clock().NowMs()}, loader);
  if (!city) return Fail(city.error());
  report.city = *city;
  if (auto s = loader.Finish(); !s) return Fail(s.error());
  auto districts = DistrictIds(runtime);
  if (!districts) return Fail(districts.error());
  const demo::StaffPlan plan = demo::DemoStaff();
  if (auto s = AddStaff(runtime, plan, *districts, report); !s) return Fail(s.error());
  if (auto s = AddTechnicianProfiles(runtime); !s) return Fail(s.error());
  if (auto s = WriteAccountsFile(plan, accounts_file); !s) return Fail(s.error());
  return report;
}

}  // namespace lifeline::app
