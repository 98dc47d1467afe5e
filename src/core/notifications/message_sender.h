// Drains the customer-message outbox through the channels: claim due messages (held for a
// while so another node skips them), send each outside any transaction, record the outcome.
// A failure is retried with a doubling delay up to max_attempts, then the message is failed;
// a channel that says the message can never go (kInvalidArgument) fails it at once.
// Sending is at-least-once: a crash after the channel accepted and before the outcome is
// recorded sends it again when the hold runs out, with the same idempotency key. The outcomes
// of one batch are recorded together, in one transaction, after the batch is sent.
#pragma once

#include <array>
#include <vector>

#include "core/common/error.h"
#include "core/notifications/notification_settings.h"
#include "core/ports/clock.h"
#include "core/ports/message_channel.h"
#include "core/ports/store.h"

namespace lifeline {

// A channel adapter per channel kind; a missing one fails its messages ("no channel").
using MessageChannels = std::array<MessageChannel*, kAllMessageChannels.size()>;

class MessageSender {
 public:
  MessageSender(Store& store, const Clock& clock, MessageChannels channels,
                NotificationSettings settings)
      : store_(store), clock_(clock), channels_(channels), settings_(settings) {}

  // Sends up to `limit` due messages; returns how many it tried.
  [[nodiscard]] Result<int> SendDue(int limit = 20);

 private:
  Status Record(const std::vector<CustomerMessage>& tried, const std::vector<TimeMs>& tried_at);

  Store& store_;
  const Clock& clock_;
  MessageChannels channels_;
  NotificationSettings settings_;
};

}  // namespace lifeline
