#include "tests/support/test_database.h"

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>

#include "adapters/storage/migrations.h"
#include "adapters/storage/postgres/pg_db.h"
#include "adapters/storage/sqlite/sqlite_db.h"

namespace lifeline::testing {

namespace {

void AdminCommand(const std::string& sql) {
  PGconn* conn = PQconnectdb(PostgresServerUrl().c_str());
  ASSERT_EQ(PQstatus(conn), CONNECTION_OK) << PQerrorMessage(conn);
  PGresult* result = PQexec(conn, sql.c_str());
  const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
  const std::string error = PQresultErrorMessage(result);
  PQclear(result);
  PQfinish(conn);
  ASSERT_TRUE(ok) << sql << ": " << error;
}

std::string UniqueDatabaseName() {
  static std::atomic<int> counter{0};
  return "lifeline_test_" + std::to_string(getpid()) + "_" + std::to_string(++counter);
}

}  // namespace

std::string BackendName(Backend backend) {
  return backend == Backend::kSqlite ? "SQLite" : "PostgreSQL";
}

std::string PostgresServerUrl() {
  const char* file = std::getenv("LIFELINE_TEST_PG_URL_FILE");
  std::string url;
  if (file != nullptr) std::getline(std::ifstream(file), url);
  if (url.empty()) {
    ADD_FAILURE() << "no test PostgreSQL server: run the tests through ctest (which starts one), "
                     "or set LIFELINE_TEST_PG_URL_FILE";
  }
  return url;
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "lifeline-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) ADD_FAILURE() << "mkdtemp failed";
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

TestDatabase::TestDatabase(Backend backend) : backend_(backend) {
  if (backend == Backend::kPostgres) {
    pg_name_ = UniqueDatabaseName();
    AdminCommand("CREATE DATABASE " + pg_name_);
    const std::string server = PostgresServerUrl();
    url_ = server.substr(0, server.rfind('/') + 1) + pg_name_;
  }
  Reopen();
  auto migrated = storage::Migrate(*db_);
  EXPECT_TRUE(migrated.has_value()) << migrated.error().message;
}

void TestDatabase::Reopen() {
  db_.reset();
  Result<std::unique_ptr<storage::Db>> opened =
      backend_ == Backend::kSqlite
          ? storage::OpenSqlite({.path = (dir_.path() / "lifeline.db").string()})
          : storage::OpenPostgres({.url = url_, .connections = 4});
  if (!opened) {
    ADD_FAILURE() << "cannot open test database: " << opened.error().message;
    return;
  }
  db_ = std::move(*opened);
}

TestDatabase::~TestDatabase() {
  db_.reset();
  if (!pg_name_.empty()) AdminCommand("DROP DATABASE IF EXISTS " + pg_name_ + " WITH (FORCE)");
}

}  // namespace lifeline::testing
