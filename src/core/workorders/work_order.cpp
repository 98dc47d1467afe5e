#include "core/workorders/work_order.h"

#include <cstdio>

#include "core/common/civil_time.h"
#include "core/common/enum_codes.h"

namespace lifeline {

namespace {

constexpr std::size_t kMaxTitleBytes = 300;         // about 100 Chinese characters
constexpr std::size_t kMaxDescriptionBytes = 6000;  // about 2,000
constexpr std::size_t kMaxAddressBytes = 600;
constexpr std::size_t kMaxContactNameBytes = 90;
constexpr std::size_t kMaxPhoneBytes = 32;

}  // namespace

std::string_view WorkOrderTypeCode(WorkOrderType type) {
  switch (type) {
    case WorkOrderType::kRepair:
      return "repair";
    case WorkOrderType::kComplaint:
      return "complaint";
    case WorkOrderType::kConsultation:
      return "consultation";
    case WorkOrderType::kSuggestion:
      return "suggestion";
    case WorkOrderType::kPraise:
      return "praise";
    case WorkOrderType::kHelp:
      return "help";
    case WorkOrderType::kSupervision:
      return "supervision";
    case WorkOrderType::kTransfer12345:
      return "transfer_12345";
    case WorkOrderType::kInstallation:
      return "installation";
    case WorkOrderType::kAppointment:
      return "appointment";
  }
  return "repair";
}

std::optional<WorkOrderType> ParseWorkOrderType(std::string_view code) {
  return ParseEnumCode(kAllWorkOrderTypes, code, WorkOrderTypeCode);
}

std::string_view PriorityCode(Priority priority) {
  switch (priority) {
    case Priority::kEmergency:
      return "emergency";
    case Priority::kUrgent:
      return "urgent";
    case Priority::kNormal:
      return "normal";
  }
  return "normal";
}

std::optional<Priority> ParsePriority(std::string_view code) {
  return ParseEnumCode(kAllPriorities, code, PriorityCode);
}

std::string_view WorkOrderStateCode(WorkOrderState state) {
  switch (state) {
    case WorkOrderState::kAccepted:
      return "accepted";
    case WorkOrderState::kDispatched:
      return "dispatched";
    case WorkOrderState::kAssigned:
      return "assigned";
    case WorkOrderState::kEnRoute:
      return "en_route";
    case WorkOrderState::kOnSite:
      return "on_site";
    case WorkOrderState::kResolved:
      return "resolved";
    case WorkOrderState::kCallback:
      return "callback";
    case WorkOrderState::kClosed:
      return "closed";
    case WorkOrderState::kReturned:
      return "returned";
    case WorkOrderState::kReopened:
      return "reopened";
    case WorkOrderState::kCancelled:
      return "cancelled";
    case WorkOrderState::kMerged:
      return "merged";
  }
  return "accepted";
}

std::optional<WorkOrderState> ParseWorkOrderState(std::string_view code) {
  return ParseEnumCode(kAllWorkOrderStates, code, WorkOrderStateCode);
}

std::string_view WorkOrderStateLabel(WorkOrderState state) {
  switch (state) {
    case WorkOrderState::kAccepted:
      return "已受理";
    case WorkOrderState::kDispatched:
      return "已派发至处理部门";
    case WorkOrderState::kAssigned:
      return "已派发至维修人员";
    case WorkOrderState::kEnRoute:
      return "维修人员已出发";
    case WorkOrderState::kOnSite:
      return "维修人员已到达现场";
    case WorkOrderState::kResolved:
      return "已处理完成";
    case WorkOrderState::kCallback:
      return "回访中";
    case WorkOrderState::kClosed:
      return "已办结";
    case WorkOrderState::kReturned:
      return "重新派发中";
    case WorkOrderState::kReopened:
      return "重新处理中";
    case WorkOrderState::kCancelled:
      return "已撤销";
    case WorkOrderState::kMerged:
      return "已与相同诉求合并处理";
  }
  return "已受理";
}

bool IsOpen(WorkOrderState state) {
  switch (state) {
    case WorkOrderState::kAccepted:
    case WorkOrderState::kDispatched:
    case WorkOrderState::kAssigned:
    case WorkOrderState::kEnRoute:
    case WorkOrderState::kOnSite:
    case WorkOrderState::kReturned:
    case WorkOrderState::kReopened:
      return true;
    case WorkOrderState::kResolved:
    case WorkOrderState::kCallback:
    case WorkOrderState::kClosed:
    case WorkOrderState::kCancelled:
    case WorkOrderState::kMerged:
      return false;
  }
  return false;
}

bool IsFinal(WorkOrderState state) {
  return state == WorkOrderState::kClosed || state == WorkOrderState::kCancelled ||
         state == WorkOrderState::kMerged;
}

std::string WorkOrderNumber(std::int64_t id, TimeMs created_at) {
  const LocalDate date = ToLocalDate(created_at);
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "GD-%04d%02d%02d-%06lld", date.year, date.month, date.day,
                static_cast<long long>(id));
  return buffer;
}

bool NeedsCallback(WorkOrderType type) {
  return type != WorkOrderType::kConsultation && type != WorkOrderType::kSuggestion &&
         type != WorkOrderType::kPraise;
}

Priority Raised(Priority priority) {
  return priority == Priority::kNormal ? Priority::kUrgent : Priority::kEmergency;
}

Status ValidateDraft(const WorkOrder& draft) {
  if (draft.title.empty() || draft.title.size() > kMaxTitleBytes) {
    return Fail(Error::Invalid("title", "title must be 1 to 100 characters"));
  }
  if (draft.description.size() > kMaxDescriptionBytes) {
    return Fail(Error::Invalid("description", "description must be at most 2,000 characters"));
  }
  if (draft.address.size() > kMaxAddressBytes) {
    return Fail(Error::Invalid("address", "address must be at most 200 characters"));
  }
  if (draft.contact_name.size() > kMaxContactNameBytes) {
    return Fail(Error::Invalid("contact_name", "contact_name must be at most 30 characters"));
  }
  if (draft.contact_phone.size() > kMaxPhoneBytes) {
    return Fail(Error::Invalid("contact_phone", "contact_phone is too long"));
  }
  return Ok();
}

}  // namespace lifeline
