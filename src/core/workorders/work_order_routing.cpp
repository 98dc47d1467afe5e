// Where work orders go: the effective category tree and its editing, the routing rules and the
// automatic dispatch of a new order, and the suggestions of whom to assign.
// Design: docs/design/work-orders.md ("Category tree", "Routing").
#include <algorithm>
#include <set>

#include "core/identity/auth_service.h"
#include "core/workorders/order_location.h"
#include "core/workorders/work_order_service.h"

namespace lifeline {

namespace {

Error NotFoundAs(const Error& error, std::string field, std::string what) {
  if (error.code != ErrorCode::kNotFound) return error;
  return Error::Invalid(std::move(field), std::move(what));
}

Result<std::vector<RoutingRule>> LoadRules(StoreSession& session) {
  return session.WorkOrders().LoadRoutingRules();
}

// The rule's references must exist: a district (not any topology node) and an org unit.
Status CheckRuleReferences(StoreSession& session, std::span<const RoutingRule> rules) {
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const std::string at = "items[" + std::to_string(i) + "]";
    if (rules[i].district_id) {
      auto node = session.Topology().FindNode(*rules[i].district_id);
      if (!node) return Fail(NotFoundAs(node.error(), at + ".district_id", "no such district"));
      if (node->kind != NodeKind::kDistrict) {
        return Fail(Error::Invalid(at + ".district_id", node->name + " is not a district"));
      }
    }
    auto unit = session.OrgUnits().FindById(rules[i].org_unit_id);
    if (!unit) return Fail(NotFoundAs(unit.error(), at + ".org_unit_id", "no such org unit"));
  }
  return Ok();
}

std::string RuleNote(const RoutingRule& rule, const CategoryTree& tree) {
  return "按分派规则自动派单（" + tree.Path(rule.category) +
         (rule.district_id ? "，按区域" : "，全市") + "）";
}

}  // namespace

std::shared_ptr<const CategoryTree> WorkOrderService::categories() const {
  auto tree = Tree();
  if (tree) return *tree;
  return std::make_shared<const CategoryTree>(DefaultCategoryTree());
}

Result<std::shared_ptr<const CategoryTree>> WorkOrderService::Tree() const {
  if (auto cached = catalog_.Current()) return cached;
  std::shared_ptr<const CategoryTree> tree;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto loaded = TreeIn(session);
    if (!loaded) return Fail(loaded.error());
    tree = std::move(*loaded);
    return Ok();
  });
  if (!read) return Fail(read.error());
  return tree;
}

Result<std::shared_ptr<const CategoryTree>> WorkOrderService::TreeIn(StoreSession& session) const {
  if (auto cached = catalog_.Current()) return cached;
  auto loaded = session.WorkOrders().LoadCategories();
  if (!loaded) return Fail(loaded.error());
  return catalog_.Replace(std::move(*loaded));
}

// Removing a code is refused while anything still refers to it: an unfinished order (its
// deadlines and its callback need the node), a routing rule or a deadline policy.
Status WorkOrderService::CheckRemovable(StoreSession& session, const CategoryTree& before,
                                        const std::vector<Category>& after) const {
  std::set<std::string, std::less<>> kept;
  for (const Category& c : after) kept.insert(c.code);
  auto rules = LoadRules(session);
  if (!rules) return Fail(rules.error());
  auto settings = session.WorkOrders().LoadSettings();
  if (!settings) return Fail(settings.error());
  for (const Category& c : before.all()) {
    if (kept.contains(c.code)) continue;
    auto count = session.WorkOrders().CountUnfinishedInCategory(c.code);
    if (!count) return Fail(count.error());
    if (*count > 0) {
      return Fail(Error::Conflict("category " + c.code + " is still used by " +
                                  std::to_string(*count) + " unfinished work orders"));
    }
  }
  for (const RoutingRule& rule : *rules) {
    if (!kept.contains(rule.category)) {
      return Fail(Error::Conflict("category " + rule.category + " is used by a routing rule"));
    }
  }
  for (const DeadlinePolicy& policy : settings->policies) {
    if (!kept.contains(policy.category)) {
      return Fail(Error::Conflict("category " + policy.category + " has a deadline policy"));
    }
  }
  return Ok();
}

Result<std::shared_ptr<const CategoryTree>> WorkOrderService::SaveCategories(
    const Principal& actor, std::vector<Category> categories) {
  if (auto s = actor.Require(Permission::kWorkOrderSettings); !s) return Fail(s.error());
  auto valid = ValidateCategories(std::move(categories));
  if (!valid) return Fail(valid.error());
  const TimeMs now = clock_.NowMs();
  Status written = store_.Write([&](StoreSession& session) -> Status {
    auto stored = session.WorkOrders().LoadCategories();
    if (!stored) return Fail(stored.error());
    const std::size_t before_count =
        stored->empty() ? DefaultCategoryTree().all().size() : stored->size();
    const CategoryTree before = stored->empty() ? DefaultCategoryTree() : CategoryTree(*stored);
    if (auto s = CheckRemovable(session, before, *valid); !s) return s;
    if (auto s = session.WorkOrders().SaveCategories(*valid, actor.user_id, now); !s) return s;
    const Fields after{{"categories", static_cast<std::int64_t>(valid->size())}};
    if (auto s = session.Audit().Append(ActorOf(actor),
                                        {"workorder.categories",
                                         "work_order_categories",
                                         "tree",
                                         {{"categories", static_cast<std::int64_t>(before_count)}},
                                         after},
                                        now);
        !s) {
      return s;
    }
    session.Events().Emit(
        {"workorder", "workorder.categories_changed", "work_order_categories/tree", after});
    return Ok();
  });
  if (!written) return Fail(written.error());
  return catalog_.Replace(std::move(*valid));
}

Result<std::vector<RoutingRule>> WorkOrderService::RoutingRules(const Principal& actor) {
  if (auto s = actor.Require(Permission::kWorkOrderRead); !s) return Fail(s.error());
  std::vector<RoutingRule> rules;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto loaded = LoadRules(session);
    if (!loaded) return Fail(loaded.error());
    rules = std::move(*loaded);
    return Ok();
  });
  if (!read) return Fail(read.error());
  return rules;
}

Result<std::vector<RoutingRule>> WorkOrderService::SaveRoutingRules(
    const Principal& actor, const std::vector<RoutingRule>& rules) {
  if (auto s = actor.Require(Permission::kWorkOrderSettings); !s) return Fail(s.error());
  auto tree = Tree();
  if (!tree) return Fail(tree.error());
  if (auto s = ValidateRoutingRules(rules, **tree); !s) return Fail(s.error());
  const TimeMs now = clock_.NowMs();
  std::vector<RoutingRule> saved;
  Status written = store_.Write([&](StoreSession& session) -> Status {
    if (auto s = CheckRuleReferences(session, rules); !s) return s;
    auto before = LoadRules(session);
    if (!before) return Fail(before.error());
    if (auto s = session.WorkOrders().SaveRoutingRules(rules, actor.user_id, now); !s) return s;
    const Fields after{{"rules", static_cast<std::int64_t>(rules.size())}};
    if (auto s = session.Audit().Append(ActorOf(actor),
                                        {"workorder.routing_rules",
                                         "work_order_routing_rules",
                                         "rules",
                                         {{"rules", static_cast<std::int64_t>(before->size())}},
                                         after},
                                        now);
        !s) {
      return s;
    }
    session.Events().Emit(
        {"workorder", "workorder.routing_rules_changed", "work_order_routing_rules/rules", after});
    auto reread = LoadRules(session);
    if (!reread) return Fail(reread.error());
    saved = std::move(*reread);
    return Ok();
  });
  routing_rules_.Invalidate();  // also after a failed write: the store may have moved meanwhile
  if (!written) return Fail(written.error());
  return saved;
}

void WorkOrderService::Route(const Principal& actor, WorkOrder& order,
                             const WorkOrderCommand& command, WorkOrderState next,
                             const DeadlineSettings& settings,
                             std::vector<RoutedStep>& steps) const {
  RoutedStep step{.actor = actor, .command = command, .before = order, .after = {}};
  ApplyAction(order, command, next, clock_.NowMs(),
              PolicyFor(settings, order.category, order.priority), settings.calendar);
  step.after = order;
  steps.push_back(std::move(step));
}

Result<std::vector<RoutedStep>> WorkOrderService::RouteNew(
    StoreSession& session, const Principal& actor, WorkOrder& order,
    std::optional<std::int64_t> department_id, const CategoryTree& tree,
    const DeadlineSettings& settings) const {
  std::vector<RoutedStep> steps;
  if (department_id) {
    WorkOrderCommand named{.action = WorkOrderAction::kDispatch, .department_id = department_id};
    if (auto s = CheckReferences(session, order, named); !s) return Fail(s.error());
    Route(actor, order, named, WorkOrderState::kDispatched, settings, steps);
    return steps;
  }
  auto rules = routing_rules_.Get([&] { return LoadRules(session); });
  if (!rules) return Fail(rules.error());
  const RoutingRule* rule = MatchRoutingRule(**rules, order.category, order.district_id);
  if (rule == nullptr) return steps;
  const Principal system = Principal::System();
  const WorkOrderCommand dispatch{.action = WorkOrderAction::kDispatch,
                                  .note = RuleNote(*rule, tree),
                                  .department_id = rule->org_unit_id};
  Route(system, order, dispatch, WorkOrderState::kDispatched, settings, steps);
  if (!rule->auto_assign) return steps;
  auto suggested = Suggestions(session, order, tree, settings);
  if (!suggested) return Fail(suggested.error());
  if (suggested->empty()) return steps;  // nobody can take it now: the dispatcher decides
  WorkOrderCommand assign{.action = WorkOrderAction::kAssign,
                          .note = "按分派规则自动派给 " + suggested->front().reason,
                          .assignee_id = suggested->front().user_id};
  if (auto s = CheckReferences(session, order, assign); !s) return Fail(s.error());
  Route(system, order, assign, WorkOrderState::kAssigned, settings, steps);
  order.assignee_name = suggested->front().name;
  return steps;
}

// The order's department's technicians; when none of them can take it, those of the branch
// serving the order's district. Ranked by arrival where the order's place is known.
Result<std::vector<AssigneeSuggestion>> WorkOrderService::Suggestions(
    StoreSession& session, const WorkOrder& order, const CategoryTree& tree,
    const DeadlineSettings& settings) const {
  auto units = session.OrgUnits().List();
  if (!units) return Fail(units.error());
  auto technicians = session.Technicians().List(0);
  if (!technicians) return Fail(technicians.error());
  auto loads = session.WorkOrders().OpenLoads();
  if (!loads) return Fail(loads.error());
  auto need = NeedOf(session, order, tree, settings.calendar.utc_offset);
  if (!need) return Fail(need.error());
  std::vector<AssigneeSuggestion> ranked;
  if (order.department_id) {
    ranked = RankForOrder(MembersOf(*technicians, UnitSubtree(*units, *order.department_id)), *need,
                          *loads);
  }
  if (!ranked.empty() || !order.district_id) return ranked;
  const std::optional<std::int64_t> branch = BranchServing(*units, *order.district_id);
  if (!branch || branch == order.department_id) return ranked;
  return RankForOrder(MembersOf(*technicians, UnitSubtree(*units, *branch)), *need, *loads);
}

// The trade, the place, the priority and the arrival deadline, in local minutes of today.
Result<OrderNeed> WorkOrderService::NeedOf(StoreSession& session, const WorkOrder& order,
                                           const CategoryTree& tree, TimeMs utc_offset) const {
  auto location = OrderLocation(session, order);
  if (!location) return Fail(location.error());
  const TimeMs now = clock_.NowMs();
  const TimeMs midnight = FromLocalDate(ToLocalDate(now, utc_offset), 0, utc_offset);
  OrderNeed need{.trade = tree.TradeFor(order.category),
                 .location = *location,
                 .priority = order.priority,
                 .now_minute = LocalMinuteOfDay(now, utc_offset)};
  if (order.due_arrival_at && !order.arrived_at) {
    need.arrive_by_minute = static_cast<int>((*order.due_arrival_at - midnight) / kMinuteMs);
  }
  return need;
}

Result<std::vector<AssigneeSuggestion>> WorkOrderService::SuggestAssignees(const Principal& actor,
                                                                           std::int64_t id) {
  if (auto s = actor.Require(Permission::kWorkOrderDispatch); !s) return Fail(s.error());
  auto tree = Tree();
  if (!tree) return Fail(tree.error());
  std::vector<AssigneeSuggestion> suggestions;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto order = session.WorkOrders().FindById(id);
    if (!order) return Fail(order.error());
    if (!InScope(actor, *order)) return Fail(Error::NotFound("work order not found"));
    if (!IsOpen(order->state)) {
      return Fail(Error::Conflict("a work order that is " +
                                  std::string(WorkOrderStateCode(order->state)) +
                                  " takes no assignee"));
    }
    auto settings = settings_.Get([&] { return session.WorkOrders().LoadSettings(); });
    if (!settings) return Fail(settings.error());
    auto ranked = Suggestions(session, *order, **tree, **settings);
    if (!ranked) return Fail(ranked.error());
    suggestions = std::move(*ranked);
    return Ok();
  });
  if (!read) return Fail(read.error());
  return suggestions;
}

}  // namespace lifeline
