#include "adapters/channels/log_channel.h"

#include <spdlog/spdlog.h>

#include "core/customers/masking.h"

namespace lifeline::channels {

Result<std::string> LogChannel::Send(const OutboundMessage& message) {
  spdlog::info("{} to {} [{}]: {}", MessageChannelCode(message.channel),
               MaskPhone(message.recipient), MessageTemplateCode(message.template_code),
               message.text);
  sent_.fetch_add(1);
  return "log:" + std::to_string(message.id);
}

}  // namespace lifeline::channels
