// What the public tracking page shows: a parcel-style timeline with nothing personal in it.
// No customer name, phone, address or notes; a technician appears as family name + 师傅.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/workorders/category_tree.h"
#include "core/workorders/transition.h"
#include "core/workorders/work_order.h"

namespace lifeline {

struct TrackingStep {
  TimeMs at = 0;
  WorkOrderState state = WorkOrderState::kAccepted;
  std::string label;  // "已派发至维修人员：李师傅"
};

struct TrackingView {
  std::string number;
  WorkOrderType type = WorkOrderType::kRepair;
  std::string category;  // "供水 › 水质 › 水黄"
  WorkOrderState state = WorkOrderState::kAccepted;
  std::string state_label;
  TimeMs created_at = 0;
  std::optional<TimeMs> expected_arrival{};
  std::optional<TimeMs> expected_resolution{};
  std::optional<std::string> merged_into_number{};
  std::optional<TimeMs> rated_at{};  // set once the customer rated the order
  // The window announced by the team's stored day plan, while the visit is still ahead.
  std::optional<TimeMs> planned_window_start{};
  std::optional<TimeMs> planned_window_end{};
  std::string planned_window_label{};  // "预计 14:00–16:00 上门"
  std::vector<TrackingStep> steps;
};

// "李建国" → "李师傅"; empty stays empty.
std::string MaskedTechnician(std::string_view display_name);

// Only transitions that changed the state become steps.
TrackingView BuildTrackingView(const WorkOrder& order,
                               const std::vector<WorkOrderTransition>& history,
                               const CategoryTree& tree,
                               const std::optional<WorkOrder>& merged_into);

}  // namespace lifeline
