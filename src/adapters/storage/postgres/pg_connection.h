#pragma once

#include <libpq-fe.h>

#include <memory>
#include <string>
#include <unordered_set>

#include "adapters/storage/db.h"

namespace lifeline::storage {

struct PgResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using PgResult = std::unique_ptr<PGresult, PgResultDeleter>;

class PgConnection final : public Connection {
 public:
  // Takes ownership of `conn`.
  explicit PgConnection(PGconn* conn) : conn_(conn) {}
  ~PgConnection() override { PQfinish(conn_); }
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  Dialect dialect() const override { return Dialect::kPostgres; }
  Result<std::int64_t> Run(const Query& query, std::span<const SqlArg> args,
                           const RowVisitor* on_row) override;
  Status ExecScript(std::string_view sql) override;
  Status Begin() override;
  Status Commit() override;
  Status Rollback() override;
  Status LockSequencedWrites() override;
  Status NotifyOnCommit(std::string_view channel) override;
  Result<std::unique_ptr<BulkLoader>> StartBulk(std::string_view table,
                                                std::span<const std::string_view> columns) override;
  bool healthy() const override { return PQstatus(conn_) == CONNECTION_OK; }
  bool in_transaction() const override { return PQtransactionStatus(conn_) == PQTRANS_INTRANS; }

  // Maps a failed result (or a connection failure when `result` is null) to an Error.
  Error ErrorOf(const PGresult* result, std::string_view what) const;
  PGconn* raw() { return conn_; }

 private:
  Status Simple(const char* sql);

  PGconn* conn_;
  std::unordered_set<std::string> prepared_;
  bool sequence_locked_ = false;
  bool notify_pending_ = false;
};

}  // namespace lifeline::storage
