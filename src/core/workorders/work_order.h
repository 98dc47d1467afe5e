// A work order (工单): one customer request from acceptance to a closed callback.
// Design: docs/design/work-orders.md.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/common/error.h"
#include "core/common/time.h"

namespace lifeline {

enum class WorkOrderType {
  kRepair,         // 报修
  kComplaint,      // 投诉
  kConsultation,   // 咨询
  kSuggestion,     // 建议
  kPraise,         // 表扬
  kHelp,           // 求助
  kSupervision,    // 监督举报
  kTransfer12345,  // 12345转办
  kInstallation,   // 报装
  kAppointment,    // 预约服务
};

enum class Priority { kEmergency, kUrgent, kNormal };

enum class WorkOrderState {
  kAccepted,    // 已受理
  kDispatched,  // 已派至部门
  kAssigned,    // 已派至人员
  kEnRoute,     // 已出发
  kOnSite,      // 已到场
  kResolved,    // 已处理，待回访
  kCallback,    // 回访中
  kClosed,      // 已办结
  kReturned,    // 已退回
  kReopened,    // 已重新打开
  kCancelled,   // 已撤销
  kMerged,      // 已合并
};

inline constexpr std::array kAllWorkOrderTypes{
    WorkOrderType::kRepair,      WorkOrderType::kComplaint,     WorkOrderType::kConsultation,
    WorkOrderType::kSuggestion,  WorkOrderType::kPraise,        WorkOrderType::kHelp,
    WorkOrderType::kSupervision, WorkOrderType::kTransfer12345, WorkOrderType::kInstallation,
    WorkOrderType::kAppointment};
inline constexpr std::array kAllPriorities{Priority::kEmergency, Priority::kUrgent,
                                           Priority::kNormal};
inline constexpr std::array kAllWorkOrderStates{
    WorkOrderState::kAccepted, WorkOrderState::kDispatched, WorkOrderState::kAssigned,
    WorkOrderState::kEnRoute,  WorkOrderState::kOnSite,     WorkOrderState::kResolved,
    WorkOrderState::kCallback, WorkOrderState::kClosed,     WorkOrderState::kReturned,
    WorkOrderState::kReopened, WorkOrderState::kCancelled,  WorkOrderState::kMerged};

std::string_view WorkOrderTypeCode(WorkOrderType type);
std::optional<WorkOrderType> ParseWorkOrderType(std::string_view code);
std::string_view PriorityCode(Priority priority);
std::optional<Priority> ParsePriority(std::string_view code);
std::string_view WorkOrderStateCode(WorkOrderState state);
std::optional<WorkOrderState> ParseWorkOrderState(std::string_view code);
// The label customers see on the tracking page.
std::string_view WorkOrderStateLabel(WorkOrderState state);

// Deadline bits in WorkOrder::breached.
inline constexpr int kBreachResponse = 1;
inline constexpr int kBreachArrival = 2;
inline constexpr int kBreachResolution = 4;

struct WorkOrder {
  std::int64_t id = 0;
  std::string tracking_code;
  WorkOrderType type = WorkOrderType::kRepair;
  std::string category;  // code in the category tree: "water.quality.yellow"
  Priority priority = Priority::kNormal;
  WorkOrderState state = WorkOrderState::kAccepted;
  std::string title;
  std::string description;
  std::string address;
  std::optional<std::int64_t> customer_id{};
  std::optional<std::int64_t> account_id{};
  std::optional<std::int64_t> interaction_id{};
  std::string contact_name;
  std::string contact_phone;  // personal data: sealed at rest
  std::optional<std::int64_t> district_id{};
  std::optional<std::int64_t> department_id{};
  std::optional<std::int64_t> assignee_id{};
  std::string assignee_name;  // filled in by reads
  std::int64_t created_by = 0;
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
  std::optional<TimeMs> due_response_at{};
  std::optional<TimeMs> due_arrival_at{};
  std::optional<TimeMs> due_resolution_at{};
  std::optional<TimeMs> responded_at{};
  std::optional<TimeMs> arrived_at{};
  std::optional<TimeMs> resolved_at{};
  std::optional<TimeMs> closed_at{};
  std::optional<TimeMs> paused_at{};
  std::optional<std::int64_t> parent_id{};
  std::optional<std::int64_t> merged_into_id{};
  int urge_count = 0;
  int reopen_count = 0;
  int breached = 0;  // kBreach… bits, each set once when that deadline is first missed
  std::optional<int> satisfaction{};
  std::optional<bool> callback_reached{};
  bool needs_review = false;
  std::int64_t version = 1;
};

// Open: still being worked on. Resolved orders wait for their callback and are not open.
bool IsOpen(WorkOrderState state);
// Final: nothing more happens.
bool IsFinal(WorkOrderState state);

// "GD-20261115-000123": the local creation date and the id, for people to read out.
std::string WorkOrderNumber(std::int64_t id, TimeMs created_at);

// Types that end with the answer itself and need no callback before closing.
bool NeedsCallback(WorkOrderType type);

// The priority one step more urgent (emergency stays emergency).
Priority Raised(Priority priority);

// Shape checks that need no database: title, description and the like.
Status ValidateDraft(const WorkOrder& draft);

}  // namespace lifeline
