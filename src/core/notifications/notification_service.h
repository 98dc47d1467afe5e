// What people do with notifications: read their own inbox and mark it read; staff with
// customer_messages:read list the customer-message outbox (phone masked without
// customers:read_pii, within their data scope); customers:write records a customer's opt-out.
// Design: docs/design/notifications.md.
#pragma once

#include <cstdint>
#include <vector>

#include "core/common/error.h"
#include "core/identity/principal.h"
#include "core/ports/clock.h"
#include "core/ports/store.h"

namespace lifeline {

class NotificationService {
 public:
  NotificationService(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // The caller's own notifications, newest first.
  [[nodiscard]] Result<NotificationPage> Inbox(const Principal& actor, bool unread_only,
                                               std::int64_t offset, std::int64_t limit);
  // Marks the caller's notifications read: these ids, or all when `ids` is empty. Returns how
  // many changed; ids of other people's notifications change nothing.
  [[nodiscard]] Result<std::int64_t> MarkRead(const Principal& actor,
                                              const std::vector<std::int64_t>& ids);

  [[nodiscard]] Result<CustomerMessagePage> Messages(const Principal& actor,
                                                     CustomerMessageFilter filter);
  [[nodiscard]] Status SetOptOut(const Principal& actor, std::int64_t customer_id, bool opted_out);
  [[nodiscard]] Result<bool> OptedOut(const Principal& actor, std::int64_t customer_id);

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace lifeline
