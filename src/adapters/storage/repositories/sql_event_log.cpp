#include "adapters/storage/repositories/sql_event_log.h"

#include "adapters/json/fields_json.h"
#include "adapters/storage/sql_helpers.h"

namespace lifeline::storage {

namespace {

constexpr Query kInsert{"outbox.insert",
                        "INSERT INTO outbox (at, topic, type, subject, data)"
                        " VALUES ($1, $2, $3, $4, $5)"};
constexpr Query kInsertTwo{"outbox.insert_two",
                           "INSERT INTO outbox (at, topic, type, subject, data)"
                           " VALUES ($1, $2, $3, $4, $5), ($1, $6, $7, $8, $9)"};
// PostgreSQL: staged without the lock, moved into the outbox by the sequencer
// (013_sequencer.sql). The ids continue the outbox's in staging order; the identity sequence
// is moved past them for writers that insert into the outbox directly.
constexpr Query kStage{"outbox.stage",
                       "INSERT INTO outbox_pending (at, topic, type, subject, data)"
                       " VALUES ($1, $2, $3, $4, $5)"};
constexpr Query kStageTwo{"outbox.stage_two",
                          "INSERT INTO outbox_pending (at, topic, type, subject, data)"
                          " VALUES ($1, $2, $3, $4, $5), ($1, $6, $7, $8, $9)"};
constexpr Query kSequenceStaged{
    "outbox.sequence_staged",
    "WITH moved AS (DELETE FROM outbox_pending RETURNING pid, at, topic, type, subject, data),"
    " last AS (SELECT COALESCE(MAX(id), 0) AS id FROM outbox)"
    " INSERT INTO outbox (id, at, topic, type, subject, data)"
    " SELECT last.id + row_number() OVER (ORDER BY moved.pid), moved.at, moved.topic,"
    " moved.type, moved.subject, moved.data FROM moved, last"};
constexpr Query kMoveIdentity{
    "outbox.move_identity",
    "SELECT setval(pg_get_serial_sequence('outbox', 'id'), MAX(id)) FROM outbox"};
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

// Two events per statement where there are two (a created order emits two: created, dispatched
// by the rule): on PostgreSQL each statement is a round trip under the sequencing lock. Rows of
// one INSERT take their ids in the order of the VALUES list.
Status SqlEventLog::Flush(TimeMs at) {
  return WritePending(at, kInsert, kInsertTwo);
}

Status SqlEventLog::Stage(TimeMs at) {
  return WritePending(at, kStage, kStageTwo);
}

Status SqlEventLog::WritePending(TimeMs at, const Query& one, const Query& two) {
  std::size_t i = 0;
  for (; i + 1 < pending_.size(); i += 2) {
    const DomainEvent& a = pending_[i];
    const DomainEvent& b = pending_[i + 1];
    const std::string a_data = json::FieldsToJson(a.data);
    const std::string b_data = json::FieldsToJson(b.data);
    auto written = connection_.Exec(
        two, {at, a.topic, a.type, a.subject, a_data, b.topic, b.type, b.subject, b_data});
    if (!written) return Fail(written.error());
  }
  if (i < pending_.size()) {
    const DomainEvent& e = pending_[i];
    auto written =
        connection_.Exec(one, {at, e.topic, e.type, e.subject, json::FieldsToJson(e.data)});
    if (!written) return Fail(written.error());
  }
  pending_.clear();
  return Ok();
}

Result<std::int64_t> SqlEventLog::SequenceStaged() {
  auto moved = connection_.Exec(kSequenceStaged);
  if (!moved) return Fail(moved.error());
  if (*moved == 0) return std::int64_t{0};
  if (auto s = connection_.Each(kMoveIdentity, {}, [](const Row&) { return Ok(); }); !s) {
    return Fail(s.error());
  }
  return *moved;
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
