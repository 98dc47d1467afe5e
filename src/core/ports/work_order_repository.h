// Work orders, their history, and the deadline settings. Plain storage: the rules live in
// WorkOrderService (docs/design/work-orders.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.h"
#include "core/workorders/customer_rating.h"
#include "core/workorders/assignee_ranking.h"
#include "core/workorders/category_tree.h"
#include "core/workorders/deadline_policy.h"
#include "core/workorders/routing_rule.h"
#include "core/workorders/transition.h"
#include "core/workorders/work_order.h"

namespace lifeline {

struct WorkOrderFilter {
  std::optional<WorkOrderState> state{};
  std::string category{};  // the code and everything under it; empty: any
  std::optional<Priority> priority{};
  std::optional<WorkOrderType> type{};
  std::optional<std::int64_t> district_id{};
  std::optional<std::int64_t> department_id{};
  std::optional<std::int64_t> assignee_id{};
  std::optional<std::int64_t> customer_id{};
  bool overdue_only = false;
  TimeMs now = 0;  // what "overdue" is measured against
  // The caller's data scope: orders in these districts only, when restricted.
  bool restricted = false;
  std::vector<std::int64_t> district_ids{};
  std::int64_t offset = 0;
  std::int64_t limit = 50;
};

struct WorkOrderPage {
  std::vector<WorkOrder> items;
  std::int64_t total = 0;
};

class WorkOrderRepository {
 public:
  virtual ~WorkOrderRepository() = default;
  // `order.tracking_code` must be unique: kConflict when it is taken.
  virtual Result<std::int64_t> Insert(const WorkOrder& order) = 0;
  virtual Result<WorkOrder> FindById(std::int64_t id) = 0;
  virtual Result<WorkOrder> FindByTrackingCode(std::string_view code) = 0;
  // Writes every mutable field and the new version if the stored version is still
  // `expected_version`; kConflict (nothing written) otherwise.
  virtual Status Update(const WorkOrder& order, std::int64_t expected_version) = 0;
  virtual Result<std::int64_t> AppendTransition(const WorkOrderTransition& transition) = 0;
  // Oldest first.
  virtual Result<std::vector<WorkOrderTransition>> History(std::int64_t order_id) = 0;
  // Newest first.
  virtual Result<WorkOrderPage> List(const WorkOrderFilter& filter) = 0;
  // Orders linked to `parent_id` whatever their state.
  virtual Result<std::vector<WorkOrder>> Children(std::int64_t parent_id) = 0;
  // Open orders with a deadline missed at `now` that is not yet recorded in `breached`.
  virtual Result<std::vector<WorkOrder>> NewlyOverdue(TimeMs now, std::int64_t limit) = 0;

  // The deadline settings; the built-in calendar and no policies when none were saved.
  virtual Result<DeadlineSettings> LoadSettings() = 0;
  // Replaces the calendar and every policy.
  virtual Status SaveSettings(const DeadlineSettings& settings, std::int64_t by, TimeMs at) = 0;

  // The customer's rating of the order, if given.
  virtual Result<std::optional<CustomerRating>> RatingOf(std::int64_t order_id) = 0;
  // Stores the rating; kConflict (nothing written) when the order already has one.
  virtual Status SaveRating(std::int64_t order_id, const CustomerRating& rating) = 0;
  // The edited category tree, parents before children; empty when none was saved (the
  // built-in tree applies).
  virtual Result<std::vector<Category>> LoadCategories() = 0;
  // Replaces the whole tree.
  virtual Status SaveCategories(const std::vector<Category>& categories, std::int64_t by,
                                TimeMs at) = 0;
  // Orders of exactly `code` that are not closed, cancelled or merged.
  virtual Result<std::int64_t> CountUnfinishedInCategory(std::string_view code) = 0;

  // The routing rules, in the order they were saved, with their ids.
  virtual Result<std::vector<RoutingRule>> LoadRoutingRules() = 0;
  // Replaces every rule (new ids).
  virtual Status SaveRoutingRules(const std::vector<RoutingRule>& rules, std::int64_t by,
                                  TimeMs at) = 0;
  // Every assignee's open work (orders assigned, en route or on site), by user id.
  virtual Result<std::vector<AssigneeLoad>> OpenLoads() = 0;
};

}  // namespace lifeline
