// Routing on both backends: rules and the edited category tree stored and read back, a new
// order dispatched by the most specific rule in its own unit of work (history row by the
// system, workorder.dispatched), auto-assignment, assignee suggestions by open load, open load
// in the dispatch suggestions, and tree edits refused while orders still use a code.
#include <gmock/gmock.h>

#include "adapters/storage/sql_city_loader.h"
#include "core/demo/demo_city.h"
#include "core/dispatch/field/dispatch_service.h"
#include "core/workorders/work_order_service.h"
#include "tests/contract/backend_test.h"

namespace lifeline::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using A = WorkOrderAction;
using dispatch::Trade;

Principal PrincipalOf(const User& user) {
  Principal p;
  p.user_id = user.id;
  p.username = user.username;
  p.display_name = user.display_name;
  p.role = user.role;
  p.org_unit_id = user.org_unit_id;
  p.permissions = RolePermissions(user.role);
  return p;
}

class RoutingContract : public BackendTest {
 protected:
  void SetUp() override {
    storage::SqlCityLoader loader(database.db(), services.cipher);
    ASSERT_TRUE(demo::GenerateDemoCity({.customers = 40, .as_of = services.clock.NowMs()}, loader)
                    .has_value());
    ASSERT_TRUE(loader.Finish().has_value());
    company_ = services.AddCompany("route-co");
    customer_ = Customer1();
    account_ = customer_.accounts.front();
    Districts();
    branch_ = AddUnit("branch", company_.id, OrgUnitKind::kBranch, {account_.district_id});
    repair_ = AddUnit("branch-repair", branch_, OrgUnitKind::kDepartment);
    team_ = AddUnit("branch-repair-1", repair_, OrgUnitKind::kTeam);
    desk_ = AddUnit("desk", company_.id, OrgUnitKind::kDepartment);
    agent_ = PrincipalOf(services.AddUser("agent", Role::kAgent, company_.id));
    dispatcher_ = PrincipalOf(services.AddUser("dispatcher", Role::kDispatcher, company_.id));
    admin_ = PrincipalOf(services.AddUser("admin", Role::kAdmin, company_.id));
    const Trade trade = TradeOf(account_.utility);
    junior_ = AddTechnician("junior", team_, {{trade, 1}});
    senior_ = AddTechnician("senior", team_, {{trade, 4}});
    other_trade_ = AddTechnician("meter", team_, {{Trade::kMeter, 5}});
  }

  static Trade TradeOf(Utility utility) {
    return utility == Utility::kWater  ? Trade::kPipeRepair
           : utility == Utility::kHeat ? Trade::kHeatValve
                                       : Trade::kGasSafety;
  }
  // A field-work category of the account's utility and its branch node.
  std::string Category() const {
    return account_.utility == Utility::kWater  ? "water.quality.yellow"
           : account_.utility == Utility::kHeat ? "heat.temperature.cold"
                                                : "gas.supply.none";
  }
  std::string Root() const { return std::string(UtilityCode(account_.utility)); }
  std::string Branch() const { return std::string(ParentCode(Category())); }

  Customer Customer1() {
    Customer found;
    EXPECT_TRUE(services.store
                    .Read([&](StoreSession& session) -> Status {
                      auto customer = session.Customers().FindById(1);
                      if (!customer) return Fail(customer.error());
                      found = std::move(*customer);
                      return Ok();
                    })
                    .has_value());
    return found;
  }

  void Districts() {
    ASSERT_TRUE(services.store
                    .Read([&](StoreSession& session) -> Status {
                      auto districts = session.Topology().ListNodes(NodeKind::kDistrict);
                      if (!districts) return Fail(districts.error());
                      for (const TopologyNode& d : *districts) {
                        if (d.id != account_.district_id) other_district_ = d.id;
                      }
                      auto children = session.Topology().ListNodes(NodeKind::kCommunity);
                      if (!children) return Fail(children.error());
                      if (!children->empty()) community_ = children->front().id;
                      return Ok();
                    })
                    .has_value());
  }

  std::int64_t AddUnit(const std::string& code, std::int64_t parent, OrgUnitKind kind,
                       std::vector<std::int64_t> area = {}) {
    std::int64_t id = 0;
    EXPECT_TRUE(services.store
                    .Write([&](StoreSession& session) -> Status {
                      OrgUnit unit{.parent_id = parent,
                                   .kind = kind,
                                   .code = code,
                                   .name = code,
                                   .area_district_ids = std::move(area)};
                      auto added = session.OrgUnits().Insert(unit);
                      if (!added) return Fail(added.error());
                      id = *added;
                      return Ok();
                    })
                    .has_value());
    return id;
  }

  Principal AddTechnician(const std::string& username, std::int64_t unit,
                          std::vector<dispatch::TradeSkill> skills) {
    const Principal tech = PrincipalOf(services.AddUser(username, Role::kTechnician, unit));
    EXPECT_TRUE(services.store
                    .Write([&](StoreSession& session) -> Status {
                      dispatch::Technician profile;
                      profile.user_id = tech.user_id;
                      profile.skills = std::move(skills);
                      return session.Technicians().Save(profile);
                    })
                    .has_value());
    return tech;
  }

  NewWorkOrder Draft(std::string category = "") const {
    return {.type = WorkOrderType::kRepair,
            .category = category.empty() ? Category() : std::move(category),
            .title = "报修",
            .customer_id = customer_.id,
            .account_id = account_.id,
            .contact_name = "张先生"};
  }

  WorkOrder Create(const Principal& who, NewWorkOrder draft) {
    auto created = orders.Create(who, draft);
    EXPECT_TRUE(created.has_value()) << created.error().message;
    return created.value_or(WorkOrder{});
  }

  Result<std::vector<RoutingRule>> Save(std::vector<RoutingRule> rules) {
    return orders.SaveRoutingRules(admin_, rules);
  }

  std::vector<StoredEvent> Events(std::string_view topic = "workorder") {
    std::vector<StoredEvent> events;
    EXPECT_TRUE(services.store
                    .Read([&](StoreSession& session) -> Status {
                      auto read = session.Events().ReadAfter(0, {std::string(topic)}, 1000);
                      if (!read) return Fail(read.error());
                      events = std::move(*read);
                      return Ok();
                    })
                    .has_value());
    return events;
  }

  WorkOrderService orders{services.store, services.clock, services.random};
  OrgUnit company_;
  Customer customer_;
  Account account_;
  std::int64_t other_district_ = 0;
  std::int64_t community_ = 0;
  std::int64_t branch_ = 0, repair_ = 0, team_ = 0, desk_ = 0;
  Principal agent_, dispatcher_, admin_, junior_, senior_, other_trade_;
};

TEST_P(RoutingContract, RulesAndTheEditedTreeAreStoredAndReadBack) {
  auto saved =
      Save({{.category = Root(), .district_id = account_.district_id, .org_unit_id = repair_},
            {.category = Branch(), .org_unit_id = desk_, .auto_assign = true}});
  ASSERT_TRUE(saved.has_value()) << saved.error().message;
  ASSERT_EQ(saved->size(), 2u);
  EXPECT_GT((*saved)[0].id, 0);
  EXPECT_EQ((*saved)[0].district_id, account_.district_id);
  EXPECT_EQ((*saved)[1].district_id, std::nullopt);
  EXPECT_TRUE((*saved)[1].auto_assign);
  auto read = orders.RoutingRules(agent_);
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(read->size(), 2u);

  std::vector<lifeline::Category> tree = orders.categories()->all();
  tree.push_back({.code = Branch() + ".sand",
                  .name = "有沙",
                  .parent = Branch(),
                  .suggested_priority = Priority::kUrgent,
                  .site_visit = true,
                  .trade = Trade::kMeter});
  auto edited = orders.SaveCategories(admin_, tree);
  ASSERT_TRUE(edited.has_value()) << edited.error().message;
  // A fresh service (another node, a restart) reads the same tree from the store.
  WorkOrderService fresh{services.store, services.clock, services.random};
  const lifeline::Category* sand = fresh.categories()->Find(Branch() + ".sand");
  ASSERT_NE(sand, nullptr);
  EXPECT_EQ(sand->name, "有沙");
  EXPECT_EQ(sand->utility, account_.utility) << "inherited from the root";
  EXPECT_EQ(sand->trade, Trade::kMeter);
  EXPECT_EQ(sand->suggested_priority, Priority::kUrgent);
  EXPECT_EQ(fresh.categories()->all().size(), tree.size());
  EXPECT_EQ(fresh.categories()->TradeFor("gas.safety.leak"), Trade::kGasSafety);

  const auto events = Events();
  std::vector<std::string> types;
  for (const auto& e : events) types.push_back(e.type);
  EXPECT_THAT(types,
              ElementsAre("workorder.routing_rules_changed", "workorder.categories_changed"));
  auto audit =
      services.audit.Search(Principal::System(), {.entity_type = "work_order_routing_rules"});
  ASSERT_TRUE(audit.has_value());
  EXPECT_EQ(audit->size(), 1u);
}

TEST_P(RoutingContract, ANewOrderIsDispatchedByTheMostSpecificRuleInOneUnitOfWork) {
  ASSERT_TRUE(
      Save({{.category = Root(), .org_unit_id = desk_},
            {.category = Root(), .district_id = account_.district_id, .org_unit_id = repair_},
            {.category = Root() + ".service", .org_unit_id = company_.id}}));
  const WorkOrder order = Create(agent_, Draft());
  EXPECT_EQ(order.state, WorkOrderState::kDispatched);
  EXPECT_EQ(order.department_id, repair_) << "the district's rule over the city-wide one";
  EXPECT_TRUE(order.responded_at.has_value());

  auto detail = orders.Get(dispatcher_, order.id);
  ASSERT_TRUE(detail.has_value());
  ASSERT_EQ(detail->history.size(), 2u);
  EXPECT_EQ(detail->history[1].action, "dispatch");
  EXPECT_EQ(detail->history[1].actor_id, 0) << "the system";
  EXPECT_EQ(detail->history[1].actor_name, "系统");
  EXPECT_THAT(detail->history[1].note, HasSubstr("按分派规则"));
  EXPECT_EQ(detail->order.version, 2);
  const auto events = Events();
  ASSERT_EQ(events.size(), 3u);  // the rules, then the order's two
  EXPECT_EQ(events[1].type, "workorder.created");
  EXPECT_EQ(events[2].type, "workorder.dispatched");

  // The longer prefix wins over the district.
  const WorkOrder complaint = Create(agent_, Draft(Root() + ".service.attitude"));
  EXPECT_EQ(complaint.department_id, company_.id);
  // A department named in the request wins over every rule.
  NewWorkOrder named = Draft();
  named.department_id = desk_;
  EXPECT_EQ(orders.Create(agent_, named).error().code, ErrorCode::kForbidden)
      << "naming a department is dispatching";
  const WorkOrder chosen = Create(dispatcher_, named);
  EXPECT_EQ(chosen.department_id, desk_);
  auto chosen_detail = orders.Get(dispatcher_, chosen.id);
  EXPECT_EQ(chosen_detail->history[1].actor_id, dispatcher_.user_id);
  named.department_id = 999'999;
  EXPECT_EQ(orders.Create(dispatcher_, named).error().field, "department_id");
  // No rule: the order waits in accepted.
  const WorkOrder question = Create(agent_, Draft("general.consultation"));
  EXPECT_EQ(question.state, WorkOrderState::kAccepted);
  // The rules are kept between orders; saving new ones applies from the very next order.
  ASSERT_TRUE(Save({{.category = Root(), .org_unit_id = desk_}}));
  EXPECT_EQ(Create(agent_, Draft()).department_id, desk_);
  ASSERT_TRUE(Save({}));
  EXPECT_EQ(Create(agent_, Draft()).state, WorkOrderState::kAccepted);
}

// The order's account places it in the demo city, so the ranking is by arrival: the two have the
// same way to go, so the higher level first, then the one without an open order.
TEST_P(RoutingContract, SuggestionsRankTheDepartmentsSkilledPeopleByArrivalAndLoad) {
  ASSERT_TRUE(Save({{.category = Root(), .org_unit_id = repair_}}));
  const WorkOrder first = Create(agent_, Draft());
  auto ranked = orders.SuggestAssignees(dispatcher_, first.id);
  ASSERT_TRUE(ranked.has_value()) << ranked.error().message;
  ASSERT_EQ(ranked->size(), 2u) << "the meter technician lacks the trade";
  EXPECT_EQ((*ranked)[0].user_id, senior_.user_id) << "equal load: the higher level";
  ASSERT_TRUE((*ranked)[0].travel_minutes.has_value()) << "the account's building is known";
  EXPECT_EQ((*ranked)[0].travel_minutes, (*ranked)[1].travel_minutes);
  EXPECT_EQ((*ranked)[0].reason, "测试用户：约 " + std::to_string(*(*ranked)[0].travel_minutes) +
                                     " 分钟可到，在办 0 单，技能 " +
                                     std::string(dispatch::TradeLabel(TradeOf(account_.utility))) +
                                     " 4 级");
  ASSERT_TRUE(
      orders.Act(dispatcher_, first.id, {.action = A::kAssign, .assignee_id = senior_.user_id}));

  const WorkOrder second = Create(agent_, Draft());
  ranked = orders.SuggestAssignees(dispatcher_, second.id);
  ASSERT_TRUE(ranked.has_value());
  EXPECT_EQ((*ranked)[0].user_id, junior_.user_id) << "the senior has one open";
  EXPECT_EQ((*ranked)[1].open_orders, 1);
  EXPECT_THAT((*ranked)[1].reason, HasSubstr("在办 1 单"));

  // The dispatch suggestions see the same load.
  dispatch::DispatchService dispatching(services.store, services.clock);
  dispatch::JobNeed need;
  need.trade = TradeOf(account_.utility);
  need.priority = dispatch::JobPriority::kEmergency;
  auto job = dispatching.Suggest(dispatcher_, need);
  ASSERT_TRUE(job.has_value()) << job.error().message;
  for (const dispatch::Suggestion& s : *job) {
    EXPECT_EQ(s.jobs_left, s.user_id == senior_.user_id ? 1 : 0) << s.explanation;
  }

  EXPECT_EQ(orders.SuggestAssignees(agent_, second.id).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(orders.SuggestAssignees(dispatcher_, 999'999).error().code, ErrorCode::kNotFound);
}

TEST_P(RoutingContract, ADepartmentWithoutCrewFallsBackToTheBranchServingTheDistrict) {
  ASSERT_TRUE(Save({{.category = Root(), .org_unit_id = desk_}}));
  const WorkOrder order = Create(agent_, Draft());
  EXPECT_EQ(order.department_id, desk_);
  auto ranked = orders.SuggestAssignees(dispatcher_, order.id);
  ASSERT_TRUE(ranked.has_value());
  EXPECT_EQ(ranked->size(), 2u) << "the branch's crew";
}

TEST_P(RoutingContract, AnAutoAssignRuleAssignsTheFirstSuggestion) {
  ASSERT_TRUE(Save({{.category = Root(), .org_unit_id = repair_, .auto_assign = true}}));
  const WorkOrder order = Create(agent_, Draft());
  EXPECT_EQ(order.state, WorkOrderState::kAssigned);
  EXPECT_EQ(order.assignee_id, senior_.user_id);
  EXPECT_EQ(order.department_id, team_) << "the assignee's team, as for a manual assign";
  auto detail = orders.Get(dispatcher_, order.id);
  std::vector<std::string> actions;
  for (const auto& t : detail->history) actions.push_back(t.action);
  EXPECT_THAT(actions, ElementsAre("create", "dispatch", "assign"));
  EXPECT_THAT(detail->history[2].note, HasSubstr("在办 0 单"));
  const WorkOrder next = Create(agent_, Draft());
  EXPECT_EQ(next.assignee_id, junior_.user_id) << "the load spreads";
}

TEST_P(RoutingContract, BadRulesNameTheFieldAndChangeNothing) {
  auto field_of = [&](std::vector<RoutingRule> rules) {
    auto saved = Save(std::move(rules));
    return saved ? std::string("ok") : saved.error().field;
  };
  EXPECT_EQ(field_of({{.category = "steam", .org_unit_id = repair_}}), "items[0].category");
  EXPECT_EQ(field_of({{.category = Root(), .org_unit_id = 999'999}}), "items[0].org_unit_id");
  EXPECT_EQ(field_of({{.category = Root(), .district_id = 999'999, .org_unit_id = repair_}}),
            "items[0].district_id");
  if (community_ != 0) {
    EXPECT_EQ(field_of({{.category = Root(), .district_id = community_, .org_unit_id = repair_}}),
              "items[0].district_id");
  }
  EXPECT_EQ(orders.SaveRoutingRules(dispatcher_, {}).error().code, ErrorCode::kForbidden);
  EXPECT_TRUE(orders.RoutingRules(agent_)->empty());
  EXPECT_TRUE(Events().empty());
}

TEST_P(RoutingContract, TreeEditsThatWouldStrandOrdersAreRefused) {
  const WorkOrder order = Create(agent_, Draft());
  std::vector<lifeline::Category> without;
  for (const lifeline::Category& c : orders.categories()->all()) {
    if (c.code != Category()) without.push_back(c);
  }
  auto refused = orders.SaveCategories(admin_, without);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  EXPECT_THAT(refused.error().message, HasSubstr(Category()));
  EXPECT_EQ(orders.SaveCategories(agent_, without).error().code, ErrorCode::kForbidden);

  // Once the order is finished the code may go; new orders can no longer use it.
  ASSERT_TRUE(orders.Act(dispatcher_, order.id, {.action = A::kCancel, .note = "重复"}));
  auto saved = orders.SaveCategories(admin_, without);
  ASSERT_TRUE(saved.has_value()) << saved.error().message;
  EXPECT_EQ(orders.Create(agent_, Draft()).error().field, "category");
  EXPECT_EQ(orders.Get(dispatcher_, order.id)->order.category, Category()) << "history keeps it";

  // A routing rule holds a code too.
  ASSERT_TRUE(Save({{.category = Branch(), .org_unit_id = repair_}}));
  std::vector<lifeline::Category> no_branch;
  for (const lifeline::Category& c : without) {
    if (!CoversCategory(Branch(), c.code)) no_branch.push_back(c);
  }
  auto held = orders.SaveCategories(admin_, no_branch);
  ASSERT_FALSE(held.has_value());
  EXPECT_THAT(held.error().message, HasSubstr("routing rule"));
}

LIFELINE_ON_BOTH_BACKENDS(RoutingContract);

}  // namespace
}  // namespace lifeline::testing
