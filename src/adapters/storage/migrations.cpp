#include "adapters/storage/migrations.h"

#include <algorithm>
#include <chrono>
#include <set>
#include <string>

namespace lifeline::storage {

namespace {

constexpr Query kCreateTable{"migrations.create",
                             "CREATE TABLE IF NOT EXISTS schema_migrations ("
                             " version BIGINT PRIMARY KEY, name TEXT NOT NULL,"
                             " applied_at BIGINT NOT NULL)"};
constexpr Query kApplied{"migrations.applied", "SELECT version FROM schema_migrations"};
constexpr Query kRecord{"migrations.record",
                        "INSERT INTO schema_migrations (version, name, applied_at)"
                        " VALUES ($1, $2, $3)"};

Result<std::set<std::int64_t>> AppliedVersions(Connection& connection) {
  std::set<std::int64_t> versions;
  Status read = connection.Each(kApplied, {}, [&](const Row& row) -> Status {
    versions.insert(row.Int(0));
    return Ok();
  });
  if (!read) return Fail(read.error());
  return versions;
}

Status Apply(Connection& connection, const Migration& migration, std::int64_t now_ms) {
  if (auto s = connection.Begin(); !s) return s;
  Status applied = [&]() -> Status {
    if (auto s = connection.ExecScript(migration.sql); !s) {
      return Fail(Error::Internal("migration " + std::string(migration.name) +
                                  " failed: " + s.error().message));
    }
    auto recorded = connection.Exec(kRecord, {migration.version, migration.name, now_ms});
    if (!recorded) return Fail(recorded.error());
    return connection.Commit();
  }();
  if (!applied) (void)connection.Rollback();
  return applied;
}

}  // namespace

Result<MigrationReport> Migrate(Db& db) {
  auto connection = db.Acquire(Access::kWrite);
  if (!connection) return Fail(connection.error());
  Connection& conn = **connection;
  if (conn.dialect() == Dialect::kPostgres) {
    // Session-level: held across the per-migration transactions below.
    if (auto s = conn.ExecScript("SELECT pg_advisory_lock(4242424242)"); !s) return Fail(s.error());
  }
  auto unlock = [&] {
    if (conn.dialect() == Dialect::kPostgres) {
      (void)conn.ExecScript("SELECT pg_advisory_unlock(4242424242)");
    }
  };
  MigrationReport report;
  Status run = [&]() -> Status {
    if (auto created = conn.Exec(kCreateTable); !created) return Fail(created.error());
    auto applied = AppliedVersions(conn);
    if (!applied) return Fail(applied.error());
    report.current_version = applied->empty() ? 0 : static_cast<int>(*applied->rbegin());
    const auto& migrations =
        conn.dialect() == Dialect::kSqlite ? SqliteMigrations() : PostgresMigrations();
    const std::int64_t now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                    std::chrono::system_clock::now().time_since_epoch())
                                    .count();
    // Every migration not yet applied, in order, even below the highest applied one: two
    // branches of work may number theirs out of order, and a database that took the later one
    // first must still get the earlier.
    for (const Migration& migration : migrations) {
      if (applied->contains(migration.version)) continue;
      if (auto s = Apply(conn, migration, now_ms); !s) return s;
      report.current_version = std::max(report.current_version, migration.version);
      ++report.applied;
    }
    return Ok();
  }();
  unlock();
  if (!run) return Fail(run.error());
  return report;
}

}  // namespace lifeline::storage
