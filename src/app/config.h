// Typed configuration, validated at start. Sources, later ones winning: built-in defaults,
// lifeline.toml (or --config FILE), LIFELINE_* environment variables, command-line flags.
// Anything wrong — an unknown key, a bad value — stops the process with a message naming it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "adapters/billing/http_billing_system.h"
#include "adapters/crypto/sodium.h"
#include "adapters/routing/osrm_travel_times.h"
#include "adapters/storage/sqlite/sqlite_db.h"
#include "core/common/error.h"
#include "core/notifications/notification_settings.h"

namespace lifeline::app {

struct ServerConfig {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;
  int io_threads = 0;      // 0: one per core
  int worker_threads = 0;  // 0: eight per core (database waits overlap, writes batch)
  std::size_t body_limit_bytes = 1 << 20;
  int read_timeout_seconds = 30;
  int idle_timeout_seconds = 60;
  int drain_timeout_seconds = 10;
  bool access_log = true;
  std::filesystem::path web_root = "web/dist";
  // The open doors (public portal and tracking routes, the login): per client address.
  int public_requests_per_minute = 120;  // 0: no limit
  int public_burst = 60;
};

struct StorageConfig {
  std::string db_url;  // empty: SQLite at <data>/lifeline.db
  int pool_size = 0;  // 0: one per worker thread
  int busy_timeout_ms = 5000;  // how long a write waits for another process's lock
  storage::SqliteSync sqlite_synchronous = storage::SqliteSync::kNormal;
};

struct SecurityConfig {
  std::filesystem::path master_key_file;  // empty: <data>/master.key
  crypto::PasswordCost password_cost = crypto::PasswordCost::kInteractive;
  int session_ttl_minutes = 12 * 60;
  int max_failed_logins = 5;
  int lockout_minutes = 15;
};

// Staff notifications and customer messages (docs/design/notifications.md).
struct NotifyConfig {
  NotificationSettings settings;
  std::string channel = "log";  // the adapter every customer message goes through
};

struct Config {
  std::filesystem::path data_dir = "data";
  std::string log_level = "info";
  ServerConfig server;
  StorageConfig storage;
  SecurityConfig security;
  billing::HttpBillingOptions billing;  // an empty url: the built-in billing over our own tables
  routing::OsrmOptions routing;         // an empty url: straight-line travel estimates
  NotifyConfig notify;

  std::filesystem::path SqlitePath() const { return data_dir / "lifeline.db"; }
  std::filesystem::path MasterKeyPath() const {
    return security.master_key_file.empty() ? data_dir / "master.key" : security.master_key_file;
  }
  bool UsesPostgres() const { return !storage.db_url.empty(); }
};

// Flags that override the file and the environment (empty: not given).
struct ConfigOverrides {
  std::optional<std::string> config_file;
  std::optional<std::string> data_dir;
  std::optional<std::string> db_url;
  std::optional<std::string> listen;  // host:port
};

[[nodiscard]] Result<Config> LoadConfig(const ConfigOverrides& overrides);

// "127.0.0.1:8080" → host and port.
[[nodiscard]] Status ParseListen(std::string_view listen, ServerConfig& server);

}  // namespace lifeline::app
