// Numbered schema migrations, one folder per dialect, embedded in the binary at build time.
// Applied in order by `lifeline migrate` and at start; each in its own transaction together
// with its row in schema_migrations, so a failed migration leaves nothing half-applied.
#pragma once

#include <string_view>
#include <vector>

#include "adapters/storage/db.h"

namespace lifeline::storage {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

const std::vector<Migration>& SqliteMigrations();
const std::vector<Migration>& PostgresMigrations();

struct MigrationReport {
  int applied = 0;
  int current_version = 0;
};

// Applies every migration newer than the database's version. Several nodes starting together
// on PostgreSQL serialise on an advisory lock.
[[nodiscard]] Result<MigrationReport> Migrate(Db& db);

}  // namespace lifeline::storage
