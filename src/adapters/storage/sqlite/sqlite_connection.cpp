#include "adapters/storage/sqlite/sqlite_connection.h"

#include <charconv>
#include <string>

namespace lifeline::storage {

namespace {

class SqliteRow final : public Row {
 public:
  explicit SqliteRow(sqlite3_stmt* statement) : statement_(statement) {}

  bool IsNull(int column) const override {
    return sqlite3_column_type(statement_, column) == SQLITE_NULL;
  }
  std::int64_t Int(int column) const override { return sqlite3_column_int64(statement_, column); }
  double Real(int column) const override { return sqlite3_column_double(statement_, column); }
  std::string_view Text(int column) const override {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
    if (text == nullptr) return {};
    return {text, static_cast<std::size_t>(sqlite3_column_bytes(statement_, column))};
  }
  std::string Blob(int column) const override {
    const auto* data = static_cast<const char*>(sqlite3_column_blob(statement_, column));
    if (data == nullptr) return {};
    return {data, static_cast<std::size_t>(sqlite3_column_bytes(statement_, column))};
  }

 private:
  sqlite3_stmt* statement_;
};

int Bind(sqlite3_stmt* statement, int slot, const SqlArg& arg) {
  switch (arg.kind()) {
    case SqlArg::Kind::kNull:
      return sqlite3_bind_null(statement, slot);
    case SqlArg::Kind::kInt:
      return sqlite3_bind_int64(statement, slot, arg.as_int());
    case SqlArg::Kind::kReal:
      return sqlite3_bind_double(statement, slot, arg.as_real());
    case SqlArg::Kind::kText:
      return sqlite3_bind_text64(statement, slot, arg.as_text().data(), arg.as_text().size(),
                                 SQLITE_STATIC, SQLITE_UTF8);
    case SqlArg::Kind::kBlob:
      return sqlite3_bind_blob64(statement, slot, arg.as_text().data(), arg.as_text().size(),
                                 SQLITE_STATIC);
  }
  return SQLITE_MISUSE;
}

class SqliteBulkLoader final : public BulkLoader {
 public:
  SqliteBulkLoader(SqliteConnection& connection, SqliteConnection::Prepared prepared)
      : connection_(connection), prepared_(std::move(prepared)) {}
  ~SqliteBulkLoader() override { sqlite3_finalize(prepared_.statement); }
  SqliteBulkLoader(const SqliteBulkLoader&) = delete;
  SqliteBulkLoader& operator=(const SqliteBulkLoader&) = delete;

  Status Add(std::span<const SqlArg> row) override {
    auto stepped = connection_.Step(prepared_, row, nullptr);
    if (!stepped) return Fail(stepped.error());
    return Ok();
  }
  Status Finish() override { return Ok(); }

 private:
  SqliteConnection& connection_;
  SqliteConnection::Prepared prepared_;
};

}  // namespace

SqliteConnection::SqliteConnection(sqlite3* db) : db_(db) {}

SqliteConnection::~SqliteConnection() {
  for (auto& [name, prepared] : statements_) sqlite3_finalize(prepared.statement);
  sqlite3_close_v2(db_);
}

Error SqliteConnection::LastError(std::string_view what) const {
  const int code = sqlite3_extended_errcode(db_);
  std::string message = std::string(what) + ": " + sqlite3_errmsg(db_);
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Error::Unavailable("database is busy: " + message);
    case SQLITE_FULL:
      return Error::Unavailable("disk full: " + message);
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
      return Error::Unavailable("storage unavailable: " + message);
    case SQLITE_CONSTRAINT:
      if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY) {
        return Error::Conflict("already exists: " + message);
      }
      if (code == SQLITE_CONSTRAINT_FOREIGNKEY) {
        return Error::Conflict("refers to a record that does not exist: " + message);
      }
      return Error::Conflict(message);
    default:
      return Error::Internal(message);
  }
}

Result<SqliteConnection::Prepared> SqliteConnection::Prepare(std::string_view sql) {
  Prepared prepared;
  if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                         &prepared.statement, nullptr) != SQLITE_OK) {
    return Fail(LastError("prepare"));
  }
  const int count = sqlite3_bind_parameter_count(prepared.statement);
  for (int slot = 1; slot <= count; ++slot) {
    // Placeholders are written $1, $2 … as in PostgreSQL; SQLite numbers them in order of first
    // appearance, so map each back to its argument position.
    const char* name = sqlite3_bind_parameter_name(prepared.statement, slot);
    int position = 0;
    if (name == nullptr || name[0] != '$' ||
        std::from_chars(name + 1, name + std::char_traits<char>::length(name), position).ec !=
            std::errc{} ||
        position < 1) {
      sqlite3_finalize(prepared.statement);
      return Fail(Error::Internal("placeholders must be written $1, $2 …: " + std::string(sql)));
    }
    if (static_cast<int>(prepared.slots.size()) < position) prepared.slots.resize(position, 0);
    prepared.slots[static_cast<std::size_t>(position - 1)] = slot;
  }
  return prepared;
}

Result<const SqliteConnection::Prepared*> SqliteConnection::Cached(const Query& query) {
  auto it = statements_.find(std::string(query.name));
  if (it == statements_.end()) {
    auto prepared = Prepare(query.sql);
    if (!prepared) return Fail(prepared.error());
    it = statements_.emplace(std::string(query.name), std::move(*prepared)).first;
  }
  return &it->second;
}

Result<std::int64_t> SqliteConnection::Step(const Prepared& prepared, std::span<const SqlArg> args,
                                            const RowVisitor* on_row) {
  sqlite3_stmt* statement = prepared.statement;
  sqlite3_reset(statement);
  sqlite3_clear_bindings(statement);
  if (args.size() < prepared.slots.size()) {
    return Fail(Error::Internal("statement needs " + std::to_string(prepared.slots.size()) +
                                " arguments, got " + std::to_string(args.size())));
  }
  for (std::size_t i = 0; i < prepared.slots.size(); ++i) {
    if (prepared.slots[i] != 0 && Bind(statement, prepared.slots[i], args[i]) != SQLITE_OK) {
      return Fail(LastError("bind"));
    }
  }
  SqliteRow row(statement);
  for (;;) {
    const int rc = sqlite3_step(statement);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) {
      Error error = LastError("step");
      sqlite3_reset(statement);
      return Fail(std::move(error));
    }
    if (on_row != nullptr) {
      if (auto visited = (*on_row)(row); !visited) {
        sqlite3_reset(statement);
        return Fail(visited.error());
      }
    }
  }
  const std::int64_t changed = sqlite3_changes64(db_);
  sqlite3_reset(statement);  // releases the read snapshot at once
  return changed;
}

Result<std::int64_t> SqliteConnection::Run(const Query& query, std::span<const SqlArg> args,
                                           const RowVisitor* on_row) {
  auto prepared = Cached(query);
  if (!prepared) return Fail(prepared.error());
  return Step(**prepared, args, on_row);
}

Status SqliteConnection::ExecScript(std::string_view sql) {
  const std::string text(sql);
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
    return Fail(LastError("script"));
  }
  return Ok();
}

Status SqliteConnection::Begin() {
  // IMMEDIATE takes the write lock up front: a deferred transaction that later tries to write
  // could fail with SQLITE_BUSY halfway through instead of waiting.
  static constexpr Query kBegin{"sqlite.begin", "BEGIN IMMEDIATE"};
  auto run = Exec(kBegin);
  if (!run) return Fail(run.error());
  return Ok();
}

Status SqliteConnection::Commit() {
  static constexpr Query kCommit{"sqlite.commit", "COMMIT"};
  auto run = Exec(kCommit);
  if (!run) return Fail(run.error());
  return Ok();
}

Status SqliteConnection::Rollback() {
  if (sqlite3_get_autocommit(db_) != 0) return Ok();  // SQLite already rolled back on error
  static constexpr Query kRollback{"sqlite.rollback", "ROLLBACK"};
  auto run = Exec(kRollback);
  if (!run) return Fail(run.error());
  return Ok();
}

Result<std::unique_ptr<BulkLoader>> SqliteConnection::StartBulk(
    std::string_view table, std::span<const std::string_view> columns) {
  // Table and column names come from the repository's own constants, never from input.
  std::string sql = "INSERT INTO " + std::string(table) + " (";
  std::string values;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) {
      sql += ", ";
      values += ", ";
    }
    sql += columns[i];
    values += "$" + std::to_string(i + 1);
  }
  sql += ") VALUES (" + values + ")";
  auto prepared = Prepare(sql);
  if (!prepared) return Fail(prepared.error());
  return std::make_unique<SqliteBulkLoader>(*this, std::move(*prepared));
}

}  // namespace lifeline::storage
