#include "adapters/storage/repositories/sql_audit_repository.h"

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

Result<AuditRecord> MapRecord(const Row& row) {
  AuditRecord r;
  r.id = row.Int(0);
  r.at = row.Int(1);
  r.actor_user_id = row.OptInt(2);
  r.actor = row.Str(3);
  r.remote_address = row.Str(4);
  r.action = row.Str(5);
  r.entity_type = row.Str(6);
  r.entity_id = row.Str(7);
  r.before_json = row.Str(8);
  r.after_json = row.Str(9);
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
  // Under the lock, the head cannot move until this transaction ends: ids stay contiguous and
  // every row links to the one committed before it.
  if (auto s = connection_.LockSequencedWrites(); !s) return s;
  auto head = Head();
  if (!head) return Fail(head.error());
  AuditRecord record;
  record.id = head->last_id + 1;
  record.at = at;
  record.actor_user_id = actor.user_id;
  record.actor = actor.name;
  record.remote_address = actor.remote_address;
  record.action = entry.action;
  record.entity_type = entry.entity_type;
  record.entity_id = entry.entity_id;
  record.before_json = json::FieldsToJson(entry.before);
  record.after_json = json::FieldsToJson(entry.after);
  record.prev_hash = head->last_hash;
  record.hash = AuditRecordHash(digest_, record);
  auto inserted = connection_.Exec(
      kInsert, {record.id, record.at, record.actor_user_id, record.actor, record.remote_address,
                record.action, record.entity_type, record.entity_id, record.before_json,
                record.after_json, record.prev_hash, record.hash});
  if (!inserted) return Fail(inserted.error());
  auto moved = connection_.Exec(kMoveHead, {record.id, record.hash});
  if (!moved) return Fail(moved.error());
  return Ok();
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
