#include "core/demo/demo_staff.h"

#include <array>

#include "core/common/rng.h"
#include "core/demo/people.h"

namespace lifeline::demo {

namespace {

struct BranchPlan {
  std::string_view code;
  std::string_view name;
  std::array<std::string_view, 2> districts;
};

constexpr std::array<BranchPlan, 4> kBranches{{
    {"chengqu", "城区分公司", {"laocheng", "xincheng"}},
    {"jiangbei", "江北分公司", {"jiangbei", "donghu"}},
    {"jiangnan", "江南分公司", {"jiangnan", "lingang"}},
    {"xibu", "西部分公司", {"gaoxin", "xishan"}},
}};

constexpr int kTechniciansPerBranch = 10;
constexpr int kGasEmergencyTechnicians = 4;
constexpr int kCentralAgents = 6;
constexpr std::uint64_t kStaffSeed = 2026;

std::string Two(int n) {
  return (n < 10 ? "0" : "") + std::to_string(n);
}

}  // namespace

StaffPlan DemoStaff() {
  StaffPlan plan;
  Rng rng(kStaffSeed);
  auto unit = [&](std::string code, std::optional<std::string> parent, OrgUnitKind kind,
                  std::string name, std::vector<std::string> districts = {}) {
    plan.units.push_back(
        {std::move(code), std::move(parent), kind, std::move(name), std::move(districts)});
  };
  auto member = [&](std::string username, Role role, std::string unit_code) {
    plan.members.push_back({std::move(username), PersonName(rng), role, std::move(unit_code)});
  };

  unit("group", std::nullopt, OrgUnitKind::kCompany, "临江市公用事业集团");
  unit("service-centre", "group", OrgUnitKind::kDepartment, "客户服务中心");
  unit("agents-1", "service-centre", OrgUnitKind::kTeam, "坐席一班");
  unit("agents-2", "service-centre", OrgUnitKind::kTeam, "坐席二班");
  unit("dispatch-centre", "group", OrgUnitKind::kDepartment, "调度中心");
  unit("network-ops", "group", OrgUnitKind::kDepartment, "管网调度中心");
  unit("it", "group", OrgUnitKind::kDepartment, "信息中心");
  unit("audit", "group", OrgUnitKind::kDepartment, "审计监察部");

  member("admin", Role::kAdmin, "it");
  for (int i = 1; i <= kCentralAgents; ++i) {
    member("agent" + Two(i), Role::kAgent, i <= kCentralAgents / 2 ? "agents-1" : "agents-2");
  }
  member("supervisor01", Role::kSupervisor, "service-centre");
  member("dispatcher01", Role::kDispatcher, "dispatch-centre");
  member("dispatcher02", Role::kDispatcher, "dispatch-centre");
  member("ops01", Role::kSupervisor, "network-ops");
  member("manager01", Role::kManager, "group");
  member("auditor01", Role::kAuditor, "audit");
  member("integration01", Role::kIntegration, "it");

  int technician = 0;
  for (const BranchPlan& branch : kBranches) {
    const std::string code(branch.code);
    unit(code, "group", OrgUnitKind::kBranch, std::string(branch.name),
         {std::string(branch.districts[0]), std::string(branch.districts[1])});
    unit(code + "-service", code, OrgUnitKind::kDepartment, "营业服务所");
    unit(code + "-repair", code, OrgUnitKind::kDepartment, "维修所");
    unit(code + "-repair-1", code + "-repair", OrgUnitKind::kTeam, "维修一班");
    unit(code + "-repair-2", code + "-repair", OrgUnitKind::kTeam, "维修二班");
    member("agent." + code, Role::kAgent, code + "-service");
    member("dispatcher." + code, Role::kDispatcher, code + "-repair");
    for (int i = 0; i < kTechniciansPerBranch; ++i) {
      member("tech" + Two(++technician), Role::kTechnician,
             code + (i < kTechniciansPerBranch / 2 ? "-repair-1" : "-repair-2"));
    }
  }
  // The city-wide gas emergency crew (燃气抢险): every gas leak, smell or alarm goes to them.
  unit(std::string(kGasEmergencyTeam), "network-ops", OrgUnitKind::kTeam, "燃气抢险队");
  for (int i = 0; i < kGasEmergencyTechnicians; ++i) {
    member("tech" + Two(++technician), Role::kTechnician, std::string(kGasEmergencyTeam));
  }
  return plan;
}

std::vector<DemoRoutingRule> DemoRoutingRules() {
  std::vector<DemoRoutingRule> rules;
  auto rule = [&](std::string category, std::optional<std::string> district, std::string unit,
                  bool auto_assign = false) {
    rules.push_back({std::move(category), std::move(district), std::move(unit), auto_assign});
  };
  // Each branch's repair crews take its districts' field work; its business office the desk
  // work (bills, transfers, suspensions, gas card top-ups).
  for (const BranchPlan& branch : kBranches) {
    const std::string code(branch.code);
    for (std::string_view district : branch.districts) {
      const std::string d(district);
      for (const char* root : {"water", "heat", "gas"}) rule(root, d, code + "-repair");
      for (const char* desk :
           {"water.business.billing", "water.business.transfer", "heat.business.billing",
            "heat.business.suspend", "gas.meter.card"}) {
        rule(desk, d, code + "-service");
      }
    }
  }
  // City-wide: gas safety to the emergency crew, assigned at once; complaints about the service
  // to the service centre, which answers them.
  rule("gas.safety", std::nullopt, std::string(kGasEmergencyTeam), true);
  for (const char* service : {"water.service", "heat.service", "gas.service"}) {
    rule(service, std::nullopt, "service-centre");
  }
  return rules;
}

}  // namespace lifeline::demo
