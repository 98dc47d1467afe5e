#include "app/demo_appointments.h"

#include "core/identity/auth_service.h"

namespace lifeline::app {

namespace {

constexpr int kDemoDays = 14;
constexpr int kSeatsPerWindow = 4;
constexpr int kDemoBookings = 8;

Result<std::vector<OrgUnit>> Branches(Runtime& runtime) {
  std::vector<OrgUnit> branches;
  Status read = runtime.store().Read([&](StoreSession& session) -> Status {
    auto units = session.OrgUnits().List();
    if (!units) return Fail(units.error());
    for (OrgUnit& unit : *units) {
      if (unit.kind == OrgUnitKind::kBranch && !unit.area_district_ids.empty()) {
        branches.push_back(std::move(unit));
      }
    }
    return Ok();
  });
  if (!read) return Fail(read.error());
  return branches;
}

Result<Principal> Agent(Runtime& runtime) {
  Principal agent;
  Status read = runtime.store().Read([&](StoreSession& session) -> Status {
    auto user = session.Users().FindByUsername("agent01");
    if (!user) return Fail(user.error());
    auto principal = LoadPrincipal(session, *user);
    if (!principal) return Fail(principal.error());
    agent = std::move(*principal);
    return Ok();
  });
  if (!read) return Fail(read.error());
  return agent;
}

Result<Customer> CustomerById(Runtime& runtime, std::int64_t id) {
  Customer customer;
  Status read = runtime.store().Read([&](StoreSession& session) -> Status {
    auto found = session.Customers().FindById(id);
    if (!found) return Fail(found.error());
    customer = std::move(*found);
    return Ok();
  });
  if (!read) return Fail(read.error());
  return customer;
}

Status AddSlots(Runtime& runtime, SeedReport& report) {
  auto branches = Branches(runtime);
  if (!branches) return Fail(branches.error());
  const TimeMs now = runtime.clock().NowMs();
  const DateCode from = ToDateCode(ToLocalDate(now + kDayMs));
  const DateCode to = ToDateCode(ToLocalDate(now + kDemoDays * kDayMs));
  const Principal system = Principal::System();
  for (const OrgUnit& branch : *branches) {
    for (std::int64_t district : branch.area_district_ids) {
      for (Utility utility : {Utility::kWater, Utility::kHeat, Utility::kGas}) {
        auto created =
            runtime.appointments().CreateSlots(system, {.team_id = branch.id,
                                                        .district_id = district,
                                                        .utility = utility,
                                                        .from = from,
                                                        .to = to,
                                                        .windows = StandardWindows(kSeatsPerWindow),
                                                        .skip_non_working_days = true});
        if (!created) return Fail(created.error());
        report.appointment_slots += static_cast<int>(created->created);
      }
    }
  }
  return Ok();
}

// The first customers book a repair (or an inspection, for gas) in the first free slot of
// their district, a day or more ahead.
Status AddBookings(Runtime& runtime, SeedReport& report) {
  auto agent = Agent(runtime);
  if (!agent) return Fail(agent.error());
  AppointmentService& appointments = runtime.appointments();
  for (std::int64_t id = 1; id <= 3 * kDemoBookings && report.appointments < kDemoBookings; ++id) {
    auto customer = CustomerById(runtime, id);
    if (!customer) {
      if (customer.error().code == ErrorCode::kNotFound) break;
      return Fail(customer.error());
    }
    if (customer->accounts.empty()) continue;
    const Account& account = customer->accounts.front();
    const std::string service = std::string(UtilityCode(account.utility)) +
                                (account.utility == Utility::kGas ? ".inspection" : ".repair");
    auto available = appointments.Available(*agent, service, account.district_id, 0, 0);
    if (!available) return Fail(available.error());
    if (available->slots.empty()) continue;
    const AppointmentSlot& slot =
        available->slots[static_cast<std::size_t>(id) % available->slots.size()];
    auto booked = appointments.Book(*agent, {.account_no = account.account_no,
                                             .service = service,
                                             .slot_id = slot.id,
                                             .note = "演示预约"});
    if (!booked) return Fail(booked.error());
    ++report.appointments;
  }
  return Ok();
}

}  // namespace

Status AddDemoAppointments(Runtime& runtime, SeedReport& report) {
  if (auto s = AddSlots(runtime, report); !s) return s;
  return AddBookings(runtime, report);
}

}  // namespace lifeline::app
