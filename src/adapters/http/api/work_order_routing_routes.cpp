// GET/PUT /api/v1/work-order-categories, GET/PUT /api/v1/routing-rules,
// GET /api/v1/work-orders/{id}/assignee-suggestions. A GET's answer can be edited and PUT back
// as it is: both use {"items": [...]}, and nulls mean "none".
#include "adapters/http/api/work_order_routing_routes.h"

#include "adapters/http/api/api_support.h"
#include "adapters/http/api/work_order_json.h"

namespace lifeline::http {

namespace {

// A nullable code read through its parser: absent or null is none, unknown is a 400.
template <class Enum>
Result<std::optional<Enum>> NullableCode(const JsonBody& body, std::string_view field,
                                         std::optional<Enum> (*parse)(std::string_view)) {
  if (body.IsNull(field)) return std::optional<Enum>{};
  auto code = body.OptionalString(field, 40);
  if (!code) return Fail(code.error());
  if (!*code) return std::optional<Enum>{};
  auto value = parse(**code);
  if (!value) {
    return Fail(
        Error::Invalid(std::string(field), "unknown " + std::string(field) + ": " + **code));
  }
  return value;
}

Result<Category> ReadCategory(const JsonBody& body) {
  Category c;
  auto code = body.String("code", 100);
  if (!code) return Fail(code.error());
  c.code = std::move(*code);
  auto name = body.String("name", 120);
  if (!name) return Fail(name.error());
  c.name = std::move(*name);
  if (!body.IsNull("parent")) {
    auto parent = body.OptionalString("parent", 100);
    if (!parent) return Fail(parent.error());
    c.parent = parent->value_or("");
  }
  auto utility = NullableCode<Utility>(body, "utility", ParseUtility);
  if (!utility) return Fail(utility.error());
  c.utility = *utility;
  auto priority = body.String("suggested_priority", 20);
  if (!priority) return Fail(priority.error());
  auto parsed = ParsePriority(*priority);
  if (!parsed) {
    return Fail(Error::Invalid("suggested_priority", "unknown suggested_priority: " + *priority));
  }
  c.suggested_priority = *parsed;
  auto visit = body.Bool("site_visit");
  if (!visit) return Fail(visit.error());
  c.site_visit = *visit;
  auto trade = NullableCode<dispatch::Trade>(body, "trade", dispatch::ParseTrade);
  if (!trade) return Fail(trade.error());
  c.trade = *trade;
  return c;
}

Result<std::vector<Category>> ReadCategories(const JsonBody& body) {
  auto items = body.Objects("items", kMaxCategories);
  if (!items) return Fail(items.error());
  std::vector<Category> categories;
  for (std::size_t i = 0; i < items->size(); ++i) {
    auto category = ReadCategory((*items)[i]);
    if (!category) return Fail(JsonBody::Within("items", i, category.error()));
    categories.push_back(std::move(*category));
  }
  return categories;
}

Result<RoutingRule> ReadRule(const JsonBody& body) {
  RoutingRule rule;
  auto category = body.String("category", 100);
  if (!category) return Fail(category.error());
  rule.category = std::move(*category);
  if (!body.IsNull("district_id")) {
    auto district = body.OptionalInt("district_id", 1, INT64_MAX);
    if (!district) return Fail(district.error());
    rule.district_id = *district;
  }
  auto unit = body.Int("org_unit_id", 1, INT64_MAX);
  if (!unit) return Fail(unit.error());
  rule.org_unit_id = *unit;
  auto automatic = body.OptionalBool("auto_assign");
  if (!automatic) return Fail(automatic.error());
  rule.auto_assign = automatic->value_or(false);
  return rule;
}

Result<std::vector<RoutingRule>> ReadRules(const JsonBody& body) {
  auto items = body.Objects("items", kMaxRoutingRules);
  if (!items) return Fail(items.error());
  std::vector<RoutingRule> rules;
  for (std::size_t i = 0; i < items->size(); ++i) {
    auto rule = ReadRule((*items)[i]);
    if (!rule) return Fail(JsonBody::Within("items", i, rule.error()));
    rules.push_back(std::move(*rule));
  }
  return rules;
}

Json RulesJson(const std::vector<RoutingRule>& rules, const CategoryTree& tree) {
  Json items = Json::array();
  for (const RoutingRule& r : rules) {
    items.push_back({{"id", r.id},
                     {"category", r.category},
                     {"category_path", tree.Path(r.category)},
                     {"district_id", r.district_id ? Json(*r.district_id) : Json(nullptr)},
                     {"org_unit_id", r.org_unit_id},
                     {"auto_assign", r.auto_assign}});
  }
  return {{"items", std::move(items)}};
}

Json SuggestionsJson(const std::vector<AssigneeSuggestion>& suggestions) {
  Json items = Json::array();
  for (const AssigneeSuggestion& s : suggestions) {
    items.push_back({{"user_id", s.user_id},
                     {"name", s.name},
                     {"org_unit_id", s.org_unit_id},
                     {"open_orders", s.open_orders},
                     {"trade", s.trade ? Json(dispatch::TradeCode(*s.trade)) : Json(nullptr)},
                     {"skill_level", s.skill_level},
                     {"travel_minutes", s.travel_minutes ? Json(*s.travel_minutes) : Json(nullptr)},
                     {"on_shift", s.on_shift},
                     {"in_time", s.in_time},
                     {"reason", s.reason}});
  }
  return {{"items", std::move(items)}};
}

void AddCategoryRoutes(Router& router, WorkOrderService& orders) {
  router.Add(Method::kGet, "/api/v1/work-order-categories", RouteAccess::kAuthenticated,
             RouteExecution::kWorker, [&orders](RouteContext& c) {
               if (auto s = c.user().Require(Permission::kWorkOrderRead); !s) {
                 return ProblemFor(c, s.error());
               }
               return JsonOk(CategoryTreeJson(*orders.categories()));
             });
  router.Add(Method::kPut, "/api/v1/work-order-categories", RouteAccess::kAuthenticated,
             RouteExecution::kWorker, [&orders](RouteContext& c) {
               return WithBody(c, ReadCategories, [&](std::vector<Category> categories) {
                 return Reply(c, orders.SaveCategories(c.user(), std::move(categories)),
                              [](const auto& tree) { return CategoryTreeJson(*tree); });
               });
             });
}

void AddRuleRoutes(Router& router, WorkOrderService& orders) {
  auto render = [&orders](const std::vector<RoutingRule>& rules) {
    return RulesJson(rules, *orders.categories());
  };
  router.Add(Method::kGet, "/api/v1/routing-rules", RouteAccess::kAuthenticated,
             RouteExecution::kWorker, [&orders, render](RouteContext& c) {
               return Reply(c, orders.RoutingRules(c.user()), render);
             });
  router.Add(Method::kPut, "/api/v1/routing-rules", RouteAccess::kAuthenticated,
             RouteExecution::kWorker, [&orders, render](RouteContext& c) {
               return WithBody(c, ReadRules, [&](const std::vector<RoutingRule>& rules) {
                 return Reply(c, orders.SaveRoutingRules(c.user(), rules), render);
               });
             });
  router.Add(Method::kGet, "/api/v1/work-orders/{id}/assignee-suggestions",
             RouteAccess::kAuthenticated, RouteExecution::kWorker, [&orders](RouteContext& c) {
               auto id = IdParam(c, "id");
               if (!id) return ProblemFor(c, id.error());
               return Reply(c, orders.SuggestAssignees(c.user(), *id), SuggestionsJson);
             });
}

}  // namespace

void AddWorkOrderRoutingRoutes(Router& router, WorkOrderService& orders) {
  AddCategoryRoutes(router, orders);
  AddRuleRoutes(router, orders);
}

}  // namespace lifeline::http
