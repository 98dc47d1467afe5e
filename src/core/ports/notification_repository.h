// Storage of the staff inbox, the customer-message outbox, the opt-outs and the consumer's
// durable cursor. Plain storage: who gets what is decided by notification_rules, when to send by
// MessageSender (docs/design/notifications.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/common/error.h"
#include "core/notifications/customer_message.h"
#include "core/notifications/notification.h"

namespace lifeline {

struct NotificationPage {
  std::vector<StaffNotification> items;  // newest first
  std::int64_t total = 0;                // matching the filter
  std::int64_t unread = 0;               // the user's unread, whatever the filter
};

class NotificationRepository {
 public:
  virtual ~NotificationRepository() = default;
  // The new id, or nullopt when (event_id, user_id, kind) is already stored: a replayed event
  // notifies nobody twice.
  virtual Result<std::optional<std::int64_t>> Insert(const StaffNotification& notification) = 0;
  virtual Result<NotificationPage> Inbox(std::int64_t user_id, bool unread_only,
                                         std::int64_t offset, std::int64_t limit) = 0;
  // Marks the user's unread notifications with these ids (all of them when `ids` is empty)
  // read at `at`; returns how many changed. Other users' ids are left alone.
  virtual Result<std::int64_t> MarkRead(std::int64_t user_id, const std::vector<std::int64_t>& ids,
                                        TimeMs at) = 0;

  // The consumer's position in the outbox. Lock reads it and holds the row until the
  // transaction ends, so two nodes never derive from the same events at once.
  virtual Result<std::int64_t> LockCursor(std::string_view name) = 0;
  virtual Status SaveCursor(std::string_view name, std::int64_t position, TimeMs at) = 0;
};

struct CustomerMessageFilter {
  std::optional<std::int64_t> order_id{};
  std::optional<std::int64_t> customer_id{};
  std::optional<MessageState> state{};
  std::int64_t offset = 0;
  std::int64_t limit = 50;
};

struct CustomerMessagePage {
  std::vector<CustomerMessage> items;  // newest first
  std::int64_t total = 0;
};

class CustomerMessageRepository {
 public:
  virtual ~CustomerMessageRepository() = default;
  // The new id, or nullopt when the idempotency key is already stored.
  virtual Result<std::optional<std::int64_t>> Insert(const CustomerMessage& message) = 0;
  virtual Result<CustomerMessage> FindById(std::int64_t id) = 0;
  // Messages queued or sent to the same recipient (same channel) created at or after `since`.
  virtual Result<std::int64_t> CountRecent(MessageChannelKind channel, std::string_view recipient,
                                           TimeMs since) = 0;
  // Queued messages due at `now` that no one holds; each returned one is held until
  // `hold_until`, so a second sender (another node) skips it.
  virtual Result<std::vector<CustomerMessage>> ClaimDue(TimeMs now, TimeMs hold_until,
                                                        std::int64_t limit) = 0;
  // Writes state, attempts, last_error, provider_ref, next_attempt_at and sent_at, and releases
  // the hold.
  virtual Status SaveOutcome(const CustomerMessage& message) = 0;
  virtual Result<CustomerMessagePage> List(const CustomerMessageFilter& filter) = 0;

  virtual Result<bool> OptedOut(std::int64_t customer_id) = 0;
  virtual Status SetOptOut(std::int64_t customer_id, bool opted_out, std::int64_t by,
                           TimeMs at) = 0;
};

}  // namespace lifeline
