// The embedded SQLite backend: one writer connection (SQLite allows one writer at a time, so
// writers queue in the pool rather than fail with SQLITE_BUSY) and a pool of readers, in WAL
// mode so readers never block the writer.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "adapters/storage/db.h"

namespace lifeline::storage {

enum class SqliteSync { kNormal, kFull };

struct SqliteOptions {
  std::string path;
  int readers = 4;
  std::chrono::milliseconds busy_timeout{5000};
  std::chrono::milliseconds pool_wait{10000};
  // NORMAL survives a process crash without loss; FULL also survives power loss, at the cost
  // of an fsync per commit.
  SqliteSync synchronous = SqliteSync::kNormal;
  int cache_mib = 64;
};

[[nodiscard]] Result<std::unique_ptr<Db>> OpenSqlite(const SqliteOptions& options);

}  // namespace lifeline::storage
