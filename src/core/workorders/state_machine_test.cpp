// The state machine: every (state, action) pair against the table in
// docs/design/work-orders.md, and who may take each action.
#include "core/workorders/state_machine.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <utility>

namespace lifeline {
namespace {

using enum WorkOrderState;
using A = WorkOrderAction;

// The design table, written out once more by hand: (from, action) → to.
std::map<std::pair<WorkOrderState, A>, WorkOrderState> Expected() {
  std::map<std::pair<WorkOrderState, A>, WorkOrderState> t;
  for (auto s : {kAccepted, kDispatched, kReturned, kReopened}) t[{s, A::kDispatch}] = kDispatched;
  for (auto s : {kAccepted, kDispatched, kAssigned, kReturned, kReopened}) {
    t[{s, A::kAssign}] = kAssigned;
    t[{s, A::kCancel}] = kCancelled;
    t[{s, A::kMerge}] = kMerged;
  }
  t[{kAssigned, A::kDepart}] = kEnRoute;
  t[{kEnRoute, A::kArrive}] = kOnSite;
  for (auto s : {kAccepted, kDispatched, kAssigned, kOnSite}) t[{s, A::kResolve}] = kResolved;
  for (auto s : {kDispatched, kAssigned, kEnRoute, kOnSite}) {
    t[{s, A::kReturn}] = kReturned;
    t[{s, A::kPause}] = s;
    t[{s, A::kResume}] = s;
  }
  t[{kResolved, A::kStartCallback}] = kCallback;
  t[{kCallback, A::kClose}] = kClosed;
  t[{kResolved, A::kClose}] = kClosed;
  t[{kCallback, A::kReopen}] = kReopened;
  for (auto s : {kAccepted, kDispatched, kAssigned, kEnRoute, kOnSite, kReturned, kReopened}) {
    t[{s, A::kUrge}] = s;
    t[{s, A::kLink}] = s;
  }
  return t;
}

TEST(WorkOrderStateMachine, EveryPairMatchesTheDesignTable) {
  const auto expected = Expected();
  int allowed = 0;
  for (WorkOrderState from : kAllWorkOrderStates) {
    for (A action : kAllWorkOrderActions) {
      const auto found = expected.find({from, action});
      const auto target = TargetState(from, action);
      if (found == expected.end()) {
        EXPECT_FALSE(target.has_value())
            << WorkOrderActionCode(action) << " from " << WorkOrderStateCode(from);
      } else {
        ++allowed;
        EXPECT_EQ(target, found->second)
            << WorkOrderActionCode(action) << " from " << WorkOrderStateCode(from);
      }
    }
  }
  EXPECT_EQ(allowed, static_cast<int>(expected.size()));
}

TEST(WorkOrderStateMachine, FinalStatesAcceptNothing) {
  for (WorkOrderState final_state : {kClosed, kCancelled, kMerged}) {
    EXPECT_TRUE(IsFinal(final_state));
    for (A action : kAllWorkOrderActions) EXPECT_FALSE(TargetState(final_state, action));
  }
}

TEST(WorkOrderStateMachine, RefusalsAreConflictsNamingTheCurrentState) {
  WorkOrder order;
  order.state = kDispatched;
  auto refused = NextState(order, A::kDepart);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  EXPECT_EQ(refused.error().message, "cannot depart a work order that is dispatched");
}

TEST(WorkOrderStateMachine, OnlyAnswerTypesCloseWithoutACallback) {
  WorkOrder order;
  order.state = kResolved;
  order.type = WorkOrderType::kRepair;
  EXPECT_EQ(NextState(order, A::kClose).error().code, ErrorCode::kConflict);
  order.type = WorkOrderType::kConsultation;
  EXPECT_EQ(NextState(order, A::kClose), kClosed);
  order.state = kCallback;
  order.type = WorkOrderType::kRepair;
  EXPECT_EQ(NextState(order, A::kClose), kClosed);
}

TEST(WorkOrderStateMachine, PauseAndResumeAlternate) {
  WorkOrder order;
  order.state = kAssigned;
  EXPECT_FALSE(NextState(order, A::kResume));
  EXPECT_EQ(NextState(order, A::kPause), kAssigned);
  order.paused_at = 1;
  EXPECT_FALSE(NextState(order, A::kPause));
  EXPECT_EQ(NextState(order, A::kResume), kAssigned);
}

Principal As(Role role, std::int64_t user_id) {
  Principal p;
  p.user_id = user_id;
  p.role = role;
  p.permissions = RolePermissions(role);
  return p;
}

TEST(WorkOrderPermissions, EachRoleMayTakeItsOwnSteps) {
  const Principal agent = As(Role::kAgent, 1);
  const Principal dispatcher = As(Role::kDispatcher, 2);
  const Principal technician = As(Role::kTechnician, 3);
  const Principal other_technician = As(Role::kTechnician, 4);
  const Principal manager = As(Role::kManager, 5);
  WorkOrder order;
  order.created_by = 1;
  order.assignee_id = 3;

  for (A action : {A::kDispatch, A::kAssign, A::kMerge, A::kLink}) {
    EXPECT_TRUE(CheckActor(dispatcher, action, order)) << WorkOrderActionCode(action);
    EXPECT_EQ(CheckActor(agent, action, order).error().code, ErrorCode::kForbidden);
    EXPECT_FALSE(CheckActor(technician, action, order));
  }
  for (A action : {A::kDepart, A::kArrive, A::kReturn, A::kPause, A::kResume}) {
    EXPECT_TRUE(CheckActor(technician, action, order)) << WorkOrderActionCode(action);
    EXPECT_TRUE(CheckActor(dispatcher, action, order));
    EXPECT_EQ(CheckActor(other_technician, action, order).error().message,
              "only the assignee may act on this work order");
    EXPECT_FALSE(CheckActor(agent, action, order));
  }
  for (A action : {A::kStartCallback, A::kClose, A::kReopen}) {
    EXPECT_TRUE(CheckActor(agent, action, order));
    EXPECT_FALSE(CheckActor(technician, action, order));
    EXPECT_FALSE(CheckActor(dispatcher, action, order));
  }
  for (A action : kAllWorkOrderActions) EXPECT_FALSE(CheckActor(manager, action, order));
}

TEST(WorkOrderPermissions, ResolvingAtFirstContactAndCancellingAreTheAgentsOnlyWhileAccepted) {
  const Principal agent = As(Role::kAgent, 1);
  const Principal other_agent = As(Role::kAgent, 9);
  WorkOrder order;
  order.created_by = 1;
  order.state = kAccepted;
  EXPECT_TRUE(CheckActor(agent, A::kResolve, order));
  EXPECT_TRUE(CheckActor(agent, A::kCancel, order));
  EXPECT_FALSE(CheckActor(other_agent, A::kCancel, order));
  EXPECT_TRUE(CheckActor(agent, A::kUrge, order));
  order.state = kDispatched;
  EXPECT_FALSE(CheckActor(agent, A::kResolve, order));
  EXPECT_FALSE(CheckActor(agent, A::kCancel, order));
}

TEST(WorkOrderStateMachine, CodesRoundTripAndNotesAreRequiredForReasons) {
  std::set<std::string_view> events;
  for (A action : kAllWorkOrderActions) {
    EXPECT_EQ(ParseWorkOrderAction(WorkOrderActionCode(action)), action);
    events.insert(WorkOrderEventType(action));
  }
  EXPECT_EQ(events.size(), kAllWorkOrderActions.size());
  for (WorkOrderState s : kAllWorkOrderStates)
    EXPECT_EQ(ParseWorkOrderState(WorkOrderStateCode(s)), s);
  for (WorkOrderType t : kAllWorkOrderTypes) EXPECT_EQ(ParseWorkOrderType(WorkOrderTypeCode(t)), t);
  EXPECT_FALSE(ParseWorkOrderAction("teleport"));
  EXPECT_TRUE(NeedsNote(A::kReturn));
  EXPECT_TRUE(NeedsNote(A::kCancel));
  EXPECT_FALSE(NeedsNote(A::kDepart));
}

}  // namespace
}  // namespace lifeline
