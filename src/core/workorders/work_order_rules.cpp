#include "core/workorders/work_order_rules.h"

namespace lifeline {

namespace {

constexpr std::size_t kMaxNoteBytes = 3000;  // about 1,000 Chinese characters

void ResumeDeadlines(WorkOrder& order, TimeMs now, const DeadlinePolicy& policy,
                     const BusinessCalendar& calendar) {
  const TimeMs paused = *order.paused_at;
  auto shift = [&](std::optional<TimeMs>& due, const std::optional<TimeMs>& met,
                   const DeadlineRule& rule) {
    if (due && !met) due = ShiftForPause(*due, paused, now, rule, calendar);
  };
  shift(order.due_response_at, order.responded_at, policy.response);
  shift(order.due_arrival_at, order.arrived_at, policy.arrival);
  shift(order.due_resolution_at, order.resolved_at, policy.resolution);
  order.paused_at.reset();
}

void Reopen(WorkOrder& order, TimeMs now, const DeadlinePolicy& policy,
            const BusinessCalendar& calendar) {
  order.reopen_count += 1;
  order.needs_review = true;
  order.resolved_at.reset();
  order.closed_at.reset();
  order.assignee_id.reset();
  // A fresh resolution deadline from now: the customer was promised a fix, not a callback.
  const CountingRule counting{policy.resolution.business_time ? &calendar : nullptr};
  order.due_resolution_at = AddCounted(now, policy.resolution.minutes * kMinuteMs, counting);
  order.breached &= ~kBreachResolution;
}

void Close(WorkOrder& order, const WorkOrderCommand& command, TimeMs now) {
  order.closed_at = now;
  order.callback_reached = command.reached.value_or(true);
  order.satisfaction = command.satisfaction;
  if (command.satisfaction && *command.satisfaction <= 2) order.needs_review = true;
}

void ApplyEffects(WorkOrder& order, const WorkOrderCommand& command, TimeMs now,
                  const DeadlinePolicy& policy, const BusinessCalendar& calendar) {
  switch (command.action) {
    case WorkOrderAction::kDispatch:
      order.department_id = command.department_id;
      order.assignee_id.reset();
      if (!order.responded_at) order.responded_at = now;
      break;
    case WorkOrderAction::kAssign:
      order.assignee_id = command.assignee_id;
      if (command.department_id) order.department_id = command.department_id;
      if (!order.responded_at) order.responded_at = now;
      break;
    case WorkOrderAction::kDepart:
    case WorkOrderAction::kStartCallback:
      break;
    case WorkOrderAction::kArrive:
      if (!order.arrived_at) order.arrived_at = now;
      break;
    case WorkOrderAction::kResolve:
      if (order.paused_at) ResumeDeadlines(order, now, policy, calendar);
      if (!order.responded_at) order.responded_at = now;
      order.resolved_at = now;
      break;
    case WorkOrderAction::kReturn:
      order.assignee_id.reset();
      if (order.paused_at) ResumeDeadlines(order, now, policy, calendar);
      break;
    case WorkOrderAction::kClose:
      Close(order, command, now);
      break;
    case WorkOrderAction::kReopen:
      Reopen(order, now, policy, calendar);
      break;
    case WorkOrderAction::kCancel:
      order.closed_at = now;
      order.paused_at.reset();
      break;
    case WorkOrderAction::kMerge:
      order.merged_into_id = command.target_id;
      order.closed_at = now;
      order.paused_at.reset();
      break;
    case WorkOrderAction::kPause:
      order.paused_at = now;
      break;
    case WorkOrderAction::kResume:
      ResumeDeadlines(order, now, policy, calendar);
      break;
    case WorkOrderAction::kUrge:
      order.urge_count += 1;
      if (order.urge_count % kUrgesPerRaise == 0) order.priority = Raised(order.priority);
      break;
    case WorkOrderAction::kLink:
      order.parent_id = command.parent_id;
      break;
  }
}

}  // namespace

Status ValidateCommand(const WorkOrderCommand& command) {
  if (command.note.size() > kMaxNoteBytes) {
    return Fail(Error::Invalid("note", "note must be at most 1,000 characters"));
  }
  if (NeedsNote(command.action) && command.note.empty()) {
    return Fail(Error::Invalid("note", "give the reason in note"));
  }
  switch (command.action) {
    case WorkOrderAction::kDispatch:
      if (!command.department_id) return Fail(Error::Invalid("department_id", "name a department"));
      break;
    case WorkOrderAction::kAssign:
      if (!command.assignee_id) return Fail(Error::Invalid("assignee_id", "name the assignee"));
      break;
    case WorkOrderAction::kMerge:
      if (!command.target_id)
        return Fail(Error::Invalid("target_id", "name the order to merge into"));
      break;
    case WorkOrderAction::kLink:
      if (!command.parent_id) return Fail(Error::Invalid("parent_id", "name the parent order"));
      break;
    case WorkOrderAction::kClose:
      if (command.satisfaction && (*command.satisfaction < 1 || *command.satisfaction > 5)) {
        return Fail(Error::Invalid("satisfaction", "satisfaction is 1 to 5"));
      }
      if (command.reached.value_or(true) && !command.satisfaction) {
        return Fail(Error::Invalid("satisfaction", "record the customer's satisfaction (1 to 5)"));
      }
      break;
    default:
      break;
  }
  return Ok();
}

void ApplyAction(WorkOrder& order, const WorkOrderCommand& command, WorkOrderState next, TimeMs now,
                 const DeadlinePolicy& policy, const BusinessCalendar& calendar) {
  ApplyEffects(order, command, now, policy, calendar);
  order.state = next;
  order.updated_at = now;
  order.version += 1;
}

bool FollowsParent(const WorkOrder& child) {
  return IsOpen(child.state);
}

Status ValidateMerge(const WorkOrder& order, const WorkOrder& target) {
  if (target.id == order.id) {
    return Fail(Error::Invalid("target_id", "a work order cannot be merged into itself"));
  }
  if (IsFinal(target.state)) {
    return Fail(Error::Invalid("target_id", "the target is " +
                                                std::string(WorkOrderStateCode(target.state)) +
                                                " and cannot take a duplicate"));
  }
  return Ok();
}

Status ValidateLink(const WorkOrder& order, const WorkOrder& parent, bool order_has_children) {
  if (parent.id == order.id) {
    return Fail(Error::Invalid("parent_id", "a work order cannot be its own parent"));
  }
  if (parent.parent_id) {
    return Fail(Error::Invalid("parent_id", "the parent is itself linked to another order"));
  }
  if (order_has_children) {
    return Fail(Error::Invalid("parent_id", "this order is a parent; link its orders instead"));
  }
  if (IsFinal(parent.state)) {
    return Fail(Error::Invalid("parent_id",
                               "the parent is " + std::string(WorkOrderStateCode(parent.state))));
  }
  return Ok();
}

int NewBreaches(const WorkOrder& order, TimeMs now) {
  if (!IsOpen(order.state)) return 0;
  const TimeMs clock = order.paused_at ? *order.paused_at : now;
  int bits = 0;
  auto check = [&](const std::optional<TimeMs>& due, const std::optional<TimeMs>& met, int bit) {
    if (due && !met && *due < clock && (order.breached & bit) == 0) bits |= bit;
  };
  check(order.due_response_at, order.responded_at, kBreachResponse);
  check(order.due_arrival_at, order.arrived_at, kBreachArrival);
  check(order.due_resolution_at, order.resolved_at, kBreachResolution);
  return bits;
}

}  // namespace lifeline
