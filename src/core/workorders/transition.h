// One step in a work order's history: who did what, when, from which state to which, and the
// action's own details. Rows are only ever appended.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/common/time.h"
#include "core/workorders/work_order.h"

namespace lifeline {

struct WorkOrderTransition {
  std::int64_t id = 0;
  std::int64_t order_id = 0;
  TimeMs at = 0;
  std::int64_t actor_id = 0;  // 0: the system (a cascade from a parent, an escalation)
  std::string actor_name{};
  std::string action{};  // "create", an action code, or "escalate"
  WorkOrderState from_state = WorkOrderState::kAccepted;
  WorkOrderState to_state = WorkOrderState::kAccepted;
  std::string note{};
  std::optional<std::int64_t> department_id{};
  std::optional<std::int64_t> assignee_id{};
  std::string assignee_name{};                     // filled in by reads
  std::optional<std::int64_t> related_order_id{};  // merge target, parent
  std::optional<int> satisfaction{};
};

}  // namespace lifeline
