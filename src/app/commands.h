// The subcommands of the `lifeline` binary. Each returns the process exit code: 0 success,
// 1 the operation failed, 2 bad usage or configuration.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/config.h"

namespace lifeline::app {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitUsage = 2;

struct ServeOptions {
  bool simulate_fleet = false;  // move the demo crews (docs/design/dispatch.md, "Live positions")
};

int RunServe(const ConfigOverrides& overrides, const ServeOptions& options);
// Prints every API route as "METHOD /pattern", one per line (checked against docs/openapi.yaml).
int RunRoutes(const ConfigOverrides& overrides);
int RunMigrate(const ConfigOverrides& overrides);
int RunSeedDemo(const ConfigOverrides& overrides, std::int64_t customers, int history_days = 0);
int RunConfigCheck(const ConfigOverrides& overrides);
int RunAuditVerify(const ConfigOverrides& overrides);

struct UserAddArgs {
  std::string username;
  std::string role;
  std::string display_name;
  std::string org_unit_code;
  std::optional<std::string> password;  // read from stdin when absent
};
int RunUserAdd(const ConfigOverrides& overrides, const UserAddArgs& args);
int RunUserPasswd(const ConfigOverrides& overrides, const std::string& username,
                  std::optional<std::string> password);
struct VrptwArgs {
  std::string file;
  double seconds = 1.0;
  std::uint64_t seed = 1;
  std::optional<std::int64_t> iterations;  // stop after this many instead of at the time limit
};
// Solves a Solomon-format VRPTW instance and prints {"distance", "vehicles", "routes", ...}.
int RunVrptw(const VrptwArgs& args);

int RunUserDisable(const ConfigOverrides& overrides, const std::string& username, bool disabled);

}  // namespace lifeline::app
