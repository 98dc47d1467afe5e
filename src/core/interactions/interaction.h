// One contact with a customer, by any channel: docs/design/interactions.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.h"
#include "core/common/time.h"
#include "core/workorders/work_order.h"

namespace lifeline {

enum class Channel { kPhone, kChat, kSms, kWechat, kEmail, kHotline12345, kPortal, kWalkIn };
enum class Direction { kInbound, kOutbound };

std::string_view ChannelCode(Channel channel);
std::optional<Channel> ParseChannel(std::string_view code);
std::string_view DirectionCode(Direction direction);
std::optional<Direction> ParseDirection(std::string_view code);

// A work order the contact created (work_orders.interaction_id).
struct LinkedWorkOrder {
  std::int64_t id = 0;
  std::int64_t interaction_id = 0;
  TimeMs created_at = 0;
  WorkOrderState state = WorkOrderState::kAccepted;
};

struct Interaction {
  std::int64_t id = 0;
  Channel channel = Channel::kPhone;
  Direction direction = Direction::kInbound;
  std::optional<std::int64_t> customer_id{};
  std::optional<std::int64_t> account_id{};
  std::string contact;  // phone number or address it came from; may be empty
  std::optional<std::int64_t> agent_id{};
  std::string agent_name;  // filled in by reads
  std::string summary;
  TimeMs started_at = 0;
  TimeMs ended_at = 0;
  TimeMs created_at = 0;
  std::vector<LinkedWorkOrder> work_orders{};  // filled in by the timeline and the detail
};

// Shape checks that need no database.
Status ValidateInteraction(const Interaction& interaction);

}  // namespace lifeline
