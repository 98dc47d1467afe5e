// The real `lifeline` binary, run by integration tests: as a server on a free loopback port,
// or as a one-shot command. Output goes to a log file in the data directory, for the failure
// message of a test, never for assertions.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace lifeline::testing {

// The binary under test: $LIFELINE_BINARY, set by CTest.
std::filesystem::path LifelineBinary();

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};

// Runs `lifeline args…` to completion (bounded by `timeout_seconds`), feeding `input` on stdin.
CommandResult RunLifeline(const std::vector<std::string>& args, const std::string& input = "",
                          const std::vector<std::pair<std::string, std::string>>& env = {},
                          int timeout_seconds = 300);

// The arguments that point a command at a test database: --data DIR [--db URL].
std::vector<std::string> StorageArgs(const std::filesystem::path& data_dir,
                                     const std::string& db_url);

class ServerProcess {
 public:
  struct Options {
    std::filesystem::path data_dir;
    std::string db_url;  // empty: SQLite in data_dir
    std::vector<std::string> extra_args;
    std::vector<std::pair<std::string, std::string>> env;
    long file_size_limit = -1;  // RLIMIT_FSIZE in bytes, to simulate a full disk

    static Options For(std::filesystem::path data_dir, std::string db_url = {}) {
      Options options;
      options.data_dir = std::move(data_dir);
      options.db_url = std::move(db_url);
      return options;
    }
  };

  explicit ServerProcess(Options options);
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  std::uint16_t port() const { return port_; }
  bool running() const { return pid_ > 0; }
  // Sends SIGTERM and waits (bounded); returns the exit code, or -1 if it had to be killed.
  int Stop();
  std::string Log() const;

 private:
  Options options_;
  std::uint16_t port_ = 0;
  pid_t pid_ = -1;
};

std::uint16_t FreeLoopbackPort();

}  // namespace lifeline::testing
