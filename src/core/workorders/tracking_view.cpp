#include "core/workorders/tracking_view.h"

#include "core/common/utf8.h"

namespace lifeline {

namespace {

std::string StepLabel(const WorkOrderTransition& t) {
  std::string label(WorkOrderStateLabel(t.to_state));
  if (t.to_state == WorkOrderState::kAssigned && !t.assignee_name.empty()) {
    label += "：" + MaskedTechnician(t.assignee_name);
  }
  return label;
}

}  // namespace

std::string MaskedTechnician(std::string_view display_name) {
  const std::u32string name = DecodeUtf8(display_name);
  if (name.empty()) return {};
  return EncodeUtf8(name.substr(0, 1)) + "师傅";
}

TrackingView BuildTrackingView(const WorkOrder& order,
                               const std::vector<WorkOrderTransition>& history,
                               const CategoryTree& tree,
                               const std::optional<WorkOrder>& merged_into) {
  TrackingView view;
  view.number = WorkOrderNumber(order.id, order.created_at);
  view.type = order.type;
  view.category = tree.Path(order.category);
  view.state = order.state;
  view.state_label = std::string(WorkOrderStateLabel(order.state));
  view.created_at = order.created_at;
  if (!order.arrived_at) view.expected_arrival = order.due_arrival_at;
  if (!order.resolved_at) view.expected_resolution = order.due_resolution_at;
  if (merged_into)
    view.merged_into_number = WorkOrderNumber(merged_into->id, merged_into->created_at);
  for (const WorkOrderTransition& t : history) {
    if (t.action != "create" && t.from_state == t.to_state) continue;
    view.steps.push_back({t.at, t.to_state, StepLabel(t)});
  }
  return view;
}

}  // namespace lifeline
