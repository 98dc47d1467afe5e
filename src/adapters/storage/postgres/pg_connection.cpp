#include "adapters/storage/postgres/pg_connection.h"

#include <charconv>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace lifeline::storage {

namespace {

// Taken with pg_advisory_xact_lock by every transaction that appends to the outbox or the
// audit chain, so that their ids commit in order.
constexpr std::int64_t kSequencedWritesLock = 0x4c6966656c696e65;  // "Lifeline"
constexpr std::size_t kCopyBufferBytes = 1 << 16;

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 0;
}

class PgRow final : public Row {
 public:
  PgRow(const PGresult* result, int row) : result_(result), row_(row) {}

  bool IsNull(int column) const override { return PQgetisnull(result_, row_, column) != 0; }
  std::int64_t Int(int column) const override {
    std::string_view text = Text(column);
    std::int64_t value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
  }
  double Real(int column) const override {
    return std::strtod(PQgetvalue(result_, row_, column), nullptr);
  }
  std::string_view Text(int column) const override {
    return {PQgetvalue(result_, row_, column),
            static_cast<std::size_t>(PQgetlength(result_, row_, column))};
  }
  // BYTEA arrives in text results as "\x" followed by hex digits.
  std::string Blob(int column) const override {
    std::string_view text = Text(column);
    if (text.size() < 2 || text[0] != '\\' || text[1] != 'x') return std::string(text);
    std::string bytes((text.size() - 2) / 2, '\0');
    for (std::size_t i = 0; i < bytes.size(); ++i) {
      bytes[i] = static_cast<char>(HexValue(text[2 + 2 * i]) * 16 + HexValue(text[3 + 2 * i]));
    }
    return bytes;
  }

 private:
  const PGresult* result_;
  int row_;
};

// Text-format COPY: tab-separated, backslash escapes, \N for NULL.
void AppendCopyField(std::string& out, const SqlArg& arg) {
  static constexpr char kHex[] = "0123456789abcdef";
  switch (arg.kind()) {
    case SqlArg::Kind::kNull:
      out += "\\N";
      return;
    case SqlArg::Kind::kInt:
      out += std::to_string(arg.as_int());
      return;
    case SqlArg::Kind::kReal: {
      char buffer[32];
      auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, arg.as_real());
      out.append(buffer, end);
      return;
    }
    case SqlArg::Kind::kText:
      for (char c : arg.as_text()) {
        switch (c) {
          case '\\':
            out += "\\\\";
            break;
          case '\t':
            out += "\\t";
            break;
          case '\n':
            out += "\\n";
            break;
          case '\r':
            out += "\\r";
            break;
          default:
            out += c;
        }
      }
      return;
    case SqlArg::Kind::kBlob:
      out += "\\\\x";
      for (unsigned char c : arg.as_text()) {
        out += kHex[c >> 4];
        out += kHex[c & 15];
      }
      return;
  }
}

class PgBulkLoader final : public BulkLoader {
 public:
  explicit PgBulkLoader(PgConnection& connection) : connection_(connection) {}

  Status Add(std::span<const SqlArg> row) override {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) buffer_ += '\t';
      AppendCopyField(buffer_, row[i]);
    }
    buffer_ += '\n';
    if (buffer_.size() >= kCopyBufferBytes) return Send();
    return Ok();
  }

  Status Finish() override {
    if (auto s = Send(); !s) return s;
    if (PQputCopyEnd(connection_.raw(), nullptr) != 1) {
      return Fail(connection_.ErrorOf(nullptr, "copy end"));
    }
    PgResult result(PQgetResult(connection_.raw()));
    const bool ok = PQresultStatus(result.get()) == PGRES_COMMAND_OK;
    Error error = ok ? Error{} : connection_.ErrorOf(result.get(), "copy");
    while (PGresult* rest = PQgetResult(connection_.raw())) PQclear(rest);
    if (!ok) return Fail(std::move(error));
    return Ok();
  }

 private:
  Status Send() {
    if (buffer_.empty()) return Ok();
    if (PQputCopyData(connection_.raw(), buffer_.data(), static_cast<int>(buffer_.size())) != 1) {
      return Fail(connection_.ErrorOf(nullptr, "copy"));
    }
    buffer_.clear();
    return Ok();
  }

  PgConnection& connection_;
  std::string buffer_;
};

}  // namespace

Error PgConnection::ErrorOf(const PGresult* result, std::string_view what) const {
  std::string message = std::string(what) + ": ";
  message += result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(conn_);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  if (result == nullptr || PQstatus(conn_) != CONNECTION_OK) {
    return Error::Unavailable("database connection lost: " + message);
  }
  const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
  const std::string_view sqlstate = state != nullptr ? state : "";
  if (sqlstate == "23505") return Error::Conflict("already exists: " + message);
  if (sqlstate == "23503")
    return Error::Conflict("refers to a record that does not exist: " + message);
  if (sqlstate.starts_with("23")) return Error::Conflict(message);
  if (sqlstate == "40001" || sqlstate == "40P01") return {ErrorCode::kAborted, message, {}};
  if (sqlstate == "53100") return Error::Unavailable("disk full: " + message);
  if (sqlstate.starts_with("53") || sqlstate.starts_with("57") || sqlstate.starts_with("08")) {
    return Error::Unavailable(message);
  }
  return Error::Internal(message);
}

Result<std::int64_t> PgConnection::Run(const Query& query, std::span<const SqlArg> args,
                                       const RowVisitor* on_row) {
  const std::string name(query.name);
  if (!query.plan_with_values && !prepared_.contains(name)) {
    const std::string sql(query.sql);
    PgResult prepared(PQprepare(conn_, name.c_str(), sql.c_str(), 0, nullptr));
    if (PQresultStatus(prepared.get()) != PGRES_COMMAND_OK)
      return Fail(ErrorOf(prepared.get(), "prepare"));
    prepared_.insert(name);
  }
  // Text parameters must be NUL-terminated, so copy them; numbers are printed.
  std::vector<std::string> storage(args.size());
  std::vector<const char*> values(args.size(), nullptr);
  std::vector<int> lengths(args.size(), 0);
  std::vector<int> formats(args.size(), 0);
  for (std::size_t i = 0; i < args.size(); ++i) {
    const SqlArg& arg = args[i];
    switch (arg.kind()) {
      case SqlArg::Kind::kNull:
        continue;
      case SqlArg::Kind::kInt:
        storage[i] = std::to_string(arg.as_int());
        break;
      case SqlArg::Kind::kReal: {
        char buffer[32];
        auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, arg.as_real());
        storage[i].assign(buffer, end);
        break;
      }
      case SqlArg::Kind::kText:
        storage[i] = std::string(arg.as_text());
        break;
      case SqlArg::Kind::kBlob:
        storage[i] = std::string(arg.as_text());
        formats[i] = 1;  // binary: raw bytes, no escaping
        break;
    }
    values[i] = storage[i].c_str();
    lengths[i] = static_cast<int>(storage[i].size());
  }
  // The unnamed statement is planned with the values bound to it.
  PgResult result(query.plan_with_values
                      ? PQexecParams(conn_, std::string(query.sql).c_str(),
                                     static_cast<int>(args.size()), nullptr, values.data(),
                                     lengths.data(), formats.data(), 0)
                      : PQexecPrepared(conn_, name.c_str(), static_cast<int>(args.size()),
                                       values.data(), lengths.data(), formats.data(), 0));
  const ExecStatusType status = PQresultStatus(result.get());
  if (status == PGRES_TUPLES_OK) {
    const int rows = PQntuples(result.get());
    if (on_row != nullptr) {
      for (int r = 0; r < rows; ++r) {
        if (auto visited = (*on_row)(PgRow(result.get(), r)); !visited)
          return Fail(visited.error());
      }
    }
    const char* changed = PQcmdTuples(result.get());
    return changed[0] != '\0' ? std::atoll(changed) : std::int64_t{rows};
  }
  if (status == PGRES_COMMAND_OK) return std::atoll(PQcmdTuples(result.get()));
  return Fail(ErrorOf(result.get(), "query " + name));
}

Status PgConnection::Simple(const char* sql) {
  PgResult result(PQexec(conn_, sql));
  if (PQresultStatus(result.get()) != PGRES_COMMAND_OK &&
      PQresultStatus(result.get()) != PGRES_TUPLES_OK) {
    return Fail(ErrorOf(result.get(), sql));
  }
  return Ok();
}

Status PgConnection::ExecScript(std::string_view sql) {
  const std::string text(sql);
  return Simple(text.c_str());
}

Status PgConnection::Begin() {
  sequence_locked_ = false;
  notify_pending_ = false;
  return Simple("BEGIN");
}

Status PgConnection::Commit() {
  return Simple("COMMIT");
}

Status PgConnection::Rollback() {
  if (PQtransactionStatus(conn_) == PQTRANS_IDLE) return Ok();
  return Simple("ROLLBACK");
}

Status PgConnection::LockSequencedWrites() {
  if (sequence_locked_) return Ok();
  static constexpr Query kLock{"pg.lock_sequenced", "SELECT pg_advisory_xact_lock($1)"};
  auto run = Exec(kLock, {kSequencedWritesLock});
  if (!run) return Fail(run.error());
  sequence_locked_ = true;
  return Ok();
}

Status PgConnection::NotifyOnCommit(std::string_view channel) {
  if (notify_pending_) return Ok();
  static constexpr Query kNotify{"pg.notify", "SELECT pg_notify($1, '')"};
  auto run = Exec(kNotify, {channel});
  if (!run) return Fail(run.error());
  notify_pending_ = true;
  return Ok();
}

Result<std::unique_ptr<BulkLoader>> PgConnection::StartBulk(
    std::string_view table, std::span<const std::string_view> columns) {
  // Table and column names come from the repository's own constants, never from input.
  std::string sql = "COPY " + std::string(table) + " (";
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) sql += ", ";
    sql += columns[i];
  }
  sql += ") FROM STDIN";
  PgResult result(PQexec(conn_, sql.c_str()));
  if (PQresultStatus(result.get()) != PGRES_COPY_IN) return Fail(ErrorOf(result.get(), "copy"));
  return std::make_unique<PgBulkLoader>(*this);
}

}  // namespace lifeline::storage
