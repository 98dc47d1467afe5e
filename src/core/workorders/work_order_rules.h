// What each action does to a work order once it is allowed: pure functions over the record,
// so the state machine's effects are tested without a database. WorkOrderService checks the
// references (department, assignee, target, parent) against the store before calling these.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/common/error.h"
#include "core/workorders/deadline_policy.h"
#include "core/workorders/state_machine.h"
#include "core/workorders/work_order.h"

namespace lifeline {

// A request to act on an order, with the fields its action uses.
struct WorkOrderCommand {
  WorkOrderAction action = WorkOrderAction::kUrge;
  std::string note{};
  std::optional<std::int64_t> expected_version{};  // when given, a stale one is a 409
  std::optional<std::int64_t> department_id{};     // dispatch (and assign, optionally)
  std::optional<std::int64_t> assignee_id{};       // assign
  std::optional<std::int64_t> target_id{};         // merge
  std::optional<std::int64_t> parent_id{};         // link
  std::optional<bool> reached{};                   // close
  std::optional<int> satisfaction{};               // close, 1–5
};

// The urge count at which the priority goes up one step (and every multiple of it).
inline constexpr int kUrgesPerRaise = 3;

// Shape checks on the command that need neither the order nor the database.
Status ValidateCommand(const WorkOrderCommand& command);

// Moves `order` to `next` and applies the action's effects at `now`. `policy` is the order's
// current deadline policy (used by resume and reopen).
void ApplyAction(WorkOrder& order, const WorkOrderCommand& command, WorkOrderState next, TimeMs now,
                 const DeadlinePolicy& policy, const BusinessCalendar& calendar);

// A linked order that resolving its parent resolves too: one still being worked on.
bool FollowsParent(const WorkOrder& child);

// `order` may be merged into `target`: another order that can still take the duplicate.
Status ValidateMerge(const WorkOrder& order, const WorkOrder& target);

// `order` may be linked under `parent`: one level only, never to itself.
Status ValidateLink(const WorkOrder& order, const WorkOrder& parent, bool order_has_children);

// Deadline bits missed at `now` that `order` has not recorded yet. A paused order's clock
// stopped when it was paused.
int NewBreaches(const WorkOrder& order, TimeMs now);

}  // namespace lifeline
