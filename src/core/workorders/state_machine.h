// The work-order state machine: one table of (state, action) → state, and who may act.
// Design: docs/design/work-orders.md ("State machine").
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "core/common/error.h"
#include "core/identity/principal.h"
#include "core/workorders/work_order.h"

namespace lifeline {

enum class WorkOrderAction {
  kDispatch,       // 派单到部门
  kAssign,         // 派单到人
  kDepart,         // 出发
  kArrive,         // 到场
  kResolve,        // 处理完成
  kReturn,         // 退回
  kStartCallback,  // 开始回访
  kClose,          // 回访办结
  kReopen,         // 回访不满意，重新处理
  kCancel,         // 撤销
  kMerge,          // 合并到另一工单
  kPause,          // 挂起：等待客户
  kResume,         // 恢复
  kUrge,           // 催办
  kLink,           // 关联到主工单
};

inline constexpr std::array kAllWorkOrderActions{
    WorkOrderAction::kDispatch,      WorkOrderAction::kAssign,  WorkOrderAction::kDepart,
    WorkOrderAction::kArrive,        WorkOrderAction::kResolve, WorkOrderAction::kReturn,
    WorkOrderAction::kStartCallback, WorkOrderAction::kClose,   WorkOrderAction::kReopen,
    WorkOrderAction::kCancel,        WorkOrderAction::kMerge,   WorkOrderAction::kPause,
    WorkOrderAction::kResume,        WorkOrderAction::kUrge,    WorkOrderAction::kLink};

std::string_view WorkOrderActionCode(WorkOrderAction action);
std::optional<WorkOrderAction> ParseWorkOrderAction(std::string_view code);
// The event type a transition emits: "workorder.dispatched", "workorder.resolved" …
std::string_view WorkOrderEventType(WorkOrderAction action);

// The state `action` leads to from `from`, or nullopt when the table has no such transition.
// Pause, resume, urge and link keep the state.
std::optional<WorkOrderState> TargetState(WorkOrderState from, WorkOrderAction action);

// The state after `action` on `order`: the table plus the rules that depend on the order
// (closing without a callback only for types that need none; pause only while not paused,
// resume only while paused). kConflict naming the current state otherwise.
Result<WorkOrderState> NextState(const WorkOrder& order, WorkOrderAction action);

// Whether `actor` may take `action` on `order`: kForbidden naming what is missing.
Status CheckActor(const Principal& actor, WorkOrderAction action, const WorkOrder& order);

// Actions whose note is the reason and must not be empty.
bool NeedsNote(WorkOrderAction action);

}  // namespace lifeline
