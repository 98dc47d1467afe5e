// Turns committed work-order events into staff notifications and customer messages.
//
// It tails the outbox from a durable cursor. One batch is one transaction: lock the cursor
// row, read the events after it, derive and insert the rows (each with an idempotency key),
// emit `notification.created` / `customer_message.*` events, move the cursor. A crash before
// COMMIT leaves the cursor where it was and nothing written, so the batch is simply derived
// again; the keys make a replay (or a second node racing on the same events) a no-op. Hence:
// never lost, never twice. Design: docs/design/notifications.md.
#pragma once

#include <string_view>

#include "core/common/error.h"
#include "core/notifications/notification_rules.h"
#include "core/notifications/notification_settings.h"
#include "core/ports/clock.h"
#include "core/ports/fields_decoder.h"
#include "core/ports/store.h"

namespace lifeline {

class NotificationConsumer {
 public:
  static constexpr std::string_view kCursor = "notifications";

  NotificationConsumer(Store& store, const Clock& clock, const FieldsDecoder& decoder,
                       NotificationSettings settings)
      : store_(store), clock_(clock), decoder_(decoder), settings_(settings) {}

  // Derives from the next batch of events; returns how many events it examined (0: caught up).
  [[nodiscard]] Result<int> ProcessBatch();

 private:
  Status Derive(StoreSession& session, const StoredEvent& event,
                std::optional<StaffDirectory>& staff, TimeMs now) const;
  Status Deliver(StoreSession& session, StaffNotification notification) const;
  Status Enqueue(StoreSession& session, CustomerMessage message, TimeMs now) const;

  Store& store_;
  const Clock& clock_;
  const FieldsDecoder& decoder_;
  NotificationSettings settings_;
};

}  // namespace lifeline
