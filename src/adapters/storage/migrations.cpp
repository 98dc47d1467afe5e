#include "adapters/storage/migrations.h"

#include <chrono>
#include <string>

namespace lifeline::storage {

namespace {

constexpr Query kCreateTable{"migrations.create",
                             "CREATE TABLE IF NOT EXISTS schema_migrations ("
                             " version BIGINT PRIMARY KEY, name TEXT NOT NULL,"
                             " applied_at BIGINT NOT NULL)"};
constexpr Query kCurrentVersion{"migrations.current",
                                "SELECT COALESCE(MAX(version), 0) FROM schema_migrations"};
constexpr Query kRecord{"migrations.record",
                        "INSERT INTO schema_migrations (version, name, applied_at)"
                        " VALUES ($1, $2, $3)"};

Result<int> CurrentVersion(Connection& connection) {
  int version = 0;
  Status read = connection.Each(kCurrentVersion, {}, [&](const Row& row) -> Status {
    version = static_cast<int>(row.Int(0));
    return Ok();
  });
  if (!read) return Fail(read.error());
  return version;
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
    auto version = CurrentVersion(conn);
    if (!version) return Fail(version.error());
    report.current_version = *version;
    const auto& migrations =
        conn.dialect() == Dialect::kSqlite ? SqliteMigrations() : PostgresMigrations();
    const std::int64_t now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                    std::chrono::system_clock::now().time_since_epoch())
                                    .count();
    for (const Migration& migration : migrations) {
      if (migration.version <= report.current_version) continue;
      if (auto s = Apply(conn, migration, now_ms); !s) return s;
      report.current_version = migration.version;
      ++report.applied;
    }
    return Ok();
  }();
  unlock();
  if (!run) return Fail(run.error());
  return report;
}

}  // namespace lifeline::storage
