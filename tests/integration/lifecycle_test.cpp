// The process: graceful shutdown, the command line, storage failures. Each test runs its own
// server, since each ends it.
#include <gmock/gmock.h>
#include <sqlite3.h>

#include <chrono>
#include <fstream>
#include <future>
#include <thread>

#include "tests/integration/served_city.h"

namespace lifeline::testing {
namespace {

using ::testing::HasSubstr;

class Lifecycle : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    database_.Close();
    std::vector<std::string> seed{"seed", "--demo", "--customers", "200"};
    for (const std::string& arg : StorageArgs(database_.data_dir(), database_.db_url()))
      seed.push_back(arg);
    CommandResult seeded = RunLifeline(seed);
    ASSERT_EQ(seeded.exit_code, 0) << seeded.output;
  }

  std::vector<std::string> With(std::vector<std::string> args) const {
    for (const std::string& arg : StorageArgs(database_.data_dir(), database_.db_url()))
      args.push_back(arg);
    return args;
  }

  ServerProcess::Options ServerOptions() const {
    return ServerProcess::Options::For(database_.data_dir(), database_.db_url());
  }

  TestDatabase database_{GetParam()};
};

TEST_P(Lifecycle, SigtermDrainsRequestsInFlightAndExitsCleanly) {
  // A password hashed at the costly setting makes its login a request that stays in flight.
  ASSERT_EQ(RunLifeline(With({"user", "passwd", "admin", "--password", "Slow-passw0rd"}), "",
                        {{"LIFELINE_SECURITY_PASSWORD_HASH", "moderate"}})
                .exit_code,
            0);
  ServerProcess server(ServerOptions());
  HttpClient http(server.port());
  auto in_flight = std::async(std::launch::async, [&] {
    return http.Post("/api/v1/auth/login", R"({"username":"admin","password":"Slow-passw0rd"})");
  });
  // Wait until the server is handling it: /metrics counts itself and the login.
  bool handling = false;
  for (int i = 0; i < 500 && !handling; ++i) {
    handling =
        http.Get("/metrics").body.find("lifeline_http_requests_in_flight 2") != std::string::npos;
  }
  ASSERT_TRUE(handling);
  EXPECT_EQ(server.Stop(), 0);
  HttpReply reply = in_flight.get();
  EXPECT_EQ(reply.status, 200) << "the login in flight at SIGTERM completed: " << reply.body;
  EXPECT_EQ(RunLifeline(With({"audit", "verify"})).exit_code, 0);
}

TEST_P(Lifecycle, TheCommandLineManagesUsers) {
  CommandResult added = RunLifeline(With({"user", "add", "cli.agent", "--role", "agent", "--name",
                                          "命令行", "--org", "agents-1"}),
                                    "Cli-passw0rd\n");
  ASSERT_EQ(added.exit_code, 0) << added.output;
  ServerProcess server(ServerOptions());
  HttpClient http(server.port());
  EXPECT_EQ(http.Post("/api/v1/auth/login", R"({"username":"cli.agent","password":"Cli-passw0rd"})")
                .status,
            200);
  ASSERT_EQ(
      RunLifeline(With({"user", "passwd", "cli.agent", "--password", "Other-passw0rd"})).exit_code,
      0);
  EXPECT_EQ(
      http.Post("/api/v1/auth/login", R"({"username":"cli.agent","password":"Other-passw0rd"})")
          .status,
      200);
  ASSERT_EQ(RunLifeline(With({"user", "disable", "cli.agent"})).exit_code, 0);
  EXPECT_EQ(
      http.Post("/api/v1/auth/login", R"({"username":"cli.agent","password":"Other-passw0rd"})")
          .status,
      403);
  CommandResult duplicate =
      RunLifeline(With({"user", "add", "cli.agent", "--role", "agent", "--name", "重复", "--org",
                        "agents-1", "--password", "Passw0rd1"}));
  EXPECT_NE(duplicate.exit_code, 0);
  EXPECT_THAT(duplicate.output, HasSubstr("already taken"));
}

TEST_P(Lifecycle, AuditVerifyFindsATamperedRow) {
  ASSERT_EQ(RunLifeline(With({"audit", "verify"})).exit_code, 0);
  database_.Reopen();
  auto connection = database_.db().Acquire(storage::Access::kWrite);
  ASSERT_TRUE(connection.has_value());
  // Someone with database access bypasses the append-only guard and rewrites history.
  const char* drop = GetParam() == Backend::kSqlite
                         ? "DROP TRIGGER audit_log_no_update"
                         : "DROP TRIGGER audit_log_no_change ON audit_log";
  ASSERT_TRUE((*connection)->ExecScript(drop).has_value());
  ASSERT_TRUE(
      (*connection)->ExecScript("UPDATE audit_log SET actor = 'mallory' WHERE id = 3").has_value());
  connection = Fail(Error::Internal("released"));
  database_.Close();
  CommandResult verify = RunLifeline(With({"audit", "verify"}));
  EXPECT_EQ(verify.exit_code, 1) << verify.output;
  EXPECT_THAT(verify.output, HasSubstr("row 3"));
}

TEST_P(Lifecycle, TheAuditLogRefusesEditsAndDeletes) {
  database_.Reopen();
  auto connection = database_.db().Acquire(storage::Access::kWrite);
  ASSERT_TRUE(connection.has_value());
  EXPECT_FALSE((*connection)->ExecScript("UPDATE audit_log SET actor = 'mallory'").has_value());
  EXPECT_FALSE((*connection)->ExecScript("DELETE FROM audit_log").has_value());
}

TEST_P(Lifecycle, ConfigCheckAndVersion) {
  EXPECT_EQ(RunLifeline({"version"}).exit_code, 0);
  CommandResult check = RunLifeline(With({"config", "check"}));
  EXPECT_EQ(check.exit_code, 0) << check.output;
  const auto bad = database_.data_dir() / "bad.toml";
  std::ofstream(bad) << "[server]\nlisten = \"127.0.0.1:8080\"\nlisten_typo = 1\n";
  CommandResult refused = RunLifeline({"config", "check", "--config", bad.string()});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_THAT(refused.output, HasSubstr("server.listen_typo"));
}

TEST_P(Lifecycle, TheServerLogsAtTheConfiguredLevel) {
  // The start-up line is at info: a server told to log warnings only keeps it to itself.
  for (const std::string level : {"warn", "info"}) {
    ServerProcess::Options options = ServerOptions();
    options.env.emplace_back("LIFELINE_LOG_LEVEL", level);
    ServerProcess server(options);
    ASSERT_EQ(server.Stop(), 0);
    EXPECT_EQ(server.Log().find("Lifeline serving on") != std::string::npos, level == "info")
        << "log_level " << level << ":\n"
        << server.Log();
  }
}

TEST_P(Lifecycle, SeedingTwiceIsRefused) {
  CommandResult again = RunLifeline(With({"seed", "--demo", "--customers", "10"}));
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_THAT(again.output, HasSubstr("already holds data"));
}

LIFELINE_CITY_ON_BOTH_BACKENDS(Lifecycle);

// SQLite only: the embedded database's own failure modes.
class SqliteFailures : public ::testing::Test {
 protected:
  // One integer from the database file, read beside a running server (WAL readers never block).
  std::int64_t Query(const char* sql) const {
    sqlite3* db = nullptr;
    std::int64_t value = -1;
    if (sqlite3_open_v2((database_.data_dir() / "lifeline.db").c_str(), &db, SQLITE_OPEN_READONLY,
                        nullptr) == SQLITE_OK) {
      sqlite3_busy_timeout(db, 5000);
      sqlite3_stmt* statement = nullptr;
      if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK &&
          sqlite3_step(statement) == SQLITE_ROW) {
        value = sqlite3_column_int64(statement, 0);
      }
      sqlite3_finalize(statement);
    }
    sqlite3_close(db);
    return value;
  }

  // Serves the seeded city until the notification pump has derived its messages from every
  // seeded event and sent those due, so a later server starts with nothing in the background.
  void LetTheNotifierCatchUp() {
    ServerProcess server(ServerProcess::Options::For(database_.data_dir()));
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    bool caught_up = false;
    while (!caught_up && std::chrono::steady_clock::now() < deadline) {
      caught_up = Query("SELECT position FROM notification_cursors WHERE name = 'notifications'") ==
                      Query("SELECT COALESCE(MAX(id), 0) FROM outbox") &&
                  Query(
                      "SELECT COUNT(*) FROM customer_messages WHERE state = 'queued' AND "
                      "next_attempt_at <= CAST(strftime('%s','now') AS INTEGER) * 1000") == 0;
      if (!caught_up) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ASSERT_TRUE(caught_up) << "the notification pump did not catch up within 60 s";
    EXPECT_EQ(server.Stop(), 0);
  }

  TestDatabase database_{Backend::kSqlite};
};

TEST_F(SqliteFailures, ALockedDatabaseIsA503AndNothingHalfWritten) {
  database_.Close();
  ASSERT_EQ(
      RunLifeline({"seed", "--demo", "--customers", "50", "--data", database_.data_dir().string()})
          .exit_code,
      0);
  auto options = ServerProcess::Options::For(database_.data_dir());
  options.env = {{"LIFELINE_STORAGE_BUSY_TIMEOUT_MS", "200"}};
  ServerProcess server(options);
  HttpClient http(server.port());
  const std::string admin = http.Login("admin", "Lifeline2026");
  sqlite3* blocker = nullptr;
  ASSERT_EQ(sqlite3_open((database_.data_dir() / "lifeline.db").c_str(), &blocker), SQLITE_OK);
  // The server writes in the background too (the notification pump): wait for its turn.
  sqlite3_busy_timeout(blocker, 10000);
  ASSERT_EQ(sqlite3_exec(blocker, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
  HttpReply busy = http.Post(
      "/api/v1/users",
      R"({"username":"while.locked","display_name":"锁","role":"agent","org_unit_id":1,"password":"Passw0rd1"})",
      admin);
  EXPECT_EQ(busy.status, 503) << busy.body;
  EXPECT_EQ(busy.Header("retry-after"), "1");
  sqlite3_exec(blocker, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(blocker);
  HttpReply users = http.Get("/api/v1/users", admin);
  const nlohmann::json listed = users.Json()["items"];  // kept: the loop must not outlive it
  ASSERT_FALSE(listed.empty());
  for (const auto& user : listed) EXPECT_NE(user["username"], "while.locked");
}

TEST_F(SqliteFailures, AFullDiskIsA503AndTheDatabaseStaysConsistent) {
  database_.Close();
  ASSERT_EQ(
      RunLifeline({"seed", "--demo", "--customers", "50", "--data", database_.data_dir().string()})
          .exit_code,
      0);
  LetTheNotifierCatchUp();
  const auto db_file = database_.data_dir() / "lifeline.db";
  // Room for the files to grow a little, then writes fail as on a full disk.
  auto options = ServerProcess::Options::For(database_.data_dir());
  options.file_size_limit = static_cast<long>(std::filesystem::file_size(db_file)) + 512 * 1024;
  ServerProcess server(options);
  HttpClient http(server.port());
  const std::string admin = http.Login("admin", "Lifeline2026");
  int refused = 0;
  for (int i = 0; i < 400 && refused == 0; ++i) {
    const nlohmann::json body{{"username", "filler" + std::to_string(i)},
                              {"display_name", std::string(100, 'x')},
                              {"role", "agent"},
                              {"org_unit_id", 1},
                              {"password", "Passw0rd1"}};
    HttpReply reply = http.Post("/api/v1/users", body.dump(), admin);
    if (reply.status == 503) {
      ++refused;
    } else {
      ASSERT_EQ(reply.status, 201) << reply.body;
    }
  }
  EXPECT_EQ(refused, 1);
  server.Stop();
  CommandResult verify = RunLifeline({"audit", "verify", "--data", database_.data_dir().string()});
  EXPECT_EQ(verify.exit_code, 0) << verify.output;
}

}  // namespace
}  // namespace lifeline::testing
