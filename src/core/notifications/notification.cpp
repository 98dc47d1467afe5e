#include "core/notifications/notification.h"

#include "core/common/enum_codes.h"

namespace lifeline {

std::string_view NotificationKindCode(NotificationKind kind) {
  switch (kind) {
    case NotificationKind::kAssigned:
      return "workorder.assigned";
    case NotificationKind::kUrged:
      return "workorder.urged";
    case NotificationKind::kDeadlineBreached:
      return "workorder.deadline_breached";
    case NotificationKind::kReturned:
      return "workorder.returned";
    case NotificationKind::kNeedsReview:
      return "workorder.needs_review";
  }
  return "";
}

std::optional<NotificationKind> ParseNotificationKind(std::string_view code) {
  return ParseEnumCode(kAllNotificationKinds, code, NotificationKindCode);
}

}  // namespace lifeline
