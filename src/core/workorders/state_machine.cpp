#include "core/workorders/state_machine.h"

#include <string>

#include "core/common/enum_codes.h"

namespace lifeline {

namespace {

using enum WorkOrderState;

// States from which the order can still be routed again (or cancelled, or merged).
bool Routable(WorkOrderState s) {
  return s == kAccepted || s == kDispatched || s == kAssigned || s == kReturned || s == kReopened;
}

bool InHand(WorkOrderState s) {
  return s == kDispatched || s == kAssigned || s == kEnRoute || s == kOnSite;
}

bool IsAssignee(const Principal& actor, const WorkOrder& order) {
  return order.assignee_id && *order.assignee_id == actor.user_id;
}

Status Forbid(std::string_view what) {
  return Fail(Error::Forbidden(std::string(what)));
}

// The dispatcher, or the assignee doing their own job.
Status DispatcherOrAssignee(const Principal& actor, const WorkOrder& order) {
  if (actor.Can(Permission::kWorkOrderDispatch)) return Ok();
  if (!actor.Can(Permission::kWorkOrderHandle)) {
    return Forbid("permission required: workorders:handle");
  }
  if (!IsAssignee(actor, order)) return Forbid("only the assignee may act on this work order");
  return Ok();
}

}  // namespace

std::string_view WorkOrderActionCode(WorkOrderAction action) {
  switch (action) {
    case WorkOrderAction::kDispatch:
      return "dispatch";
    case WorkOrderAction::kAssign:
      return "assign";
    case WorkOrderAction::kDepart:
      return "depart";
    case WorkOrderAction::kArrive:
      return "arrive";
    case WorkOrderAction::kResolve:
      return "resolve";
    case WorkOrderAction::kReturn:
      return "return";
    case WorkOrderAction::kStartCallback:
      return "start_callback";
    case WorkOrderAction::kClose:
      return "close";
    case WorkOrderAction::kReopen:
      return "reopen";
    case WorkOrderAction::kCancel:
      return "cancel";
    case WorkOrderAction::kMerge:
      return "merge";
    case WorkOrderAction::kPause:
      return "pause";
    case WorkOrderAction::kResume:
      return "resume";
    case WorkOrderAction::kUrge:
      return "urge";
    case WorkOrderAction::kLink:
      return "link";
  }
  return "dispatch";
}

std::optional<WorkOrderAction> ParseWorkOrderAction(std::string_view code) {
  return ParseEnumCode(kAllWorkOrderActions, code, WorkOrderActionCode);
}

std::string_view WorkOrderEventType(WorkOrderAction action) {
  switch (action) {
    case WorkOrderAction::kDispatch:
      return "workorder.dispatched";
    case WorkOrderAction::kAssign:
      return "workorder.assigned";
    case WorkOrderAction::kDepart:
      return "workorder.en_route";
    case WorkOrderAction::kArrive:
      return "workorder.on_site";
    case WorkOrderAction::kResolve:
      return "workorder.resolved";
    case WorkOrderAction::kReturn:
      return "workorder.returned";
    case WorkOrderAction::kStartCallback:
      return "workorder.callback_started";
    case WorkOrderAction::kClose:
      return "workorder.closed";
    case WorkOrderAction::kReopen:
      return "workorder.reopened";
    case WorkOrderAction::kCancel:
      return "workorder.cancelled";
    case WorkOrderAction::kMerge:
      return "workorder.merged";
    case WorkOrderAction::kPause:
      return "workorder.paused";
    case WorkOrderAction::kResume:
      return "workorder.resumed";
    case WorkOrderAction::kUrge:
      return "workorder.urged";
    case WorkOrderAction::kLink:
      return "workorder.linked";
  }
  return "workorder.updated";
}

std::optional<WorkOrderState> TargetState(WorkOrderState from, WorkOrderAction action) {
  switch (action) {
    case WorkOrderAction::kDispatch:
      if (from == kAccepted || from == kDispatched || from == kReturned || from == kReopened) {
        return kDispatched;
      }
      return std::nullopt;
    case WorkOrderAction::kAssign:
      if (Routable(from)) return kAssigned;
      return std::nullopt;
    case WorkOrderAction::kDepart:
      if (from == kAssigned) return kEnRoute;
      return std::nullopt;
    case WorkOrderAction::kArrive:
      if (from == kEnRoute) return kOnSite;
      return std::nullopt;
    case WorkOrderAction::kResolve:
      if (from == kAccepted || from == kDispatched || from == kAssigned || from == kOnSite) {
        return kResolved;
      }
      return std::nullopt;
    case WorkOrderAction::kReturn:
      if (InHand(from)) return kReturned;
      return std::nullopt;
    case WorkOrderAction::kStartCallback:
      if (from == kResolved) return kCallback;
      return std::nullopt;
    case WorkOrderAction::kClose:
      if (from == kCallback || from == kResolved) return kClosed;
      return std::nullopt;
    case WorkOrderAction::kReopen:
      if (from == kCallback) return kReopened;
      return std::nullopt;
    case WorkOrderAction::kCancel:
      if (Routable(from)) return kCancelled;
      return std::nullopt;
    case WorkOrderAction::kMerge:
      if (Routable(from)) return kMerged;
      return std::nullopt;
    case WorkOrderAction::kPause:
    case WorkOrderAction::kResume:
      if (InHand(from)) return from;
      return std::nullopt;
    case WorkOrderAction::kUrge:
    case WorkOrderAction::kLink:
      if (IsOpen(from)) return from;
      return std::nullopt;
  }
  return std::nullopt;
}

Result<WorkOrderState> NextState(const WorkOrder& order, WorkOrderAction action) {
  const std::string refused = "cannot " + std::string(WorkOrderActionCode(action)) +
                              " a work order that is " +
                              std::string(WorkOrderStateCode(order.state));
  auto next = TargetState(order.state, action);
  if (!next) return Fail(Error::Conflict(refused));
  if (action == WorkOrderAction::kClose && order.state == kResolved && NeedsCallback(order.type)) {
    return Fail(Error::Conflict(refused + "; a " + std::string(WorkOrderTypeCode(order.type)) +
                                " needs a callback first (start_callback)"));
  }
  if (action == WorkOrderAction::kPause && order.paused_at) {
    return Fail(Error::Conflict("the work order is already paused"));
  }
  if (action == WorkOrderAction::kResume && !order.paused_at) {
    return Fail(Error::Conflict("the work order is not paused"));
  }
  return *next;
}

Status CheckActor(const Principal& actor, WorkOrderAction action, const WorkOrder& order) {
  switch (action) {
    case WorkOrderAction::kDispatch:
    case WorkOrderAction::kAssign:
    case WorkOrderAction::kMerge:
    case WorkOrderAction::kLink:
      return actor.Require(Permission::kWorkOrderDispatch);
    case WorkOrderAction::kDepart:
    case WorkOrderAction::kArrive:
    case WorkOrderAction::kReturn:
    case WorkOrderAction::kPause:
    case WorkOrderAction::kResume:
      return DispatcherOrAssignee(actor, order);
    case WorkOrderAction::kResolve:
      if (order.state == kAccepted && actor.Can(Permission::kWorkOrderCreate)) return Ok();
      return DispatcherOrAssignee(actor, order);
    case WorkOrderAction::kStartCallback:
    case WorkOrderAction::kClose:
    case WorkOrderAction::kReopen:
      return actor.Require(Permission::kWorkOrderCallback);
    case WorkOrderAction::kCancel:
      if (actor.Can(Permission::kWorkOrderDispatch)) return Ok();
      if (actor.Can(Permission::kWorkOrderCreate) && order.state == kAccepted &&
          order.created_by == actor.user_id) {
        return Ok();
      }
      return Forbid("permission required: workorders:dispatch");
    case WorkOrderAction::kUrge:
      if (actor.Can(Permission::kWorkOrderCreate) || actor.Can(Permission::kWorkOrderCallback) ||
          actor.Can(Permission::kWorkOrderDispatch)) {
        return Ok();
      }
      return Forbid("permission required: workorders:create");
  }
  return Forbid("unknown action");
}

bool NeedsNote(WorkOrderAction action) {
  return action == WorkOrderAction::kReturn || action == WorkOrderAction::kCancel ||
         action == WorkOrderAction::kReopen || action == WorkOrderAction::kPause;
}

}  // namespace lifeline
