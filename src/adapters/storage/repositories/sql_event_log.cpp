#include "adapters/storage/repositories/sql_event_log.h"

#include "adapters/json/fields_json.h"
#include "adapters/storage/sql_helpers.h"

namespace lifeline::storage {

namespace {

constexpr Query kInsert{"outbox.insert",
                        "INSERT INTO outbox (at, topic, type, subject, data)"
                        " VALUES ($1, $2, $3, $4, $5)"};
constexpr Query kAfter{"outbox.after",
                       "SELECT id, at, topic, type, subject, data FROM outbox"
                       " WHERE id > $1 ORDER BY id LIMIT $2"};
// $3 is ",topic1,topic2,"; the dialects name the substring search differently.
constexpr Query kAfterTopicsSqlite{"outbox.after_topics",
                                   "SELECT id, at, topic, type, subject, data FROM outbox"
                                   " WHERE id > $1 AND instr($3, ',' || topic || ',') > 0"
                                   " ORDER BY id LIMIT $2"};
constexpr Query kAfterTopicsPostgres{"outbox.after_topics",
                                     "SELECT id, at, topic, type, subject, data FROM outbox"
                                     " WHERE id > $1 AND strpos($3, ',' || topic || ',') > 0"
                                     " ORDER BY id LIMIT $2"};
constexpr Query kLatest{"outbox.latest", "SELECT COALESCE(MAX(id), 0) FROM outbox"};

Result<StoredEvent> MapEvent(const Row& row) {
  return StoredEvent{row.Int(0), row.Int(1), row.Str(2), row.Str(3), row.Str(4), row.Str(5)};
}

}  // namespace

Status SqlEventLog::Flush(TimeMs at) {
  for (const DomainEvent& event : pending_) {
    auto inserted = connection_.Exec(
        kInsert, {at, event.topic, event.type, event.subject, json::FieldsToJson(event.data)});
    if (!inserted) return Fail(inserted.error());
  }
  pending_.clear();
  return Ok();
}

Result<std::vector<StoredEvent>> SqlEventLog::ReadAfter(std::int64_t after,
                                                        const std::vector<std::string>& topics,
                                                        int limit) {
  if (topics.empty()) return FetchAll<StoredEvent>(connection_, kAfter, {after, limit}, MapEvent);
  std::string list = ",";
  for (const std::string& topic : topics) list += topic + ",";
  const Query& query =
      connection_.dialect() == Dialect::kSqlite ? kAfterTopicsSqlite : kAfterTopicsPostgres;
  return FetchAll<StoredEvent>(connection_, query, {after, limit, list}, MapEvent);
}

Result<std::int64_t> SqlEventLog::LatestId() {
  return FetchOne<std::int64_t>(
      connection_, kLatest, {}, [](const Row& row) -> Result<std::int64_t> { return row.Int(0); },
      "latest event");
}

}  // namespace lifeline::storage
