// The PostgreSQL backend (libpq): a pool of connections shared by readers and writers, for
// several Lifeline nodes sharing one database.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "adapters/storage/db.h"

namespace lifeline::storage {

struct PostgresOptions {
  std::string url;  // postgresql://user@host:port/dbname
  int connections = 8;
  std::chrono::milliseconds pool_wait{10000};
  std::chrono::milliseconds statement_timeout{30000};
};

[[nodiscard]] Result<std::unique_ptr<Db>> OpenPostgres(const PostgresOptions& options);

// Listens on a NOTIFY channel on its own connection and thread, calling `on_notify` (from that
// thread) for every notification. Reconnects after a lost connection.
class PgListener {
 public:
  PgListener(std::string url, std::string channel, std::function<void()> on_notify);
  ~PgListener();
  PgListener(const PgListener&) = delete;
  PgListener& operator=(const PgListener&) = delete;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace lifeline::storage
