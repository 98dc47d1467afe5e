#include "adapters/storage/repositories/sql_notification_repository.h"

#include "adapters/json/fields_json.h"
#include "adapters/storage/sql_helpers.h"

namespace lifeline::storage {

namespace {

// A replayed event (same event, recipient and kind) inserts nothing and returns no row.
constexpr Query kInsert{"notifications.insert",
                        "INSERT INTO notifications (user_id, kind, order_id, params, event_id,"
                        " created_at) VALUES ($1, $2, $3, $4, $5, $6)"
                        " ON CONFLICT (event_id, user_id, kind) DO NOTHING RETURNING id"};
constexpr Query kInbox{"notifications.inbox",
                       "SELECT id, user_id, kind, order_id, params, event_id, created_at, read_at"
                       " FROM notifications WHERE user_id = $1 AND ($2 = 0 OR read_at IS NULL)"
                       " ORDER BY id DESC LIMIT $3 OFFSET $4"};
constexpr Query kCount{"notifications.count",
                       "SELECT COUNT(*) FROM notifications"
                       " WHERE user_id = $1 AND ($2 = 0 OR read_at IS NULL)"};
constexpr Query kReadAll{"notifications.read_all",
                         "UPDATE notifications SET read_at = $2"
                         " WHERE user_id = $1 AND read_at IS NULL"};
constexpr Query kReadOne{"notifications.read_one",
                         "UPDATE notifications SET read_at = $2"
                         " WHERE user_id = $1 AND id = $3 AND read_at IS NULL"};
constexpr Query kEnsureCursor{"notification_cursors.ensure",
                              "INSERT INTO notification_cursors (name, position, updated_at)"
                              " VALUES ($1, 0, 0) ON CONFLICT (name) DO NOTHING"};
// SQLite's BEGIN IMMEDIATE already holds the only write lock; PostgreSQL locks the row.
constexpr Query kCursorSqlite{"notification_cursors.lock",
                              "SELECT position FROM notification_cursors WHERE name = $1"};
constexpr Query kCursorPostgres{"notification_cursors.lock",
                                "SELECT position FROM notification_cursors WHERE name = $1"
                                " FOR UPDATE"};
constexpr Query kSaveCursor{"notification_cursors.save",
                            "UPDATE notification_cursors SET position = $2, updated_at = $3"
                            " WHERE name = $1"};

Result<StaffNotification> Map(const Row& row) {
  StaffNotification n;
  n.id = row.Int(0);
  n.user_id = row.Int(1);
  auto kind = ParseNotificationKind(row.Text(2));
  if (!kind) return Fail(UnknownCode("notification kind", row.Text(2)));
  n.kind = *kind;
  n.order_id = row.OptInt(3);
  auto params = json::FieldsFromJson(row.Text(4));
  if (!params) return Fail(params.error());
  n.params = std::move(*params);
  n.event_id = row.Int(5);
  n.created_at = row.Int(6);
  n.read_at = row.OptInt(7);
  return n;
}

Result<std::int64_t> Count(Connection& connection, std::int64_t user_id, bool unread_only) {
  return FetchOne<std::int64_t>(
      connection, kCount, {user_id, unread_only},
      [](const Row& row) -> Result<std::int64_t> { return row.Int(0); }, "count");
}

}  // namespace

Result<std::optional<std::int64_t>> SqlNotificationRepository::Insert(const StaffNotification& n) {
  auto id = InsertReturningId(connection_, kInsert,
                              {n.user_id, NotificationKindCode(n.kind), n.order_id,
                               json::FieldsToJson(n.params), n.event_id, n.created_at});
  if (!id) return Fail(id.error());
  if (*id == 0) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(*id);
}

Result<NotificationPage> SqlNotificationRepository::Inbox(std::int64_t user_id, bool unread_only,
                                                          std::int64_t offset, std::int64_t limit) {
  NotificationPage page;
  auto items =
      FetchAll<StaffNotification>(connection_, kInbox, {user_id, unread_only, limit, offset}, Map);
  if (!items) return Fail(items.error());
  page.items = std::move(*items);
  auto total = Count(connection_, user_id, unread_only);
  if (!total) return Fail(total.error());
  page.total = *total;
  auto unread = unread_only ? total : Count(connection_, user_id, true);
  if (!unread) return Fail(unread.error());
  page.unread = *unread;
  return page;
}

Result<std::int64_t> SqlNotificationRepository::MarkRead(std::int64_t user_id,
                                                         const std::vector<std::int64_t>& ids,
                                                         TimeMs at) {
  if (ids.empty()) return connection_.Exec(kReadAll, {user_id, at});
  std::int64_t changed = 0;
  for (std::int64_t id : ids) {
    auto one = connection_.Exec(kReadOne, {user_id, at, id});
    if (!one) return Fail(one.error());
    changed += *one;
  }
  return changed;
}

Result<std::int64_t> SqlNotificationRepository::LockCursor(std::string_view name) {
  if (auto ensured = connection_.Exec(kEnsureCursor, {name}); !ensured) {
    return Fail(ensured.error());
  }
  const Query& query = connection_.dialect() == Dialect::kSqlite ? kCursorSqlite : kCursorPostgres;
  return FetchOne<std::int64_t>(
      connection_, query, {name}, [](const Row& row) -> Result<std::int64_t> { return row.Int(0); },
      "notification cursor");
}

Status SqlNotificationRepository::SaveCursor(std::string_view name, std::int64_t position,
                                             TimeMs at) {
  auto saved = connection_.Exec(kSaveCursor, {name, position, at});
  if (!saved) return Fail(saved.error());
  return Ok();
}

}  // namespace lifeline::storage
