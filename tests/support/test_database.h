// Fresh, migrated databases for tests, on both backends. Every storage test is parameterised
// over Backend, so the same assertions run on SQLite and on a real PostgreSQL server (started
// by the CTest fixture `postgres`, see tests/CMakeLists.txt).
#pragma once

#include <filesystem>
#include <memory>
#include <ostream>
#include <string>

#include "adapters/storage/db.h"

namespace lifeline::testing {

enum class Backend { kSqlite, kPostgres };

std::string BackendName(Backend backend);
// For GoogleTest's messages.
inline void PrintTo(Backend backend, std::ostream* out) {
  *out << BackendName(backend);
}

// The URL of the test PostgreSQL server, from the file named by LIFELINE_TEST_PG_URL_FILE.
// Fails the current test when it is not set: PostgreSQL tests never silently skip.
std::string PostgresServerUrl();

// A temporary directory, removed with everything in it when this goes out of scope.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

class TestDatabase {
 public:
  explicit TestDatabase(Backend backend);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  Backend backend() const { return backend_; }
  storage::Db& db() { return *db_; }
  // What `lifeline --db` takes: a PostgreSQL URL, or empty for SQLite in data_dir().
  const std::string& db_url() const { return url_; }
  const std::filesystem::path& data_dir() const { return dir_.path(); }
  // Closes the pool, e.g. before a server process takes over the database.
  void Close() { db_.reset(); }
  void Reopen();

 private:
  Backend backend_;
  TempDir dir_;
  std::string url_;
  std::string pg_name_;
  std::unique_ptr<storage::Db> db_;
};

}  // namespace lifeline::testing
