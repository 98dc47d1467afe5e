// Where customer messages leave Lifeline: one MessageChannel per channel kind (an SMS gateway, a
// WeChat template-message API, SMTP …). Built in: the log channel, which records the message
// and reports it sent. Sending may be repeated after a crash between sending and recording the
// outcome, so a channel passes `idempotency_key` on to a gateway that can deduplicate by it.
#pragma once

#include <cstdint>
#include <string>

#include "core/common/error.h"
#include "core/notifications/customer_message.h"

namespace lifeline {

struct OutboundMessage {
  std::int64_t id = 0;
  std::string idempotency_key;
  MessageChannelKind channel = MessageChannelKind::kSms;
  std::string recipient;  // in clear: only the channel sees it
  MessageTemplate template_code = MessageTemplate::kOrderAccepted;
  std::string text;  // rendered, Chinese
};

class MessageChannel {
 public:
  virtual ~MessageChannel() = default;
  // The provider's reference for the accepted message; an error when it was not accepted
  // (kUnavailable: try again later; kInvalidArgument: never going to work, e.g. a landline).
  [[nodiscard]] virtual Result<std::string> Send(const OutboundMessage& message) = 0;
};

}  // namespace lifeline
