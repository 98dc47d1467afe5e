// Staff notifications (站内消息): one row per recipient in an in-app inbox, derived from the
// work-order events by the NotificationConsumer. Stored as a kind code, the order and the
// params its text needs; the text itself comes from message_templates at read time.
// Design: docs/design/notifications.md.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/common/fields.h"
#include "core/common/time.h"

namespace lifeline {

enum class NotificationKind {
  kAssigned,          // 派单给你
  kUrged,             // 催办
  kDeadlineBreached,  // 超时
  kReturned,          // 退回
  kNeedsReview,       // 回访不满意，待复核
};

inline constexpr std::array kAllNotificationKinds{
    NotificationKind::kAssigned, NotificationKind::kUrged, NotificationKind::kDeadlineBreached,
    NotificationKind::kReturned, NotificationKind::kNeedsReview};

std::string_view NotificationKindCode(NotificationKind kind);
std::optional<NotificationKind> ParseNotificationKind(std::string_view code);

struct StaffNotification {
  std::int64_t id = 0;
  std::int64_t user_id = 0;  // the recipient
  NotificationKind kind = NotificationKind::kAssigned;
  std::optional<std::int64_t> order_id{};
  Fields params{};  // for the text: number, breached, …
  // With user_id and kind, the idempotency key: one event notifies one person once per kind.
  std::int64_t event_id = 0;
  TimeMs created_at = 0;
  std::optional<TimeMs> read_at{};
};

}  // namespace lifeline
