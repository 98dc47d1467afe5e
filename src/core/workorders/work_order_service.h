// Work orders: recording them, moving them through the state machine, deadlines, the public
// tracking page. Every change is one unit of work: the order, its history row, the audit entry
// and the event commit together or not at all. Design: docs/design/work-orders.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.h"
#include "core/identity/principal.h"
#include "core/ports/clock.h"
#include "core/ports/secure_random.h"
#include "core/ports/store.h"
#include "core/workorders/assignee_ranking.h"
#include "core/workorders/category_catalog.h"
#include "core/workorders/category_tree.h"
#include "core/workorders/customer_rating.h"
#include "core/workorders/deadline_policy.h"
#include "core/workorders/routing_rule.h"
#include "core/workorders/settings_cache.h"
#include "core/workorders/tracking_view.h"
#include "core/workorders/transition.h"
#include "core/workorders/work_order.h"
#include "core/workorders/work_order_listener.h"
#include "core/workorders/work_order_rules.h"

namespace lifeline {

// What an agent records. Priority defaults to the category's suggestion.
struct NewWorkOrder {
  WorkOrderType type = WorkOrderType::kRepair;
  std::string category;
  std::optional<Priority> priority{};
  std::string title;
  std::string description{};
  std::string address{};
  std::optional<std::int64_t> customer_id{};
  std::optional<std::int64_t> account_id{};
  std::optional<std::int64_t> interaction_id{};
  std::string contact_name{};
  std::string contact_phone{};
  std::optional<std::int64_t> district_id{};
  // Dispatch at once to this org unit instead of the routing rules' choice (needs
  // workorders:dispatch).
  std::optional<std::int64_t> department_id{};
};

// A dispatch or assignment decided while an order is created: applied to the order before its
// one INSERT, then recorded (history row, audit entry, event) like any step.
struct RoutedStep {
  Principal actor;
  WorkOrderCommand command;
  WorkOrder before;
  WorkOrder after;
};

struct WorkOrderDetail {
  WorkOrder order;
  std::vector<WorkOrderTransition> history;
  std::vector<std::int64_t> child_ids;     // orders linked to this one
  std::optional<CustomerRating> rating{};  // the customer's own, from the tracking page
};

class WorkOrderService {
 public:
  WorkOrderService(Store& store, const Clock& clock, SecureRandom& random)
      : store_(store), clock_(clock), random_(random) {}

  [[nodiscard]] Result<WorkOrder> Create(const Principal& actor, const NewWorkOrder& draft);
  // kNotFound when the order does not exist or lies outside the caller's data scope.
  [[nodiscard]] Result<WorkOrderDetail> Get(const Principal& actor, std::int64_t id);
  [[nodiscard]] Result<WorkOrderPage> List(const Principal& actor, WorkOrderFilter filter);
  [[nodiscard]] Result<WorkOrder> Act(const Principal& actor, std::int64_t id,
                                      const WorkOrderCommand& command);

  // The same inside a caller's unit of work, for services whose change creates or moves an
  // order (a booking creates its appointment order). The order comes back unmasked. With
  // `check_actor` false the caller has already decided who may act (cancelling a booking
  // cancels its order for whoever may cancel the booking).
  [[nodiscard]] Result<WorkOrder> CreateIn(StoreSession& session, const Principal& actor,
                                           const NewWorkOrder& draft);
  [[nodiscard]] Result<WorkOrder> ActIn(StoreSession& session, const Principal& actor,
                                        std::int64_t id, const WorkOrderCommand& command,
                                        bool check_actor = true);
  // Told of every transition, inside its transaction. Set once at wiring time.
  void SetListener(WorkOrderListener* listener) { listener_ = listener; }

  // No login: kNotFound for an unknown or malformed code alike.
  [[nodiscard]] Result<TrackingView> Track(std::string_view code);
  // No login: the customer rates a resolved order once (customer_rating.h); the answer is the
  // tracking view, which then says it was rated. kNotFound as for Track.
  [[nodiscard]] Result<TrackingView> Rate(std::string_view code, const CustomerRating& rating,
                                          std::string_view remote_address);

  // The effective category tree (the saved one, else the built-in), cached; for rendering.
  // When the store cannot be read it is the built-in tree, not cached.
  std::shared_ptr<const CategoryTree> categories() const;
  // Replaces the tree: codes stay stable, a code still used by unfinished orders, a routing
  // rule or a deadline policy cannot be removed (kConflict naming it).
  [[nodiscard]] Result<std::shared_ptr<const CategoryTree>> SaveCategories(
      const Principal& actor, std::vector<Category> categories);
  // Another node saved a tree (workorder.categories_changed): load it again on next use.
  void ForgetCategories() { catalog_.Invalidate(); }

  [[nodiscard]] Result<std::vector<RoutingRule>> RoutingRules(const Principal& actor);
  [[nodiscard]] Result<std::vector<RoutingRule>> SaveRoutingRules(
      const Principal& actor, const std::vector<RoutingRule>& rules);
  // The people who could take the order, best first (workorders:dispatch).
  [[nodiscard]] Result<std::vector<AssigneeSuggestion>> SuggestAssignees(const Principal& actor,
                                                                         std::int64_t id);
  [[nodiscard]] Result<DeadlineSettings> Settings(const Principal& actor);
  [[nodiscard]] Result<DeadlineSettings> SaveSettings(const Principal& actor,
                                                      const DeadlineSettings& settings);

  // Records newly missed deadlines (at most `limit` orders), emits an event for each, and
  // raises a normal order to urgent when its resolution deadline is missed. Returns how many
  // orders it escalated. Run periodically by the server.
  [[nodiscard]] Result<int> EscalateOverdue(std::int64_t limit = 200);

 private:
  Result<std::shared_ptr<const CategoryTree>> Tree() const;
  // The same inside a unit of work, reading through its session (no second connection).
  Result<std::shared_ptr<const CategoryTree>> TreeIn(StoreSession& session) const;
  Result<WorkOrder> Prepare(const Principal& actor, const NewWorkOrder& draft,
                            const CategoryTree& tree) const;
  Status FillFromAccount(StoreSession& session, const Principal& actor, WorkOrder& order,
                         const CategoryTree& tree) const;
  Status CheckReferences(StoreSession& session, const WorkOrder& order,
                         WorkOrderCommand& command) const;
  // Dispatches a new order before it is stored: to the department the request names, else to
  // the most specific routing rule's unit (and, when that rule says so, to its best suggested
  // person). Applies each step to `order` and returns them, to be recorded once it has its id.
  Result<std::vector<RoutedStep>> RouteNew(StoreSession& session, const Principal& actor,
                                           WorkOrder& order,
                                           std::optional<std::int64_t> department_id,
                                           const CategoryTree& tree,
                                           const DeadlineSettings& settings) const;
  // One routing step applied to the order in memory and appended to `steps`.
  void Route(const Principal& actor, WorkOrder& order, const WorkOrderCommand& command,
             WorkOrderState next, const DeadlineSettings& settings,
             std::vector<RoutedStep>& steps) const;
  Result<std::vector<AssigneeSuggestion>> Suggestions(StoreSession& session, const WorkOrder& order,
                                                      const CategoryTree& tree,
                                                      const DeadlineSettings& settings) const;
  Result<OrderNeed> NeedOf(StoreSession& session, const WorkOrder& order, const CategoryTree& tree,
                           TimeMs utc_offset) const;
  Status CheckRemovable(StoreSession& session, const CategoryTree& before,
                        const std::vector<Category>& after) const;
  Status Record(StoreSession& session, const Principal& actor, const WorkOrder& before,
                const WorkOrder& after, const WorkOrderCommand& command, bool via_parent) const;
  Status CascadeToChildren(StoreSession& session, const Principal& actor, const WorkOrder& parent,
                           const DeadlineSettings& settings) const;

  Store& store_;
  const Clock& clock_;
  SecureRandom& random_;
  SettingsCache<DeadlineSettings> settings_{clock_};
  mutable SettingsCache<std::vector<RoutingRule>> routing_rules_{clock_};  // locks inside
  WorkOrderListener* listener_ = nullptr;
  mutable CategoryCatalog catalog_;
};

// Whether the principal's data scope reaches the order (orders without a district are the
// service centre's and visible to all who may read work orders).
bool InScope(const Principal& principal, const WorkOrder& order);
// The contact phone masked (138****5678) for roles that may not see personal data in clear.
WorkOrder MaskedFor(const Principal& principal, WorkOrder order);

}  // namespace lifeline
