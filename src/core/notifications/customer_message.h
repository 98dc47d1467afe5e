// Customer messages (客户通知): outbound texts to the customer of a work order — the tracking
// code when it is accepted, the technician and window when it is assigned, "please rate"
// when it is resolved (also when its parent incident is). Each is a row in an outbox that a
// MessageSender drains through the MessageChannel port. Design: docs/design/notifications.md.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/common/fields.h"
#include "core/common/time.h"

namespace lifeline {

enum class MessageChannelKind { kSms, kWeChat, kEmail };
enum class MessageState { kQueued, kSent, kFailed, kSuppressed };
enum class SuppressReason { kOptedOut, kThrottled };
enum class MessageTemplate {
  kOrderAccepted,            // 已受理，查询码
  kOrderAssigned,            // 已派李师傅
  kOrderAppointment,         // 已派李师傅，预约 14:00–16:00
  kOrderResolved,            // 已处理，请评价
  kOrderResolvedWithParent,  // 随主工单一并处理
};

inline constexpr std::array kAllMessageChannels{
    MessageChannelKind::kSms, MessageChannelKind::kWeChat, MessageChannelKind::kEmail};
inline constexpr std::array kAllMessageStates{MessageState::kQueued, MessageState::kSent,
                                              MessageState::kFailed, MessageState::kSuppressed};
inline constexpr std::array kAllSuppressReasons{SuppressReason::kOptedOut,
                                                SuppressReason::kThrottled};
inline constexpr std::array kAllMessageTemplates{
    MessageTemplate::kOrderAccepted, MessageTemplate::kOrderAssigned,
    MessageTemplate::kOrderAppointment, MessageTemplate::kOrderResolved,
    MessageTemplate::kOrderResolvedWithParent};

std::string_view MessageChannelCode(MessageChannelKind channel);
std::optional<MessageChannelKind> ParseMessageChannel(std::string_view code);
std::string_view MessageStateCode(MessageState state);
std::optional<MessageState> ParseMessageState(std::string_view code);
std::string_view SuppressReasonCode(SuppressReason reason);
std::optional<SuppressReason> ParseSuppressReason(std::string_view code);
std::string_view MessageTemplateCode(MessageTemplate code);
std::optional<MessageTemplate> ParseMessageTemplate(std::string_view code);

struct CustomerMessage {
  std::int64_t id = 0;
  std::optional<std::int64_t> order_id{};
  std::optional<std::int64_t> customer_id{};
  MessageChannelKind channel = MessageChannelKind::kSms;
  std::string recipient;  // personal data: sealed at rest, masked for most readers
  MessageTemplate template_code = MessageTemplate::kOrderAccepted;
  Fields params{};
  MessageState state = MessageState::kQueued;
  std::optional<SuppressReason> suppressed{};
  int attempts = 0;
  std::string last_error{};
  std::string provider_ref{};  // what the channel answered ("log:12", a gateway's message id)
  // "event:<outbox id>:<template>": a second enqueue of the same event is a no-op.
  std::string idempotency_key;
  std::int64_t event_id = 0;
  TimeMs created_at = 0;
  TimeMs next_attempt_at = 0;
  std::optional<TimeMs> sent_at{};
};

}  // namespace lifeline
