// Routing: which rule wins, rule and tree validation, the trade a category needs, and how
// assignee suggestions are ranked and explained.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/workorders/assignee_ranking.h"
#include "core/workorders/category_catalog.h"
#include "core/workorders/routing_rule.h"

namespace lifeline {
namespace {

using dispatch::Trade;

constexpr std::int64_t kLaocheng = 11;
constexpr std::int64_t kXincheng = 12;

RoutingRule Rule(std::string category, std::optional<std::int64_t> district, std::int64_t unit) {
  return {.category = std::move(category), .district_id = district, .org_unit_id = unit};
}

std::int64_t UnitFor(std::span<const RoutingRule> rules, std::string_view category,
                     std::optional<std::int64_t> district) {
  const RoutingRule* rule = MatchRoutingRule(rules, category, district);
  return rule == nullptr ? 0 : rule->org_unit_id;
}

TEST(RoutingRules, ThePrefixCoversWholeCodeParts) {
  EXPECT_TRUE(CoversCategory("gas", "gas"));
  EXPECT_TRUE(CoversCategory("gas", "gas.safety.leak"));
  EXPECT_TRUE(CoversCategory("gas.safety", "gas.safety.leak"));
  EXPECT_FALSE(CoversCategory("gas", "gasworks.pipe"));
  EXPECT_FALSE(CoversCategory("gas.safety.leak", "gas.safety"));
  EXPECT_FALSE(CoversCategory("", "gas"));
}

TEST(RoutingRules, TheLongestCategoryPrefixWinsThenTheDistrictRule) {
  const std::vector<RoutingRule> rules{
      Rule("gas", kLaocheng, 1),        Rule("gas.safety", std::nullopt, 2),
      Rule("water", std::nullopt, 3),   Rule("water", kLaocheng, 4),
      Rule("water.leak", kXincheng, 5), Rule("water.leak.burst", std::nullopt, 6),
      Rule("heat", kXincheng, 7),
  };
  // A longer prefix beats a district: city-wide gas safety over the district's gas rule.
  EXPECT_EQ(UnitFor(rules, "gas.safety.leak", kLaocheng), 2);
  EXPECT_EQ(UnitFor(rules, "gas.supply.none", kLaocheng), 1);
  // Same prefix: the district's rule over the city-wide one.
  EXPECT_EQ(UnitFor(rules, "water.quality.yellow", kLaocheng), 4);
  EXPECT_EQ(UnitFor(rules, "water.quality.yellow", kXincheng), 3);
  EXPECT_EQ(UnitFor(rules, "water.quality.yellow", std::nullopt), 3);
  EXPECT_EQ(UnitFor(rules, "water.leak.valve", kXincheng), 5);
  EXPECT_EQ(UnitFor(rules, "water.leak.burst", kXincheng), 6);
  // No rule: the order stays with whoever took it.
  EXPECT_EQ(UnitFor(rules, "heat.leak.pipe", kLaocheng), 0);
  EXPECT_EQ(UnitFor(rules, "heat.leak.pipe", std::nullopt), 0);
  EXPECT_EQ(UnitFor(rules, "general.consultation", kXincheng), 0);
}

TEST(RoutingRules, TheListOrderDoesNotDecide) {
  std::vector<RoutingRule> rules{Rule("water", kLaocheng, 4), Rule("water", std::nullopt, 3),
                                 Rule("water.meter", std::nullopt, 8)};
  EXPECT_EQ(UnitFor(rules, "water.pressure.low", kLaocheng), 4);
  EXPECT_EQ(UnitFor(rules, "water.meter.fault", kLaocheng), 8);
  std::reverse(rules.begin(), rules.end());
  EXPECT_EQ(UnitFor(rules, "water.pressure.low", kLaocheng), 4);
  EXPECT_EQ(UnitFor(rules, "water.meter.fault", kLaocheng), 8);
}

TEST(RoutingRules, ValidationNamesTheRule) {
  const CategoryTree& tree = DefaultCategoryTree();
  std::vector<RoutingRule> rules{Rule("water", kLaocheng, 4), Rule("steam", std::nullopt, 3)};
  Status unknown = ValidateRoutingRules(rules, tree);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().field, "items[1].category");
  rules[1] = Rule("water", kLaocheng, 5);
  Status twice = ValidateRoutingRules(rules, tree);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().field, "items[1].district_id");
  rules[1] = Rule("water", std::nullopt, 5);
  EXPECT_TRUE(ValidateRoutingRules(rules, tree));
}

TEST(CategoryTrades, LeavesInheritTheTradeOfTheirBranch) {
  const CategoryTree& tree = DefaultCategoryTree();
  EXPECT_EQ(tree.TradeFor("water.quality.yellow"), Trade::kPipeRepair);
  EXPECT_EQ(tree.TradeFor("water.meter.frozen"), Trade::kMeter);
  EXPECT_EQ(tree.TradeFor("heat.temperature.cold"), Trade::kHeatValve);
  EXPECT_EQ(tree.TradeFor("heat.equipment.meter"), Trade::kMeter);
  EXPECT_EQ(tree.TradeFor("gas.safety.leak"), Trade::kGasSafety);
  EXPECT_EQ(tree.TradeFor("water.business.billing"), std::nullopt) << "desk work";
  EXPECT_EQ(tree.TradeFor("general.other"), std::nullopt);
  EXPECT_EQ(tree.TradeFor("no.such.code"), std::nullopt);
}

Category Node(std::string code, std::string name, std::string parent = "") {
  return {.code = std::move(code), .name = std::move(name), .parent = std::move(parent)};
}

TEST(CategoryValidation, ParentsComeFirstAndChildrenTakeTheRootsUtility) {
  std::vector<Category> tree{Node("water", "供水"), Node("water.quality", "水质"),
                             Node("water.quality.yellow", "水黄", "water.quality")};
  tree[0].utility = Utility::kWater;
  auto valid = ValidateCategories(tree);
  ASSERT_TRUE(valid.has_value()) << valid.error().message;
  EXPECT_EQ((*valid)[1].parent, "water") << "filled in from the code";
  EXPECT_EQ((*valid)[2].utility, Utility::kWater);
}

TEST(CategoryValidation, EachRefusalNamesTheField) {
  auto field_of = [](std::vector<Category> tree) {
    auto valid = ValidateCategories(std::move(tree));
    return valid ? std::string("ok") : valid.error().field;
  };
  EXPECT_EQ(field_of({}), "items");
  EXPECT_EQ(field_of({Node("Water", "供水")}), "items[0].code");
  EXPECT_EQ(field_of({Node("water..x", "供水")}), "items[0].code");
  EXPECT_EQ(field_of({Node("water", "供水"), Node("water", "供水")}), "items[1].code");
  EXPECT_EQ(field_of({Node("water.quality", "水质")}), "items[0].parent") << "no parent";
  EXPECT_EQ(field_of({Node("water.quality", "水质"), Node("water", "供水")}), "items[0].parent")
      << "the parent must come first";
  EXPECT_EQ(field_of({Node("water", "供水"), Node("water.quality", "水质", "heat")}),
            "items[1].parent");
  EXPECT_EQ(field_of({Node("water", "")}), "items[0].name");
  std::vector<Category> mixed{Node("water", "供水"), Node("water.quality", "水质")};
  mixed[0].utility = Utility::kWater;
  mixed[1].utility = Utility::kGas;
  EXPECT_EQ(field_of(mixed), "items[1].utility");
}

TEST(CategoryCatalog, HandsOutSnapshotsAndFallsBackToTheBuiltInTree) {
  CategoryCatalog catalog;
  EXPECT_EQ(catalog.Current(), nullptr) << "not loaded yet";
  auto builtin = catalog.Replace({});
  EXPECT_NE(builtin->Find("gas.safety.leak"), nullptr);
  auto edited = catalog.Replace({Node("water", "供水")});
  EXPECT_EQ(catalog.Current(), edited);
  EXPECT_NE(builtin->Find("gas.safety.leak"), nullptr) << "an old snapshot stays whole";
  EXPECT_EQ(edited->Find("gas.safety.leak"), nullptr);
  catalog.Invalidate();
  EXPECT_EQ(catalog.Current(), nullptr);
}

dispatch::Technician Tech(std::int64_t id, std::string name, std::int64_t team,
                          std::vector<dispatch::TradeSkill> skills, bool on_duty = true) {
  dispatch::Technician t;
  t.user_id = id;
  t.name = std::move(name);
  t.team_id = team;
  t.skills = std::move(skills);
  t.on_duty = on_duty;
  return t;
}

TEST(AssigneeRanking, LeastOpenLoadFirstThenSkillWithReasons) {
  const std::vector<dispatch::Technician> techs{
      Tech(1, "李师傅", 7, {{Trade::kPipeRepair, 3}}),
      Tech(2, "王师傅", 7, {{Trade::kPipeRepair, 1}}),
      Tech(3, "张师傅", 7, {{Trade::kGasSafety, 5}}),                      // wrong trade
      Tech(4, "赵师傅", 7, {{Trade::kPipeRepair, 5}}, /*on_duty=*/false),  // on leave
      Tech(5, "钱师傅", 7, {{Trade::kPipeRepair, 4}}),
  };
  const std::vector<AssigneeLoad> loads{{1, 2}, {2, 0}, {5, 2}};
  auto ranked = RankAssignees(techs, Trade::kPipeRepair, loads);
  ASSERT_EQ(ranked.size(), 3u);
  EXPECT_EQ(ranked[0].user_id, 2) << "nothing open";
  EXPECT_EQ(ranked[1].user_id, 5) << "same load as 李师傅, higher level";
  EXPECT_EQ(ranked[2].user_id, 1);
  EXPECT_EQ(ranked[2].reason, "李师傅：在办 2 单，技能 管道维修 3 级");
  EXPECT_EQ(ranked[0].reason, "王师傅：在办 0 单，技能 管道维修 1 级");

  auto desk = RankAssignees(techs, std::nullopt, loads);
  ASSERT_EQ(desk.size(), 4u) << "no trade needed: everyone on duty";
  EXPECT_EQ(desk[0].user_id, 2);
  EXPECT_EQ(desk[1].user_id, 3);
  EXPECT_EQ(desk[1].reason, "张师傅：在办 0 单");
}

// With the order's place known: nearest in time first, an hour per open order; whoever cannot
// keep the arrival deadline, and then whoever is off shift, comes after; nobody is dropped.
TEST(AssigneeRanking, ByArrivalWhereTheOrderIsKnownWithTheDeadlineAndShiftsSpelledOut) {
  std::vector<dispatch::Technician> techs{
      Tech(1, "李师傅", 7, {{Trade::kPipeRepair, 1}}),  // 1 km away, free
      Tech(2, "王师傅", 7, {{Trade::kPipeRepair, 1}}),  // 2 km away, two orders open
      Tech(3, "赵师傅", 7, {{Trade::kPipeRepair, 1}}),  // 3 km away, but his shift is over
  };
  for (std::size_t i = 0; i < techs.size(); ++i) {
    techs[i].depot = {double(i + 1), 0};
    techs[i].shift = {8 * 60, 17 * 60};
  }
  techs[2].shift = {6 * 60, 9 * 60};
  const std::vector<AssigneeLoad> loads{{2, 2}};
  OrderNeed need{.trade = Trade::kPipeRepair,
                 .location = dispatch::Point{0, 0},
                 .priority = Priority::kNormal,
                 .now_minute = 9 * 60 + 30};
  auto ranked = RankForOrder(techs, need, loads);
  ASSERT_EQ(ranked.size(), 3u);
  EXPECT_EQ(ranked[0].user_id, 1);
  EXPECT_EQ(ranked[0].travel_minutes, 4);  // 1 km × 1.35 at 25 km/h → 3.24 → 4 minutes
  EXPECT_EQ(ranked[0].reason, "李师傅：约 4 分钟可到，在办 0 单，技能 管道维修 1 级");
  EXPECT_EQ(ranked[1].user_id, 2);
  EXPECT_EQ(ranked[2].user_id, 3);
  EXPECT_FALSE(ranked[2].on_shift);
  EXPECT_EQ(ranked[2].reason,
            "赵师傅：约 10 分钟可到，在办 0 单，技能 管道维修 1 级（当前不在班）");

  need.arrive_by_minute = 9 * 60 + 40;  // 王师傅's two hours of work ahead miss it
  ranked = RankForOrder(techs, need, loads);
  EXPECT_TRUE(ranked[0].in_time);
  EXPECT_FALSE(ranked[1].in_time);
  EXPECT_EQ(ranked[1].user_id, 2);
  EXPECT_NE(ranked[1].reason.find("（赶不上到场时限）"), std::string::npos);

  need.priority = Priority::kEmergency;  // the queue and the clock no longer count
  ranked = RankForOrder(techs, need, loads);
  EXPECT_TRUE(ranked[2].on_shift);
  EXPECT_NE(ranked[1].reason.find("（紧急，插单）"), std::string::npos) << ranked[1].reason;

  need.location.reset();  // no place: by open orders, as before
  EXPECT_EQ(RankForOrder(techs, need, loads)[0].reason, "李师傅：在办 0 单，技能 管道维修 1 级");
}

TEST(AssigneeRanking, UnitsBelowADepartmentAndTheBranchServingADistrict) {
  auto unit = [](std::int64_t id, std::optional<std::int64_t> parent, OrgUnitKind kind,
                 std::vector<std::int64_t> area = {}) {
    OrgUnit u;
    u.id = id;
    u.parent_id = parent;
    u.kind = kind;
    u.area_district_ids = std::move(area);
    return u;
  };
  const std::vector<OrgUnit> units{
      unit(1, std::nullopt, OrgUnitKind::kCompany),
      unit(2, 1, OrgUnitKind::kBranch, {kLaocheng, kXincheng}),
      unit(3, 2, OrgUnitKind::kDepartment),
      unit(4, 3, OrgUnitKind::kTeam),
      unit(5, 1, OrgUnitKind::kDepartment),
  };
  EXPECT_EQ(UnitSubtree(units, 2), (std::vector<std::int64_t>{2, 3, 4}));
  EXPECT_EQ(UnitSubtree(units, 4), (std::vector<std::int64_t>{4}));
  EXPECT_EQ(BranchServing(units, kXincheng), 2);
  EXPECT_EQ(BranchServing(units, 99), std::nullopt);
  const std::vector<dispatch::Technician> techs{Tech(1, "a", 4, {}), Tech(2, "b", 5, {})};
  const std::vector<std::int64_t> branch = UnitSubtree(units, 2);
  auto members = MembersOf(techs, branch);
  ASSERT_EQ(members.size(), 1u);
  EXPECT_EQ(members[0].user_id, 1);
}

}  // namespace
}  // namespace lifeline
