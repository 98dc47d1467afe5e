// The routing side of SqlWorkOrderRepository: the edited category tree, the routing rules (each
// replaced as a whole on save) and the open load per assignee.
#include "adapters/storage/repositories/sql_work_order_repository.h"
#include "adapters/storage/sql_helpers.h"

namespace lifeline::storage {

namespace {

constexpr Query kCategories{
    "work_order_categories.all",
    "SELECT code, parent, name, utility, suggested_priority, site_visit, trade"
    " FROM work_order_categories ORDER BY position"};
constexpr Query kDeleteCategories{"work_order_categories.delete",
                                  "DELETE FROM work_order_categories"};
constexpr Query kInsertCategory{
    "work_order_categories.insert",
    "INSERT INTO work_order_categories (code, parent, name, utility, suggested_priority,"
    " site_visit, trade, position, updated_by, updated_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"};
constexpr Query kUnfinishedInCategory{"work_orders.unfinished_in_category",
                                      "SELECT COUNT(*) FROM work_orders WHERE category = $1"
                                      " AND state NOT IN ('closed', 'cancelled', 'merged')"};
constexpr Query kRules{"work_order_routing_rules.all",
                       "SELECT id, category, district_id, org_unit_id, auto_assign"
                       " FROM work_order_routing_rules ORDER BY position"};
constexpr Query kDeleteRules{"work_order_routing_rules.delete",
                             "DELETE FROM work_order_routing_rules"};
constexpr Query kInsertRule{
    "work_order_routing_rules.insert",
    "INSERT INTO work_order_routing_rules (category, district_id, org_unit_id, auto_assign,"
    " position, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)"};
constexpr Query kOpenLoads{
    "work_orders.open_loads",
    "SELECT assignee_id, COUNT(*) FROM work_orders"
    " WHERE assignee_id IS NOT NULL AND state IN ('assigned', 'en_route', 'on_site')"
    " GROUP BY assignee_id ORDER BY assignee_id"};

Result<Category> MapCategory(const Row& row) {
  Category c;
  c.code = row.Str(0);
  c.parent = row.Str(1);
  c.name = row.Str(2);
  if (!row.IsNull(3)) {
    auto utility = ParseUtility(row.Text(3));
    if (!utility) return Fail(UnknownCode("utility", row.Text(3)));
    c.utility = *utility;
  }
  auto priority = ParsePriority(row.Text(4));
  if (!priority) return Fail(UnknownCode("priority", row.Text(4)));
  c.suggested_priority = *priority;
  c.site_visit = row.Bool(5);
  if (!row.IsNull(6)) {
    auto trade = dispatch::ParseTrade(row.Text(6));
    if (!trade) return Fail(UnknownCode("trade", row.Text(6)));
    c.trade = *trade;
  }
  return c;
}

Result<RoutingRule> MapRule(const Row& row) {
  RoutingRule r;
  r.id = row.Int(0);
  r.category = row.Str(1);
  r.district_id = row.OptInt(2);
  r.org_unit_id = row.Int(3);
  r.auto_assign = row.Bool(4);
  return r;
}

Result<AssigneeLoad> MapLoad(const Row& row) {
  return AssigneeLoad{row.Int(0), static_cast<int>(row.Int(1))};
}

SqlArg OptText(const std::optional<std::string_view>& text) {
  return text ? SqlArg(*text) : SqlArg(nullptr);
}

}  // namespace

Result<std::vector<Category>> SqlWorkOrderRepository::LoadCategories() {
  return FetchAll<Category>(connection_, kCategories, {}, MapCategory);
}

Status SqlWorkOrderRepository::SaveCategories(const std::vector<Category>& categories,
                                              std::int64_t by, TimeMs at) {
  if (auto done = connection_.Exec(kDeleteCategories); !done) return Fail(done.error());
  std::int64_t position = 0;
  for (const Category& c : categories) {
    const std::optional<std::string_view> utility =
        c.utility ? std::optional(UtilityCode(*c.utility)) : std::nullopt;
    const std::optional<std::string_view> trade =
        c.trade ? std::optional(dispatch::TradeCode(*c.trade)) : std::nullopt;
    auto inserted =
        connection_.Exec(kInsertCategory, {c.code, c.parent, c.name, OptText(utility),
                                           PriorityCode(c.suggested_priority), c.site_visit,
                                           OptText(trade), position++, by, at});
    if (!inserted) return Fail(inserted.error());
  }
  return Ok();
}

Result<std::int64_t> SqlWorkOrderRepository::CountUnfinishedInCategory(std::string_view code) {
  std::int64_t count = 0;
  Status read = connection_.Each(kUnfinishedInCategory, {code}, [&](const Row& row) -> Status {
    count = row.Int(0);
    return Ok();
  });
  if (!read) return Fail(read.error());
  return count;
}

Result<std::vector<RoutingRule>> SqlWorkOrderRepository::LoadRoutingRules() {
  return FetchAll<RoutingRule>(connection_, kRules, {}, MapRule);
}

Status SqlWorkOrderRepository::SaveRoutingRules(const std::vector<RoutingRule>& rules,
                                                std::int64_t by, TimeMs at) {
  if (auto done = connection_.Exec(kDeleteRules); !done) return Fail(done.error());
  std::int64_t position = 0;
  for (const RoutingRule& r : rules) {
    auto inserted = connection_.Exec(
        kInsertRule, {r.category, r.district_id, r.org_unit_id, r.auto_assign, position++, by, at});
    if (!inserted) return Fail(inserted.error());
  }
  return Ok();
}

Result<std::vector<AssigneeLoad>> SqlWorkOrderRepository::OpenLoads() {
  return FetchAll<AssigneeLoad>(connection_, kOpenLoads, {}, MapLoad);
}

}  // namespace lifeline::storage
