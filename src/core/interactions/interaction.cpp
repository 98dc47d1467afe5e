#include "core/interactions/interaction.h"

#include <array>

#include "core/common/enum_codes.h"

namespace lifeline {

namespace {

constexpr std::array kAllChannels{Channel::kPhone,  Channel::kChat,  Channel::kSms,
                                  Channel::kWechat, Channel::kEmail, Channel::kHotline12345,
                                  Channel::kPortal, Channel::kWalkIn};
constexpr std::array kAllDirections{Direction::kInbound, Direction::kOutbound};
constexpr std::size_t kMaxSummaryBytes = 6000;  // about 2,000 Chinese characters
constexpr std::size_t kMaxContactBytes = 200;

}  // namespace

std::string_view ChannelCode(Channel channel) {
  switch (channel) {
    case Channel::kPhone:
      return "phone";
    case Channel::kChat:
      return "chat";
    case Channel::kSms:
      return "sms";
    case Channel::kWechat:
      return "wechat";
    case Channel::kEmail:
      return "email";
    case Channel::kHotline12345:
      return "hotline_12345";
    case Channel::kPortal:
      return "portal";
    case Channel::kWalkIn:
      return "walk_in";
  }
  return "phone";
}

std::optional<Channel> ParseChannel(std::string_view code) {
  return ParseEnumCode(kAllChannels, code, ChannelCode);
}

std::string_view DirectionCode(Direction direction) {
  return direction == Direction::kInbound ? "inbound" : "outbound";
}

std::optional<Direction> ParseDirection(std::string_view code) {
  return ParseEnumCode(kAllDirections, code, DirectionCode);
}

Status ValidateInteraction(const Interaction& interaction) {
  if (interaction.summary.empty() || interaction.summary.size() > kMaxSummaryBytes) {
    return Fail(Error::Invalid("summary", "summary must be 1 to 2,000 characters"));
  }
  if (interaction.contact.size() > kMaxContactBytes) {
    return Fail(Error::Invalid("contact", "contact is too long"));
  }
  if (interaction.started_at <= 0) {
    return Fail(Error::Invalid("started_at", "started_at is required"));
  }
  if (interaction.ended_at < interaction.started_at) {
    return Fail(Error::Invalid("ended_at", "ended_at must not be before started_at"));
  }
  if (interaction.account_id && !interaction.customer_id) {
    return Fail(Error::Invalid("customer_id", "an account needs its customer"));
  }
  return Ok();
}

}  // namespace lifeline
