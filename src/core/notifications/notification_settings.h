// Settings of the notifier, validated by the configuration loader (notify.* keys).
#pragma once

#include "core/common/time.h"
#include "core/notifications/customer_message.h"

namespace lifeline {

struct NotificationSettings {
  // At most this many customer messages per recipient (phone) per channel in any 24 hours;
  // the rest are suppressed as throttled. 0: no customer messages at all.
  int daily_limit_per_recipient = 5;
  MessageChannelKind default_channel = MessageChannelKind::kSms;
  int max_attempts = 5;                 // then the message is failed
  TimeMs retry_delay = 30 * kSecondMs;  // doubled after every failed attempt
  TimeMs hold = 2 * kMinuteMs;          // how long a claimed message is another sender's no-go
  int batch = 200;                      // events per consumer transaction
};

}  // namespace lifeline
