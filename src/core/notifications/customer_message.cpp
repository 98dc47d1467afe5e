#include "core/notifications/customer_message.h"

#include "core/common/enum_codes.h"

namespace lifeline {

std::string_view MessageChannelCode(MessageChannelKind channel) {
  switch (channel) {
    case MessageChannelKind::kSms:
      return "sms";
    case MessageChannelKind::kWeChat:
      return "wechat";
    case MessageChannelKind::kEmail:
      return "email";
  }
  return "";
}

std::optional<MessageChannelKind> ParseMessageChannel(std::string_view code) {
  return ParseEnumCode(kAllMessageChannels, code, MessageChannelCode);
}

std::string_view MessageStateCode(MessageState state) {
  switch (state) {
    case MessageState::kQueued:
      return "queued";
    case MessageState::kSent:
      return "sent";
    case MessageState::kFailed:
      return "failed";
    case MessageState::kSuppressed:
      return "suppressed";
  }
  return "";
}

std::optional<MessageState> ParseMessageState(std::string_view code) {
  return ParseEnumCode(kAllMessageStates, code, MessageStateCode);
}

std::string_view SuppressReasonCode(SuppressReason reason) {
  switch (reason) {
    case SuppressReason::kOptedOut:
      return "opted_out";
    case SuppressReason::kThrottled:
      return "throttled";
  }
  return "";
}

std::optional<SuppressReason> ParseSuppressReason(std::string_view code) {
  return ParseEnumCode(kAllSuppressReasons, code, SuppressReasonCode);
}

std::string_view MessageTemplateCode(MessageTemplate code) {
  switch (code) {
    case MessageTemplate::kOrderAccepted:
      return "order_accepted";
    case MessageTemplate::kOrderAssigned:
      return "order_assigned";
    case MessageTemplate::kOrderAppointment:
      return "order_appointment";
    case MessageTemplate::kOrderResolved:
      return "order_resolved";
    case MessageTemplate::kOrderResolvedWithParent:
      return "order_resolved_with_parent";
  }
  return "";
}

std::optional<MessageTemplate> ParseMessageTemplate(std::string_view code) {
  return ParseEnumCode(kAllMessageTemplates, code, MessageTemplateCode);
}

}  // namespace lifeline
