// The small database interface under every repository: pooled connections, transactions, and
// named statements with typed parameters. Two implementations — SQLite and PostgreSQL — and
// one SQL text per statement where the dialects agree (placeholders are $1, $2 … in both).
//
// This is deliberately not an ORM: repositories write plain SQL and read columns by position.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/common/error.h"
#include "core/common/function_ref.h"

namespace lifeline::storage {

enum class Dialect { kSqlite, kPostgres };

// Raw bytes, to tell a BLOB/BYTEA parameter apart from text.
struct BlobArg {
  std::string_view bytes;
};

// A statement parameter. It borrows strings, so it lives only for the call it is passed to.
class SqlArg {
 public:
  enum class Kind { kNull, kInt, kReal, kText, kBlob };

  SqlArg(std::nullptr_t) : kind_(Kind::kNull) {}  // NOLINT: implicit by design, like a literal
  SqlArg(std::int64_t v) : kind_(Kind::kInt), int_(v) {}          // NOLINT
  SqlArg(int v) : kind_(Kind::kInt), int_(v) {}                   // NOLINT
  SqlArg(bool v) : kind_(Kind::kInt), int_(v ? 1 : 0) {}          // NOLINT
  SqlArg(double v) : kind_(Kind::kReal), real_(v) {}              // NOLINT
  SqlArg(std::string_view v) : kind_(Kind::kText), text_(v) {}    // NOLINT
  SqlArg(const std::string& v) : kind_(Kind::kText), text_(v) {}  // NOLINT
  SqlArg(const char* v) : kind_(Kind::kText), text_(v) {}         // NOLINT
  SqlArg(BlobArg v) : kind_(Kind::kBlob), text_(v.bytes) {}       // NOLINT
  template <class T>
  SqlArg(const std::optional<T>& v) : SqlArg(v ? SqlArg(*v) : SqlArg(nullptr)) {}  // NOLINT

  Kind kind() const { return kind_; }
  std::int64_t as_int() const { return int_; }
  double as_real() const { return real_; }
  std::string_view as_text() const { return text_; }

 private:
  Kind kind_;
  std::int64_t int_ = 0;
  double real_ = 0;
  std::string_view text_;
};

// One result row, valid only inside the visitor it is passed to. Columns by position.
class Row {
 public:
  virtual ~Row() = default;
  virtual bool IsNull(int column) const = 0;
  virtual std::int64_t Int(int column) const = 0;
  virtual double Real(int column) const = 0;
  virtual std::string_view Text(int column) const = 0;
  virtual std::string Blob(int column) const = 0;

  std::string Str(int column) const { return std::string(Text(column)); }
  std::optional<std::int64_t> OptInt(int column) const {
    if (IsNull(column)) return std::nullopt;
    return Int(column);
  }
  bool Bool(int column) const { return Int(column) != 0; }
};

// A statement with a stable name (it is prepared once per connection under that name).
struct Query {
  std::string_view name;
  std::string_view sql;
  // Plan it with its values on every run instead of once (PostgreSQL; SQLite's plans do not
  // depend on the values). For statements whose best plan depends on them — a report over a day
  // and over a year — where a generic plan would guess the range's size.
  bool plan_with_values = false;
};

using RowVisitor = FunctionRef<Status(const Row&)>;

// Rows written in bulk: COPY on PostgreSQL, a reused prepared INSERT on SQLite.
class BulkLoader {
 public:
  virtual ~BulkLoader() = default;
  virtual Status Add(std::span<const SqlArg> row) = 0;
  Status Add(std::initializer_list<SqlArg> row) { return Add(std::span(row.begin(), row.size())); }
  virtual Status Finish() = 0;
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;

  // Runs `query`; calls `on_row` for every result row when given. Returns the number of rows
  // changed by an INSERT, UPDATE or DELETE.
  virtual Result<std::int64_t> Run(const Query& query, std::span<const SqlArg> args,
                                   const RowVisitor* on_row) = 0;
  // Several statements without parameters (migrations).
  virtual Status ExecScript(std::string_view sql) = 0;

  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;
  // False outside a transaction, and after an error that made the database abandon the
  // transaction it was in (SQLite rolls back by itself on a full disk or an I/O error).
  virtual bool in_transaction() const = 0;

  // Serialises the writers of sequenced logs (outbox, audit chain) until the transaction ends,
  // so their ids become visible in order. SQLite's single writer already does.
  virtual Status LockSequencedWrites() = 0;
  // Wakes other nodes listening on `channel` when the transaction commits (PostgreSQL NOTIFY).
  virtual Status NotifyOnCommit(std::string_view channel) = 0;

  virtual Result<std::unique_ptr<BulkLoader>> StartBulk(
      std::string_view table, std::span<const std::string_view> columns) = 0;

  // False after a failure that leaves the connection unusable (the server went away); the pool
  // then replaces it instead of handing it out again.
  virtual bool healthy() const = 0;

  Result<std::int64_t> Exec(const Query& query, std::initializer_list<SqlArg> args = {}) {
    return Run(query, std::span(args.begin(), args.size()), nullptr);
  }
  Status Each(const Query& query, std::initializer_list<SqlArg> args, RowVisitor on_row) {
    return Each(query, std::span(args.begin(), args.size()), on_row);
  }
  Status Each(const Query& query, std::span<const SqlArg> args, RowVisitor on_row) {
    auto run = Run(query, args, &on_row);
    if (!run) return Fail(run.error());
    return Ok();
  }
};

enum class Access { kRead, kWrite };

struct PoolStats {
  int size = 0;      // connections open
  int capacity = 0;  // most it will open
  int in_use = 0;
  std::int64_t acquired = 0;  // total acquisitions
  std::int64_t waited = 0;    // acquisitions that had to wait
  std::int64_t timeouts = 0;  // acquisitions that gave up
};

class ConnectionPool;

// A connection borrowed from a pool, returned when this goes out of scope.
class PooledConnection {
 public:
  PooledConnection(ConnectionPool* pool, std::unique_ptr<Connection> connection)
      : pool_(pool), connection_(std::move(connection)) {}
  PooledConnection(PooledConnection&&) noexcept = default;
  PooledConnection& operator=(PooledConnection&&) noexcept = default;
  ~PooledConnection();

  Connection& operator*() { return *connection_; }
  Connection* operator->() { return connection_.get(); }

 private:
  ConnectionPool* pool_;
  std::unique_ptr<Connection> connection_;
};

class Db {
 public:
  virtual ~Db() = default;
  virtual Dialect dialect() const = 0;
  // Waits up to the configured time for a free connection; kUnavailable when none frees up.
  virtual Result<PooledConnection> Acquire(Access access) = 0;
  virtual PoolStats Stats(Access access) const = 0;
};

}  // namespace lifeline::storage
