#include "adapters/storage/sqlite/sqlite_db.h"

#include <mutex>
#include <string>

#include "adapters/storage/connection_pool.h"
#include "adapters/storage/sqlite/sqlite_connection.h"

namespace lifeline::storage {

namespace {

Result<std::unique_ptr<Connection>> OpenConnection(const SqliteOptions& options, bool writer) {
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(options.path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string message = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close_v2(db);
    return Fail(Error::Unavailable("cannot open " + options.path + ": " + message));
  }
  auto connection = std::make_unique<SqliteConnection>(db);
  sqlite3_busy_timeout(db, static_cast<int>(options.busy_timeout.count()));
  std::string pragmas = "PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;";
  pragmas += "PRAGMA cache_size = -" + std::to_string(options.cache_mib * 1024) + ";";
  if (writer) {
    pragmas += "PRAGMA journal_mode = WAL;";
    pragmas += options.synchronous == SqliteSync::kFull ? "PRAGMA synchronous = FULL;"
                                                        : "PRAGMA synchronous = NORMAL;";
  } else {
    // No mmap: measured slower under a stream of writes (docs/design/storage.md).
    pragmas += "PRAGMA query_only = ON;";
  }
  if (auto s = connection->ExecScript(pragmas); !s) return Fail(s.error());
  return std::unique_ptr<Connection>(std::move(connection));
}

class SqliteDb final : public Db {
 public:
  explicit SqliteDb(const SqliteOptions& options)
      : options_(options),
        writer_([this] { return OpenConnection(options_, true); }, 1, options.pool_wait),
        readers_([this] { return OpenConnection(options_, false); }, options.readers,
                 options.pool_wait) {}

  ~SqliteDb() override {
    readers_.CloseIdle();
    writer_.CloseIdle();
  }

  Dialect dialect() const override { return Dialect::kSqlite; }

  Result<PooledConnection> Acquire(Access access) override {
    return access == Access::kWrite ? writer_.Acquire() : readers_.Acquire();
  }

  PoolStats Stats(Access access) const override {
    return access == Access::kWrite ? writer_.Stats() : readers_.Stats();
  }

 private:
  SqliteOptions options_;
  ConnectionPool writer_;
  ConnectionPool readers_;
};

}  // namespace

Result<std::unique_ptr<Db>> OpenSqlite(const SqliteOptions& options) {
  // SQLite counts every allocation under one process-wide mutex unless told not to; with a
  // dozen connections busy at once that mutex was a hot spot. Only possible before SQLite
  // initialises, which the first open does (later calls fail harmlessly).
  static std::once_flag without_memory_statistics;
  std::call_once(without_memory_statistics, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
  auto db = std::make_unique<SqliteDb>(options);
  // Open the writer first: it creates the file and switches it to WAL before any reader opens.
  auto writer = db->Acquire(Access::kWrite);
  if (!writer) return Fail(writer.error());
  return std::unique_ptr<Db>(std::move(db));
}

}  // namespace lifeline::storage
