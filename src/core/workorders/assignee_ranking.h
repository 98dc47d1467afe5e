// Who in the department should take this order? The technicians of the order's department (or,
// when it has none, of the branch serving the order's district) who are on duty and have the
// trade the category needs. When the order's place is known they are ranked as the dispatch
// board ranks them — by when they can be there, their open orders and their skill level, those
// who can keep the arrival deadline and are on shift first — otherwise by open orders alone;
// each with a reason in Chinese ("李师傅：约 12 分钟可到，在办 2 单，技能 管道维修 3 级"). Pure
// functions; WorkOrderService reads the inputs. Design: docs/design/work-orders.md ("Routing").
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/dispatch/field/technician.h"
#include "core/identity/org_unit.h"
#include "core/workorders/work_order.h"

namespace lifeline {

// A person's open work: orders assigned to them that are assigned, en route or on site.
struct AssigneeLoad {
  std::int64_t user_id = 0;
  int open_orders = 0;
};

struct AssigneeSuggestion {
  std::int64_t user_id = 0;
  std::string name;
  std::int64_t org_unit_id = 0;
  int open_orders = 0;
  std::optional<dispatch::Trade> trade{};  // the trade the order needs
  int skill_level = 0;                     // in that trade; 0 when it needs none
  std::optional<int> travel_minutes{};     // from where they are; unknown without a place
  bool on_shift = true;                    // their shift covers getting there and the work
  bool in_time = true;                     // they can be there by the arrival deadline
  std::string reason;                      // zh-CN
};

// What the ranking needs to know about the order.
struct OrderNeed {
  std::optional<dispatch::Trade> trade{};
  std::optional<dispatch::Point> location{};  // unknown: ranked by open orders alone
  Priority priority = Priority::kNormal;
  int now_minute = 0;                     // minutes from local midnight
  std::optional<int> arrive_by_minute{};  // the arrival deadline, minutes from local midnight
};

// `root` and every unit below it.
std::vector<std::int64_t> UnitSubtree(std::span<const OrgUnit> units, std::int64_t root);

// The branch whose area holds `district_id`, if any.
std::optional<std::int64_t> BranchServing(std::span<const OrgUnit> units, std::int64_t district_id);

// The technicians among `technicians` whose team lies in `unit_ids`.
std::vector<dispatch::Technician> MembersOf(std::span<const dispatch::Technician> technicians,
                                            std::span<const std::int64_t> unit_ids);

// On duty, with `trade` when one is needed; least open orders first, then higher level, then
// user id.
std::vector<AssigneeSuggestion> RankAssignees(std::span<const dispatch::Technician> candidates,
                                              std::optional<dispatch::Trade> trade,
                                              std::span<const AssigneeLoad> loads);

// With a trade and a place: dispatch::RankTechnicians (arrival from where each one is, plus an
// hour per open order unless it is an emergency; open orders; skill level), on shift and in
// time first, nobody left out for the hour of the day. Otherwise RankAssignees.
std::vector<AssigneeSuggestion> RankForOrder(std::span<const dispatch::Technician> candidates,
                                             const OrderNeed& need,
                                             std::span<const AssigneeLoad> loads);

}  // namespace lifeline
