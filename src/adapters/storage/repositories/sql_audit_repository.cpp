#include "adapters/storage/repositories/sql_audit_repository.h"

#include <algorithm>
#include <utility>

#include "adapters/json/fields_json.h"
#include "adapters/storage/sql_helpers.h"
#include "core/audit/audit_chain.h"

namespace lifeline::storage {

namespace {

#define LIFELINE_AUDIT_COLUMNS                                                     \
  "id, at, actor_user_id, actor, remote_address, action, entity_type, entity_id, " \
  "before_json, after_json, prev_hash, hash"

constexpr Query kHead{"audit.head",
                      "SELECT last_id, last_hash FROM audit_head WHERE singleton = 1"};
constexpr Query kInsert{"audit.insert",
                        "INSERT INTO audit_log (" LIFELINE_AUDIT_COLUMNS
                        ")"
                        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"};
constexpr Query kInsertTwo{"audit.insert_two",
                           "INSERT INTO audit_log (" LIFELINE_AUDIT_COLUMNS
                           ")"
                           " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12),"
                           " ($13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24)"};
// PostgreSQL: staged without the lock, moved into the chain by the sequencer (013_sequencer.sql).
#define LIFELINE_STAGED_COLUMNS                                                \
  "at, actor_user_id, actor, remote_address, action, entity_type, entity_id, " \
  "before_json, after_json"
constexpr Query kStage{"audit.stage", "INSERT INTO audit_pending (" LIFELINE_STAGED_COLUMNS
                                      ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"};
constexpr Query kStageTwo{"audit.stage_two", "INSERT INTO audit_pending (" LIFELINE_STAGED_COLUMNS
                                             ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9),"
                                             " ($10, $11, $12, $13, $14, $15, $16, $17, $18)"};
constexpr Query kTakeStaged{"audit.take_staged",
                            "DELETE FROM audit_pending RETURNING pid, " LIFELINE_STAGED_COLUMNS};
#undef LIFELINE_STAGED_COLUMNS
constexpr Query kMoveHead{"audit.move_head",
                          "UPDATE audit_head SET last_id = $1, last_hash = $2 WHERE singleton = 1"};
constexpr Query kPage{"audit.page", "SELECT " LIFELINE_AUDIT_COLUMNS
                                    " FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2"};
// Optional filters as "parameter is NULL or matches", so one statement serves every search.
constexpr Query kSearch{"audit.search",
                        "SELECT " LIFELINE_AUDIT_COLUMNS
                        " FROM audit_log"
                        " WHERE (CAST($1 AS TEXT) IS NULL OR actor = $1)"
                        " AND (CAST($2 AS TEXT) IS NULL OR substr(action, 1, length($2)) = $2)"
                        " AND (CAST($3 AS TEXT) IS NULL OR entity_type = $3)"
                        " AND (CAST($4 AS TEXT) IS NULL OR entity_id = $4)"
                        " AND (CAST($5 AS BIGINT) IS NULL OR at >= $5)"
                        " AND (CAST($6 AS BIGINT) IS NULL OR at < $6)"
                        " AND (CAST($7 AS BIGINT) IS NULL OR id < $7)"
                        " ORDER BY id DESC LIMIT $8"};

#undef LIFELINE_AUDIT_COLUMNS

constexpr int kPageSize = 1000;
constexpr std::size_t kBulkFrom = 4;  // more records than this go in one COPY

// Columns 1–9: what a record says, before the chain gives it an id and hashes.
void ReadRecordBody(const Row& row, AuditRecord& r) {
  r.at = row.Int(1);
  r.actor_user_id = row.OptInt(2);
  r.actor = row.Str(3);
  r.remote_address = row.Str(4);
  r.action = row.Str(5);
  r.entity_type = row.Str(6);
  r.entity_id = row.Str(7);
  r.before_json = row.Str(8);
  r.after_json = row.Str(9);
}

Result<AuditRecord> MapRecord(const Row& row) {
  AuditRecord r;
  r.id = row.Int(0);
  ReadRecordBody(row, r);
  r.prev_hash = row.Str(10);
  r.hash = row.Str(11);
  return r;
}

}  // namespace

Result<AuditHead> SqlAuditRepository::Head() {
  return FetchOne<AuditHead>(
      connection_, kHead, {},
      [](const Row& row) -> Result<AuditHead> {
        return AuditHead{row.Int(0), row.Str(1)};
      },
      "audit head");
}

Status SqlAuditRepository::Append(const AuditActor& actor, const AuditEntry& entry, TimeMs at) {
  // Held until the store flushes it just before COMMIT (ADR 0002): the chain's lock is then
  // taken for the last statements only, not from the first append to the end of the work.
  AuditRecord record;
  record.at = at;
  record.actor_user_id = actor.user_id;
  record.actor = actor.name;
  record.remote_address = actor.remote_address;
  record.action = entry.action;
  record.entity_type = entry.entity_type;
  record.entity_id = entry.entity_id;
  record.before_json = json::FieldsToJson(entry.before);
  record.after_json = json::FieldsToJson(entry.after);
  pending_.push_back(std::move(record));
  return Ok();
}

Status SqlAuditRepository::Stage() {
  std::size_t i = 0;
  for (; i + 1 < pending_.size(); i += 2) {
    const AuditRecord& a = pending_[i];
    const AuditRecord& b = pending_[i + 1];
    auto staged =
        connection_.Exec(kStageTwo, {a.at, a.actor_user_id, a.actor, a.remote_address, a.action,
                                     a.entity_type, a.entity_id, a.before_json, a.after_json, b.at,
                                     b.actor_user_id, b.actor, b.remote_address, b.action,
                                     b.entity_type, b.entity_id, b.before_json, b.after_json});
    if (!staged) return Fail(staged.error());
  }
  if (i < pending_.size()) {
    const AuditRecord& r = pending_[i];
    auto staged =
        connection_.Exec(kStage, {r.at, r.actor_user_id, r.actor, r.remote_address, r.action,
                                  r.entity_type, r.entity_id, r.before_json, r.after_json});
    if (!staged) return Fail(staged.error());
  }
  pending_.clear();
  return Ok();
}

Result<std::size_t> SqlAuditRepository::TakeStaged() {
  std::vector<std::pair<std::int64_t, AuditRecord>> taken;
  Status read = connection_.Each(kTakeStaged, {}, [&](const Row& row) -> Status {
    AuditRecord r;
    ReadRecordBody(row, r);  // column 0 is the staging id, not the record's
    taken.emplace_back(row.Int(0), std::move(r));
    return Ok();
  });
  if (!read) return Fail(read.error());
  // Staging order: within a write, the order of its appends; between writes, one that committed
  // before another began staged first.
  std::ranges::sort(taken, {}, &std::pair<std::int64_t, AuditRecord>::first);
  for (auto& [pid, record] : taken) pending_.push_back(std::move(record));
  return taken.size();
}

Status SqlAuditRepository::Flush() {
  if (pending_.empty()) return Ok();
  // Under the lock, the head cannot move until this transaction ends: ids stay contiguous and
  // every row links to the one committed before it.
  if (auto s = connection_.LockSequencedWrites(); !s) return s;
  auto head = Head();
  if (!head) return Fail(head.error());
  for (AuditRecord& record : pending_) {
    record.id = ++head->last_id;
    record.prev_hash = std::move(head->last_hash);
    record.hash = AuditRecordHash(digest_, record);
    head->last_hash = record.hash;
  }
  if (auto s = InsertPending(); !s) return s;
  pending_.clear();
  auto moved = connection_.Exec(kMoveHead, {head->last_id, head->last_hash});
  if (!moved) return Fail(moved.error());
  return Ok();
}

// Two rows per statement where there are two: a created order writes two entries (created,
// dispatched by the rule), and each statement is a round trip under the lock on PostgreSQL.
Status SqlAuditRepository::InsertPending() {
  if (pending_.size() > kBulkFrom) return InsertPendingInBulk();
  std::size_t i = 0;
  for (; i + 1 < pending_.size(); i += 2) {
    const AuditRecord& a = pending_[i];
    const AuditRecord& b = pending_[i + 1];
    auto inserted = connection_.Exec(
        kInsertTwo,
        {a.id,          a.at,        a.actor_user_id, a.actor,      a.remote_address, a.action,
         a.entity_type, a.entity_id, a.before_json,   a.after_json, a.prev_hash,      a.hash,
         b.id,          b.at,        b.actor_user_id, b.actor,      b.remote_address, b.action,
         b.entity_type, b.entity_id, b.before_json,   b.after_json, b.prev_hash,      b.hash});
    if (!inserted) return Fail(inserted.error());
  }
  if (i < pending_.size()) {
    const AuditRecord& r = pending_[i];
    auto inserted = connection_.Exec(
        kInsert, {r.id, r.at, r.actor_user_id, r.actor, r.remote_address, r.action, r.entity_type,
                  r.entity_id, r.before_json, r.after_json, r.prev_hash, r.hash});
    if (!inserted) return Fail(inserted.error());
  }
  return Ok();
}

// The sequencer's batches: COPY on PostgreSQL, a few round trips for any number of rows.
Status SqlAuditRepository::InsertPendingInBulk() {
  static constexpr std::string_view kColumns[] = {
      "id",          "at",        "actor_user_id", "actor",      "remote_address", "action",
      "entity_type", "entity_id", "before_json",   "after_json", "prev_hash",      "hash"};
  auto bulk = connection_.StartBulk("audit_log", kColumns);
  if (!bulk) return Fail(bulk.error());
  for (const AuditRecord& r : pending_) {
    if (auto s = (*bulk)->Add({r.id, r.at, r.actor_user_id, r.actor, r.remote_address, r.action,
                               r.entity_type, r.entity_id, r.before_json, r.after_json, r.prev_hash,
                               r.hash});
        !s) {
      return s;
    }
  }
  return (*bulk)->Finish();
}

Result<std::vector<AuditRecord>> SqlAuditRepository::Search(const AuditQuery& q) {
  return FetchAll<AuditRecord>(
      connection_, kSearch,
      {q.actor, q.action_prefix, q.entity_type, q.entity_id, q.from, q.to, q.before_id, q.limit},
      MapRecord);
}

Status SqlAuditRepository::ForEach(FunctionRef<Status(const AuditRecord&)> visit) {
  // Keyset pages: constant memory however long the log, and no long-running cursor.
  std::int64_t after = 0;
  for (;;) {
    auto page = FetchAll<AuditRecord>(connection_, kPage, {after, kPageSize}, MapRecord);
    if (!page) return Fail(page.error());
    for (const AuditRecord& record : *page) {
      if (auto s = visit(record); !s) return s;
    }
    if (static_cast<int>(page->size()) < kPageSize) return Ok();
    after = page->back().id;
  }
}

}  // namespace lifeline::storage
