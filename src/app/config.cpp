#include "app/config.h"

#include <toml++/toml.h>

#include <cstdlib>
#include <set>
#include <thread>

namespace lifeline::app {

namespace {

// Every key the file may hold; anything else is a typo that would otherwise be ignored.
const std::set<std::string, std::less<>> kKnownKeys{
    "data_dir",
    "log_level",
    "server.listen",
    "server.io_threads",
    "server.worker_threads",
    "server.body_limit_bytes",
    "server.read_timeout_seconds",
    "server.idle_timeout_seconds",
    "server.drain_timeout_seconds",
    "server.access_log",
    "server.web_root",
    "server.public_requests_per_minute",
    "server.public_burst",
    "storage.db",
    "storage.pool_size",
    "storage.busy_timeout_ms",
    "storage.sqlite_synchronous",
    "security.master_key_file",
    "security.password_hash",
    "security.session_ttl_minutes",
    "security.max_failed_logins",
    "security.lockout_minutes",
    "billing.url",
    "billing.timeout_ms",
    "billing.balance",
    "billing.arrears",
    "billing.bills",
    "billing.bill_period",
    "billing.bill_amount",
    "billing.bill_paid",
    "billing.amount_scale",
    "billing.failure_threshold",
    "billing.cooldown_seconds",
    "routing.url",
    "routing.profile",
    "routing.origin_longitude",
    "routing.origin_latitude",
    "routing.timeout_ms",
    "notify.daily_limit_per_recipient",
    "notify.max_attempts",
    "notify.channel",
};

Error Bad(std::string_view key, std::string_view why) {
  return Error::Invalid(std::string(key), std::string(key) + ": " + std::string(why));
}

Status CheckKeys(const toml::table& table, const std::string& prefix) {
  for (const auto& [key, value] : table) {
    const std::string path =
        prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
    if (const toml::table* nested = value.as_table(); nested != nullptr && prefix.empty()) {
      if (auto s = CheckKeys(*nested, path); !s) return s;
      continue;
    }
    if (!kKnownKeys.contains(path)) return Fail(Bad(path, "unknown setting"));
  }
  return Ok();
}

// One setting's value from one source, as text (TOML values are rendered to text first, so the
// file and the environment are parsed by the same code).
class Setting {
 public:
  Setting(std::string key, std::string text) : key_(std::move(key)), text_(std::move(text)) {}
  Setting(const Setting&) = delete;
  Setting& operator=(const Setting&) = delete;
  const std::string& key() const { return key_; }
  std::string_view text() const { return text_; }

  Result<std::int64_t> Int(std::int64_t min, std::int64_t max) const {
    char* end = nullptr;
    const long long value = std::strtoll(text_.c_str(), &end, 10);  // NUL-terminated: a std::string
    if (text_.empty() || *end != '\0' || value < min || value > max) {
      return Fail(Bad(
          key_, "must be an integer from " + std::to_string(min) + " to " + std::to_string(max)));
    }
    return value;
  }
  Result<bool> Bool() const {
    const std::string_view text = text_;
    if (text == "true" || text == "1") return true;
    if (text == "false" || text == "0") return false;
    return Fail(Bad(key_, "must be true or false"));
  }

 private:
  std::string key_;
  std::string text_;
};

std::optional<std::string> TomlText(const toml::table& root, std::string_view path) {
  toml::node_view<const toml::node> node = root.at_path(path);
  if (!node) return std::nullopt;
  if (auto s = node.value<std::string>()) return *s;
  if (auto i = node.value<std::int64_t>()) return std::to_string(*i);
  if (auto b = node.value<bool>()) return *b ? "true" : "false";
  return std::string("\x01");  // arrays, tables: fails every typed read with a clear message
}

std::optional<std::string> EnvText(std::string_view path) {
  std::string name = "LIFELINE_";
  for (char c : path)
    name += c == '.' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const char* value = std::getenv(name.c_str());
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

// Applies one setting from every source, in order of precedence.
template <class Apply>
Status Each(const toml::table& file, std::string_view path, Apply&& apply) {
  for (const std::optional<std::string>& text : {TomlText(file, path), EnvText(path)}) {
    if (!text) continue;
    const Setting setting(std::string(path), *text);
    if (auto s = apply(setting); !s) return s;
  }
  return Ok();
}

Status ApplyInt(const toml::table& file, std::string_view path, std::int64_t min, std::int64_t max,
                auto& field) {
  return Each(file, path, [&](const Setting& s) -> Status {
    auto value = s.Int(min, max);
    if (!value) return Fail(value.error());
    field = static_cast<std::remove_reference_t<decltype(field)>>(*value);
    return Ok();
  });
}

Status ApplyText(const toml::table& file, std::string_view path, std::string& field) {
  return Each(file, path, [&](const Setting& s) -> Status {
    field = s.text();
    return Ok();
  });
}

Status ApplyBilling(const toml::table& file, billing::HttpBillingOptions& billing) {
  billing::BillingFieldMap& fields = billing.fields;
  Status status = ApplyText(file, "billing.url", billing.url);
  if (status) status = ApplyInt(file, "billing.timeout_ms", 50, 60'000, billing.timeout_ms);
  if (status) status = ApplyText(file, "billing.balance", fields.balance);
  if (status) status = ApplyText(file, "billing.arrears", fields.arrears);
  if (status) status = ApplyText(file, "billing.bills", fields.bills);
  if (status) status = ApplyText(file, "billing.bill_period", fields.bill_period);
  if (status) status = ApplyText(file, "billing.bill_amount", fields.bill_amount);
  if (status) status = ApplyText(file, "billing.bill_paid", fields.bill_paid);
  if (status) status = ApplyInt(file, "billing.amount_scale", 1, 10'000, fields.amount_scale);
  if (status) {
    status = ApplyInt(file, "billing.failure_threshold", 1, 1000, billing.failure_threshold);
  }
  if (status)
    status = ApplyInt(file, "billing.cooldown_seconds", 1, 3600, billing.cooldown_seconds);
  if (status && !billing.url.empty()) status = billing::ValidateHttpBillingOptions(billing);
  return status;
}

Status ApplyDouble(const toml::table& file, std::string_view path, double min, double max,
                   double& field) {
  return Each(file, path, [&](const Setting& s) -> Status {
    const std::string text(s.text());
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || !(value >= min && value <= max)) {
      return Fail(Bad(
          s.key(), "must be a number from " + std::to_string(min) + " to " + std::to_string(max)));
    }
    field = value;
    return Ok();
  });
}

Status ApplyRouting(const toml::table& file, routing::OsrmOptions& routing) {
  Status status = ApplyText(file, "routing.url", routing.url);
  if (status) status = ApplyText(file, "routing.profile", routing.profile);
  if (status) {
    status = ApplyDouble(file, "routing.origin_longitude", -180, 180, routing.origin_longitude);
  }
  if (status) {
    status = ApplyDouble(file, "routing.origin_latitude", -85, 85, routing.origin_latitude);
  }
  if (status) status = ApplyInt(file, "routing.timeout_ms", 100, 60'000, routing.timeout_ms);
  if (status && !routing.url.empty()) {
    auto made = routing::OsrmTravelTimes::Create(routing);
    if (!made) status = Fail(made.error());
  }
  return status;
}

Status ApplyNotify(const toml::table& file, NotifyConfig& notify) {
  Status status = ApplyInt(file, "notify.daily_limit_per_recipient", 0, 1000,
                           notify.settings.daily_limit_per_recipient);
  if (status) status = ApplyInt(file, "notify.max_attempts", 1, 100, notify.settings.max_attempts);
  if (status) {
    status = Each(file, "notify.channel", [&](const Setting& s) -> Status {
      if (s.text() != "log") return Fail(Bad(s.key(), "must be log (the only channel so far)"));
      notify.channel = std::string(s.text());
      return Ok();
    });
  }
  return status;
}

Status ApplyFile(const toml::table& file, Config& config) {
  Status status = Each(file, "data_dir", [&](const Setting& s) -> Status {
    config.data_dir = std::filesystem::path(s.text());
    return Ok();
  });
  if (status)
    status = Each(file, "log_level", [&](const Setting& s) -> Status {
      static const std::set<std::string> kLevels{"trace", "debug", "info", "warn", "error", "off"};
      if (!kLevels.contains(std::string(s.text())))
        return Fail(Bad(s.key(), "must be trace, debug, info, warn, error or off"));
      config.log_level = std::string(s.text());
      return Ok();
    });
  if (status)
    status = Each(file, "server.listen",
                  [&](const Setting& s) { return ParseListen(s.text(), config.server); });
  if (status) status = ApplyInt(file, "server.io_threads", 0, 256, config.server.io_threads);
  if (status)
    status = ApplyInt(file, "server.worker_threads", 0, 1024, config.server.worker_threads);
  if (status)
    status =
        ApplyInt(file, "server.body_limit_bytes", 1024, 1 << 30, config.server.body_limit_bytes);
  if (status)
    status =
        ApplyInt(file, "server.read_timeout_seconds", 1, 3600, config.server.read_timeout_seconds);
  if (status)
    status =
        ApplyInt(file, "server.idle_timeout_seconds", 1, 3600, config.server.idle_timeout_seconds);
  if (status)
    status =
        ApplyInt(file, "server.drain_timeout_seconds", 0, 600, config.server.drain_timeout_seconds);
  if (status)
    status = Each(file, "server.access_log", [&](const Setting& s) -> Status {
      auto value = s.Bool();
      if (!value) return Fail(value.error());
      config.server.access_log = *value;
      return Ok();
    });
  if (status)
    status = Each(file, "server.web_root", [&](const Setting& s) -> Status {
      config.server.web_root = std::filesystem::path(s.text());
      return Ok();
    });
  if (status)
    status = ApplyInt(file, "server.public_requests_per_minute", 0, 1'000'000,
                      config.server.public_requests_per_minute);
  if (status)
    status = ApplyInt(file, "server.public_burst", 1, 1'000'000, config.server.public_burst);
  if (status)
    status = Each(file, "storage.db", [&](const Setting& s) -> Status {
      if (!s.text().empty() && !s.text().starts_with("postgresql://") &&
          !s.text().starts_with("postgres://")) {
        return Fail(Bad(s.key(), "must be a postgresql:// URL (leave it empty for SQLite)"));
      }
      config.storage.db_url = std::string(s.text());
      return Ok();
    });
  if (status) status = ApplyInt(file, "storage.pool_size", 0, 256, config.storage.pool_size);
  if (status)
    status = ApplyInt(file, "storage.busy_timeout_ms", 0, 600'000, config.storage.busy_timeout_ms);
  if (status)
    status = Each(file, "storage.sqlite_synchronous", [&](const Setting& s) -> Status {
      if (s.text() == "normal")
        config.storage.sqlite_synchronous = storage::SqliteSync::kNormal;
      else if (s.text() == "full")
        config.storage.sqlite_synchronous = storage::SqliteSync::kFull;
      else
        return Fail(Bad(s.key(), "must be normal or full"));
      return Ok();
    });
  if (status)
    status = Each(file, "security.master_key_file", [&](const Setting& s) -> Status {
      config.security.master_key_file = std::filesystem::path(s.text());
      return Ok();
    });
  if (status)
    status = Each(file, "security.password_hash", [&](const Setting& s) -> Status {
      if (s.text() == "interactive")
        config.security.password_cost = crypto::PasswordCost::kInteractive;
      else if (s.text() == "moderate")
        config.security.password_cost = crypto::PasswordCost::kModerate;
      else if (s.text() == "minimum")
        config.security.password_cost = crypto::PasswordCost::kMinimum;
      else
        return Fail(Bad(s.key(), "must be interactive, moderate or minimum"));
      return Ok();
    });
  if (status)
    status = ApplyInt(file, "security.session_ttl_minutes", 5, 7 * 24 * 60,
                      config.security.session_ttl_minutes);
  if (status)
    status =
        ApplyInt(file, "security.max_failed_logins", 1, 100, config.security.max_failed_logins);
  if (status)
    status =
        ApplyInt(file, "security.lockout_minutes", 1, 24 * 60, config.security.lockout_minutes);
  if (status) status = ApplyBilling(file, config.billing);
  if (status) status = ApplyRouting(file, config.routing);
  if (status) status = ApplyNotify(file, config.notify);
  return status;
}

int DefaultThreads(int per_core) {
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()) * per_core);
}

}  // namespace

Status ParseListen(std::string_view listen, ServerConfig& server) {
  const std::size_t colon = listen.rfind(':');
  if (colon == std::string_view::npos || colon == 0) {
    return Fail(Bad("server.listen", "must be HOST:PORT, e.g. 127.0.0.1:8080"));
  }
  Setting port("server.listen", std::string(listen.substr(colon + 1)));
  auto value = port.Int(0, 65535);
  if (!value) return Fail(Bad("server.listen", "port must be 0 to 65535"));
  server.host = std::string(listen.substr(0, colon));
  if (server.host.size() > 2 && server.host.front() == '[' && server.host.back() == ']') {
    server.host = server.host.substr(1, server.host.size() - 2);  // [::1]
  }
  server.port = static_cast<std::uint16_t>(*value);
  return Ok();
}

Result<Config> LoadConfig(const ConfigOverrides& overrides) {
  Config config;
  toml::table file;
  const std::filesystem::path path = overrides.config_file.value_or("lifeline.toml");
  std::error_code ec;
  if (overrides.config_file || std::filesystem::exists(path, ec)) {
    try {
      file = toml::parse_file(path.string());
    } catch (const toml::parse_error& e) {
      return Fail(Error::Invalid("config", path.string() + ":" +
                                               std::to_string(e.source().begin.line) + ": " +
                                               std::string(e.description())));
    }
    if (auto s = CheckKeys(file, ""); !s) return Fail(s.error());
  }
  if (auto s = ApplyFile(file, config); !s) return Fail(s.error());
  if (overrides.data_dir) config.data_dir = *overrides.data_dir;
  if (overrides.db_url) {
    if (!overrides.db_url->starts_with("postgresql://") &&
        !overrides.db_url->starts_with("postgres://")) {
      return Fail(Bad("--db", "must be a postgresql:// URL"));
    }
    config.storage.db_url = *overrides.db_url;
  }
  if (overrides.listen) {
    if (auto s = ParseListen(*overrides.listen, config.server); !s) return Fail(s.error());
  }
  if (config.server.io_threads == 0) config.server.io_threads = DefaultThreads(1);
  // Workers mostly wait on the database; on SQLite the writes of waiting workers share one
  // commit (group commit), so more of them in flight is what makes the batches.
  if (config.server.worker_threads == 0) config.server.worker_threads = DefaultThreads(8);
  if (config.storage.pool_size == 0) config.storage.pool_size = config.server.worker_threads;
  return config;
}

}  // namespace lifeline::app
