// The built-in message channel: writes each customer message to the server log (recipient
// masked) and reports it sent, so a demo or a test installation shows what customers would
// receive. Real SMS, WeChat and e-mail adapters implement the same MessageChannel port.
#pragma once

#include <atomic>

#include "core/ports/message_channel.h"

namespace lifeline::channels {

class LogChannel final : public MessageChannel {
 public:
  Result<std::string> Send(const OutboundMessage& message) override;
  std::int64_t sent() const { return sent_.load(); }

 private:
  std::atomic<std::int64_t> sent_{0};
};

}  // namespace lifeline::channels
