#include "app/demo_seeder.h"

#include <fstream>
#include <map>

#include "adapters/storage/sql_city_loader.h"
#include "app/demo_appointments.h"
#include "adapters/storage/sql_history_loader.h"
#include "core/demo/demo_history.h"
#include "core/demo/demo_staff.h"
#include "core/demo/demo_technicians.h"
#include "core/demo/demo_work_orders.h"
#include "core/identity/auth_service.h"
#include "core/workorders/work_order_service.h"

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
      auto unit = session.OrgUnits().FindById(user.org_unit_id);
      if (!unit) return Fail(unit.error());
      dispatch::Technician profile = demo::DemoTechnicianProfile(
          user.id, index++, *depot, unit->code == demo::kGasEmergencyTeam);
      profile.position_at = runtime.clock().NowMs();
      if (auto s = session.Technicians().Save(profile); !s) return s;
    }
    return Ok();
  });
}

// The default routing rules, saved through the work-order service like an administrator's.
Status AddRoutingRules(Runtime& runtime, const std::map<std::string, std::int64_t>& districts) {
  std::map<std::string, std::int64_t, std::less<>> units;
  Status read = runtime.store().Read([&](StoreSession& session) -> Status {
    auto listed = session.OrgUnits().List();
    if (!listed) return Fail(listed.error());
    for (const OrgUnit& unit : *listed) units[unit.code] = unit.id;
    return Ok();
  });
  if (!read) return read;
  std::vector<RoutingRule> rules;
  for (const demo::DemoRoutingRule& planned : demo::DemoRoutingRules()) {
    RoutingRule rule{.category = planned.category,
                     .org_unit_id = units.at(planned.unit_code),
                     .auto_assign = planned.auto_assign};
    if (planned.district_code) rule.district_id = districts.at(*planned.district_code);
    rules.push_back(std::move(rule));
  }
  auto saved = runtime.work_orders().SaveRoutingRules(Principal::System(), rules);
  if (!saved) return Fail(saved.error());
  return Ok();
}

// The seeder moves this clock, so demo orders carry the times of the weeks they stand for.
class SeedClock final : public Clock {
 public:
  TimeMs NowMs() const override { return now_; }
  void Set(TimeMs at) { now_ = at; }

 private:
  TimeMs now_ = 0;
};

struct DemoActors {
  Principal agent;
  Principal dispatcher;
  std::vector<Principal> technicians;
};

Result<DemoActors> LoadDemoActors(Runtime& runtime) {
  DemoActors actors;
  Status read = runtime.store().Read([&](StoreSession& session) -> Status {
    auto users = session.Users().List();
    if (!users) return Fail(users.error());
    for (const User& user : *users) {
      if (user.username != "agent01" && user.username != "dispatcher01" &&
          user.role != Role::kTechnician) {
        continue;
      }
      auto principal = LoadPrincipal(session, user);
      if (!principal) return Fail(principal.error());
      if (user.username == "agent01") actors.agent = *principal;
      if (user.username == "dispatcher01") actors.dispatcher = *principal;
      if (user.role == Role::kTechnician) actors.technicians.push_back(*principal);
    }
    return Ok();
  });
  if (!read) return Fail(read.error());
  if (actors.technicians.empty()) return Fail(Error::Internal("the demo staff has no technicians"));
  return actors;
}

const Principal& TechnicianFor(const DemoActors& actors, std::int64_t district_id, std::size_t n) {
  std::vector<const Principal*> serving;
  for (const Principal& t : actors.technicians) {
    // The branches' crews; the city-wide emergency crew gets its orders by routing rule.
    if (!t.scope.unrestricted() && t.scope.Covers(district_id)) serving.push_back(&t);
  }
  if (serving.empty()) return actors.technicians[n % actors.technicians.size()];
  return *serving[n % serving.size()];
}

// Who works the order: its assignee when a rule assigned it, else the first suggestion of
// its department (taken in turn, so the load spreads), else a crew member of the branch.
Result<const Principal*> TechnicianOf(WorkOrderService& orders, const WorkOrder& order,
                                      const DemoActors& actors, std::int64_t district_id,
                                      std::size_t n) {
  auto by_id = [&](std::int64_t user_id) -> const Principal* {
    for (const Principal& t : actors.technicians) {
      if (t.user_id == user_id) return &t;
    }
    return nullptr;
  };
  if (order.assignee_id) {
    if (const Principal* assignee = by_id(*order.assignee_id)) return assignee;
  }
  if (order.state == WorkOrderState::kDispatched) {
    auto suggested = orders.SuggestAssignees(actors.dispatcher, order.id);
    if (!suggested) return Fail(suggested.error());
    if (!suggested->empty()) {
      if (const Principal* best = by_id(suggested->front().user_id)) return best;
    }
  }
  return &TechnicianFor(actors, district_id, n);
}

Result<Customer> CustomerAt(Runtime& runtime, std::int64_t index) {
  Customer customer;
  Status read = runtime.store().Read([&](StoreSession& session) -> Status {
    auto found = session.Customers().FindById(index + 1);
    if (!found) return Fail(found.error());
    customer = std::move(*found);
    return Ok();
  });
  if (!read) return Fail(read.error());
  return customer;
}

// Walks one demo order as far as its plan says, each step by the person who would take it.
Status Progress(WorkOrderService& orders, SeedClock& clock, const demo::DemoWorkOrder& planned,
                const WorkOrder& order, const DemoActors& actors, const Principal& technician) {
  using demo::DemoStage;
  auto step = [&](const Principal& who, WorkOrderCommand command) -> Status {
    clock.Set(clock.NowMs() + planned.step_gap);
    auto done = orders.Act(who, order.id, command);
    if (!done) return Fail(done.error());
    return Ok();
  };
  const DemoStage stage = planned.stage;
  if (stage == DemoStage::kCancelled) {
    return step(actors.dispatcher,
                {.action = WorkOrderAction::kCancel, .note = "客户表示已自行解决"});
  }
  const auto reached = [&](DemoStage at) {
    return static_cast<int>(stage) >= static_cast<int>(at);
  };
  // A routing rule may have dispatched (or assigned) the order already.
  if (reached(DemoStage::kDispatched) && order.state == WorkOrderState::kAccepted) {
    auto s = step(actors.dispatcher,
                  {.action = WorkOrderAction::kDispatch, .department_id = technician.org_unit_id});
    if (!s) return s;
  }
  if (reached(DemoStage::kAssigned) && order.state != WorkOrderState::kAssigned) {
    auto s = step(actors.dispatcher,
                  {.action = WorkOrderAction::kAssign, .assignee_id = technician.user_id});
    if (!s) return s;
  }
  for (auto [at, action] : {std::pair{DemoStage::kEnRoute, WorkOrderAction::kDepart},
                            std::pair{DemoStage::kOnSite, WorkOrderAction::kArrive},
                            std::pair{DemoStage::kResolved, WorkOrderAction::kResolve}}) {
    if (!reached(at)) return Ok();
    if (auto s = step(technician, {.action = action}); !s) return s;
  }
  if (stage != DemoStage::kClosed) return Ok();
  if (auto s = step(actors.agent, {.action = WorkOrderAction::kStartCallback}); !s) return s;
  return step(
      actors.agent,
      {.action = WorkOrderAction::kClose, .reached = true, .satisfaction = planned.satisfaction});
}

// A few hundred orders over the last month, through WorkOrderService like any other: each
// with its history, audit entries and events.
Status AddDemoWorkOrders(Runtime& runtime, std::int64_t customers, SeedReport& report) {
  const std::int64_t count = std::min<std::int64_t>(300, customers / 5);
  auto actors = LoadDemoActors(runtime);
  if (!actors) return Fail(actors.error());
  SeedClock clock;
  WorkOrderService orders(runtime.store(), clock, runtime.random());
  const TimeMs now = runtime.clock().NowMs();
  Rng rng(20261115);
  std::size_t n = 0;
  for (demo::DemoWorkOrder planned : demo::PlanDemoWorkOrders(count, customers)) {
    auto customer = CustomerAt(runtime, planned.customer_index);
    if (!customer) return Fail(customer.error());
    if (customer->accounts.empty()) continue;
    const Account& account = customer->accounts[rng.Below(customer->accounts.size())];
    const demo::DemoCategory category = demo::DemoCategoryFor(account.utility, planned.type, rng);
    planned.step_gap = std::min(planned.step_gap, planned.age / 8);
    clock.Set(now - planned.age);
    auto order = orders.Create(
        actors->agent,
        {.type = planned.type,
         .category = category.code,
         .title = category.title,
         .customer_id = customer->id,
         .account_id = account.id,
         .contact_name = customer->name,
         .contact_phone = customer->phones.empty() ? std::string() : customer->phones.front()});
    if (!order) return Fail(order.error());
    auto technician = TechnicianOf(orders, *order, *actors, account.district_id, n++);
    if (!technician) return Fail(technician.error());
    if (auto s = Progress(orders, clock, planned, *order, *actors, **technician); !s) return s;
    ++report.work_orders;
  }
  return Ok();
}

demo::HistoryPerson PersonOf(const Principal& p) {
  return {p.user_id, p.display_name.empty() ? p.username : p.display_name, p.org_unit_id,
          p.scope.unrestricted() ? std::vector<std::int64_t>{} : p.scope.district_ids()};
}

// The staff a year of history is worked by: every agent takes calls, dispatcher01 dispatches,
// the technicians serve their branches' districts.
Result<demo::HistoryStaff> LoadHistoryStaff(Runtime& runtime) {
  demo::HistoryStaff staff;
  Status read = runtime.store().Read([&](StoreSession& session) -> Status {
    auto users = session.Users().List();
    if (!users) return Fail(users.error());
    for (const User& user : *users) {
      const bool dispatcher = user.username == "dispatcher01";
      if (user.role != Role::kAgent && user.role != Role::kTechnician && !dispatcher) continue;
      auto principal = LoadPrincipal(session, user);
      if (!principal) return Fail(principal.error());
      if (dispatcher) staff.dispatcher = PersonOf(*principal);
      if (user.role == Role::kAgent) staff.agents.push_back(PersonOf(*principal));
      if (user.role == Role::kTechnician) staff.technicians.push_back(PersonOf(*principal));
    }
    return Ok();
  });
  if (!read) return Fail(read.error());
  return staff;
}

// `days` of history before now, bulk-loaded (docs/design/reports.md, "Demo volume").
Status AddHistory(Runtime& runtime, int days, SeedReport& report) {
  storage::SqlHistoryLoader loader(runtime.db());
  auto accounts = loader.Accounts();
  if (!accounts) return Fail(accounts.error());
  auto staff = LoadHistoryStaff(runtime);
  if (!staff) return Fail(staff.error());
  auto first_id = loader.NextOrderId();
  if (!first_id) return Fail(first_id.error());
  demo::HistoryPlan plan;
  plan.days = days;
  plan.now = runtime.clock().NowMs();
  plan.first_id = *first_id;
  auto summary = demo::GenerateHistory(plan, *accounts, *staff, runtime.random(), loader);
  if (!summary) return Fail(summary.error());
  report.history_orders = summary->orders;
  report.history_transitions = summary->transitions;
  return loader.Finish();
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
                            const std::filesystem::path& accounts_file, int history_days) {
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
  if (auto s = AddRoutingRules(runtime, *districts); !s) return Fail(s.error());
  if (history_days > 0) {
    if (auto s = AddHistory(runtime, history_days, report); !s) return Fail(s.error());
  }
  if (auto s = AddDemoWorkOrders(runtime, customers, report); !s) return Fail(s.error());
  if (auto s = AddDemoAppointments(runtime, report); !s) return Fail(s.error());
  if (auto s = WriteAccountsFile(plan, accounts_file); !s) return Fail(s.error());
  return report;
}

}  // namespace lifeline::app
