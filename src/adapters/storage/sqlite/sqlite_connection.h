// One SQLite connection with its cache of prepared statements. Used by one thread at a time
// (the pool guarantees it), so it is opened without SQLite's own mutexes.
#pragma once

#include <sqlite3.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "adapters/storage/db.h"

namespace lifeline::storage {

class SqliteConnection final : public Connection {
 public:
  // Takes ownership of `db`.
  explicit SqliteConnection(sqlite3* db);
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Dialect dialect() const override { return Dialect::kSqlite; }
  Result<std::int64_t> Run(const Query& query, std::span<const SqlArg> args,
                           const RowVisitor* on_row) override;
  Status ExecScript(std::string_view sql) override;
  Status Begin() override;
  Status Commit() override;
  Status Rollback() override;
  Status LockSequencedWrites() override { return Ok(); }
  Status NotifyOnCommit(std::string_view) override { return Ok(); }
  Result<std::unique_ptr<BulkLoader>> StartBulk(std::string_view table,
                                                std::span<const std::string_view> columns) override;
  bool healthy() const override { return true; }
  bool in_transaction() const override { return sqlite3_get_autocommit(db_) == 0; }

  // A statement with its placeholders resolved: `slots[i]` is the SQLite parameter index of
  // argument i ($i+1), or 0 if the statement does not use it.
  struct Prepared {
    sqlite3_stmt* statement = nullptr;
    std::vector<int> slots;
  };

  Result<Prepared> Prepare(std::string_view sql);
  Result<std::int64_t> Step(const Prepared& prepared, std::span<const SqlArg> args,
                            const RowVisitor* on_row);
  Error LastError(std::string_view what) const;

 private:
  Result<const Prepared*> Cached(const Query& query);

  sqlite3* db_;
  std::unordered_map<std::string, Prepared> statements_;
};

}  // namespace lifeline::storage
