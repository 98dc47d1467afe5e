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
#include "core/workorders/category_tree.h"
#include "core/workorders/customer_rating.h"
#include "core/workorders/deadline_policy.h"
#include "core/workorders/tracking_view.h"
#include "core/workorders/transition.h"
#include "core/workorders/work_order.h"
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
};

struct WorkOrderDetail {
  WorkOrder order;
  std::vector<WorkOrderTransition> history;
  std::vector<std::int64_t> child_ids;     // orders linked to this one
  std::optional<CustomerRating> rating{};  // the customer's own, from the tracking page
};

class WorkOrderService {
 public:
  WorkOrderService(Store& store, const Clock& clock, SecureRandom& random,
                   const CategoryTree& tree = DefaultCategoryTree())
      : store_(store), clock_(clock), random_(random), tree_(tree) {}

  [[nodiscard]] Result<WorkOrder> Create(const Principal& actor, const NewWorkOrder& draft);
  // kNotFound when the order does not exist or lies outside the caller's data scope.
  [[nodiscard]] Result<WorkOrderDetail> Get(const Principal& actor, std::int64_t id);
  [[nodiscard]] Result<WorkOrderPage> List(const Principal& actor, WorkOrderFilter filter);
  [[nodiscard]] Result<WorkOrder> Act(const Principal& actor, std::int64_t id,
                                      const WorkOrderCommand& command);

  // No login: kNotFound for an unknown or malformed code alike.
  [[nodiscard]] Result<TrackingView> Track(std::string_view code);
  // No login: the customer rates a resolved order once (customer_rating.h); the answer is the
  // tracking view, which then says it was rated. kNotFound as for Track.
  [[nodiscard]] Result<TrackingView> Rate(std::string_view code, const CustomerRating& rating,
                                          std::string_view remote_address);

  const CategoryTree& categories() const { return tree_; }
  [[nodiscard]] Result<DeadlineSettings> Settings(const Principal& actor);
  [[nodiscard]] Result<DeadlineSettings> SaveSettings(const Principal& actor,
                                                      const DeadlineSettings& settings);

  // Records newly missed deadlines (at most `limit` orders), emits an event for each, and
  // raises a normal order to urgent when its resolution deadline is missed. Returns how many
  // orders it escalated. Run periodically by the server.
  [[nodiscard]] Result<int> EscalateOverdue(std::int64_t limit = 200);

 private:
  Result<WorkOrder> Prepare(const Principal& actor, const NewWorkOrder& draft) const;
  Status FillFromAccount(StoreSession& session, const Principal& actor, WorkOrder& order) const;
  Status CheckReferences(StoreSession& session, const WorkOrder& order,
                         WorkOrderCommand& command) const;
  Status Record(StoreSession& session, const Principal& actor, const WorkOrder& before,
                const WorkOrder& after, const WorkOrderCommand& command, bool via_parent) const;
  Status CascadeToChildren(StoreSession& session, const Principal& actor, const WorkOrder& parent,
                           const DeadlineSettings& settings) const;

  Store& store_;
  const Clock& clock_;
  SecureRandom& random_;
  const CategoryTree& tree_;
};

// Whether the principal's data scope reaches the order (orders without a district are the
// service centre's and visible to all who may read work orders).
bool InScope(const Principal& principal, const WorkOrder& order);
// The contact phone masked (138****5678) for roles that may not see personal data in clear.
WorkOrder MaskedFor(const Principal& principal, WorkOrder order);

}  // namespace lifeline
