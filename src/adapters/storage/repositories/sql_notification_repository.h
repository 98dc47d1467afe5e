// The staff inbox and the notification consumer's cursor over SQL.
#pragma once

#include "adapters/storage/db.h"
#include "core/ports/notification_repository.h"

namespace lifeline::storage {

class SqlNotificationRepository final : public NotificationRepository {
 public:
  explicit SqlNotificationRepository(Connection& connection) : connection_(connection) {}

  Result<std::optional<std::int64_t>> Insert(const StaffNotification& notification) override;
  Result<NotificationPage> Inbox(std::int64_t user_id, bool unread_only, std::int64_t offset,
                                 std::int64_t limit) override;
  Result<std::int64_t> MarkRead(std::int64_t user_id, const std::vector<std::int64_t>& ids,
                                TimeMs at) override;
  Result<std::int64_t> LockCursor(std::string_view name) override;
  Status SaveCursor(std::string_view name, std::int64_t position, TimeMs at) override;

 private:
  Connection& connection_;
};

}  // namespace lifeline::storage
