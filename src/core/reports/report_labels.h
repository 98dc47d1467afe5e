// Chinese labels for what reports show people: work-order types, states, priorities, and the
// names of the figures (export headers). Stored data keeps codes; only reports render these.
#pragma once

#include <string_view>

#include "core/workorders/work_order.h"

namespace lifeline {

std::string_view WorkOrderTypeLabel(WorkOrderType type);
std::string_view PriorityLabel(Priority priority);
std::string_view WorkOrderStateName(WorkOrderState state);

}  // namespace lifeline
