#include "core/reports/report_labels.h"

namespace lifeline {

std::string_view WorkOrderTypeLabel(WorkOrderType type) {
  switch (type) {
    case WorkOrderType::kRepair:
      return "报修";
    case WorkOrderType::kComplaint:
      return "投诉";
    case WorkOrderType::kConsultation:
      return "咨询";
    case WorkOrderType::kSuggestion:
      return "建议";
    case WorkOrderType::kPraise:
      return "表扬";
    case WorkOrderType::kHelp:
      return "求助";
    case WorkOrderType::kSupervision:
      return "监督举报";
    case WorkOrderType::kTransfer12345:
      return "12345转办";
    case WorkOrderType::kInstallation:
      return "报装";
    case WorkOrderType::kAppointment:
      return "预约服务";
  }
  return "";
}

std::string_view PriorityLabel(Priority priority) {
  switch (priority) {
    case Priority::kEmergency:
      return "特急";
    case Priority::kUrgent:
      return "紧急";
    case Priority::kNormal:
      return "一般";
  }
  return "";
}

std::string_view WorkOrderStateName(WorkOrderState state) {
  switch (state) {
    case WorkOrderState::kAccepted:
      return "已受理";
    case WorkOrderState::kDispatched:
      return "已派至部门";
    case WorkOrderState::kAssigned:
      return "已派至人员";
    case WorkOrderState::kEnRoute:
      return "已出发";
    case WorkOrderState::kOnSite:
      return "已到场";
    case WorkOrderState::kResolved:
      return "已处理，待回访";
    case WorkOrderState::kCallback:
      return "回访中";
    case WorkOrderState::kClosed:
      return "已办结";
    case WorkOrderState::kReturned:
      return "已退回";
    case WorkOrderState::kReopened:
      return "已重新打开";
    case WorkOrderState::kCancelled:
      return "已撤销";
    case WorkOrderState::kMerged:
      return "已合并";
  }
  return "";
}

}  // namespace lifeline
