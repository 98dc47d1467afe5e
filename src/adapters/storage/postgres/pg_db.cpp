#include "adapters/storage/postgres/pg_db.h"

#include <poll.h>

#include <atomic>
#include <thread>

#include "adapters/storage/connection_pool.h"
#include "adapters/storage/postgres/pg_connection.h"

namespace lifeline::storage {

namespace {

constexpr int kListenPollMs = 200;
constexpr auto kReconnectDelay = std::chrono::seconds(1);

Result<PGconn*> Connect(const std::string& url) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    while (!message.empty() && message.back() == '\n') message.pop_back();
    return Fail(Error::Unavailable("cannot connect to PostgreSQL: " + message));
  }
  return conn;
}

Result<std::unique_ptr<Connection>> OpenConnection(const PostgresOptions& options) {
  auto conn = Connect(options.url);
  if (!conn) return Fail(conn.error());
  auto connection = std::make_unique<PgConnection>(*conn);
  // Times are stored as epoch milliseconds, so the session time zone never matters; a
  // statement timeout keeps one runaway query from holding a pooled connection forever. No JIT:
  // only the reports' scans cost enough to trigger it, and compiling them took 0.1–0.2 s more
  // than it saved (docs/design/reports.md, "Speed").
  const std::string setup =
      "SET statement_timeout = " + std::to_string(options.statement_timeout.count()) +
      "; SET client_min_messages = warning; SET jit = off;";
  if (auto s = connection->ExecScript(setup); !s) return Fail(s.error());
  return std::unique_ptr<Connection>(std::move(connection));
}

class PostgresDb final : public Db {
 public:
  explicit PostgresDb(const PostgresOptions& options)
      : options_(options),
        pool_([this] { return OpenConnection(options_); }, options.connections, options.pool_wait) {
  }

  ~PostgresDb() override { pool_.CloseIdle(); }

  Dialect dialect() const override { return Dialect::kPostgres; }
  Result<PooledConnection> Acquire(Access) override { return pool_.Acquire(); }
  PoolStats Stats(Access) const override { return pool_.Stats(); }

 private:
  PostgresOptions options_;
  ConnectionPool pool_;
};

}  // namespace

Result<std::unique_ptr<Db>> OpenPostgres(const PostgresOptions& options) {
  auto db = std::make_unique<PostgresDb>(options);
  auto first = db->Acquire(Access::kWrite);  // fail at start, not at the first request
  if (!first) return Fail(first.error());
  return std::unique_ptr<Db>(std::move(db));
}

struct PgListener::State {
  std::string url;
  std::string channel;
  std::function<void()> on_notify;
  std::atomic<bool> stopping{false};
  std::thread thread;

  void Run() {
    while (!stopping) {
      auto conn = Connect(url);
      if (!conn) {
        std::this_thread::sleep_for(kReconnectDelay);
        continue;
      }
      Listen(*conn);
      PQfinish(*conn);
      // Anything may have been missed while disconnected: let the subscriber catch up.
      if (!stopping) on_notify();
    }
  }

  void Listen(PGconn* conn) {
    const std::string listen = "LISTEN " + channel;
    PgResult result(PQexec(conn, listen.c_str()));
    if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) return;
    pollfd fd{PQsocket(conn), POLLIN, 0};
    while (!stopping) {
      if (poll(&fd, 1, kListenPollMs) < 0) return;
      if (PQconsumeInput(conn) == 0) return;  // the connection broke
      bool notified = false;
      while (PGnotify* notify = PQnotifies(conn)) {
        PQfreemem(notify);
        notified = true;
      }
      if (notified) on_notify();
    }
  }
};

PgListener::PgListener(std::string url, std::string channel, std::function<void()> on_notify)
    : state_(std::make_unique<State>()) {
  state_->url = std::move(url);
  state_->channel = std::move(channel);
  state_->on_notify = std::move(on_notify);
  state_->thread = std::thread([state = state_.get()] { state->Run(); });
}

PgListener::~PgListener() {
  state_->stopping = true;
  state_->thread.join();
}

}  // namespace lifeline::storage
