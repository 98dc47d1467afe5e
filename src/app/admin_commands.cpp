// The administration subcommands: migrate, seed, config check, audit verify, user management.
// They act as the `system` principal and are audited like any other change.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <iostream>

#include "app/commands.h"
#include "app/demo_seeder.h"
#include "app/runtime.h"

namespace lifeline::app {

namespace {

// Loads the configuration and opens the runtime, reporting failures the same way everywhere.
struct Opened {
  std::unique_ptr<Runtime> runtime;
  int exit_code = kExitOk;
};

Opened Open(const ConfigOverrides& overrides) {
  auto config = LoadConfig(overrides);
  if (!config) {
    std::cerr << "lifeline: configuration: " << config.error().message << '\n';
    return {nullptr, kExitUsage};
  }
  auto runtime = Runtime::Open(*config);
  if (!runtime) {
    std::cerr << "lifeline: " << runtime.error().message << '\n';
    return {nullptr, kExitFailed};
  }
  return {std::move(*runtime), kExitOk};
}

int Report(const Status& status, std::string_view done) {
  if (!status) {
    std::cerr << "lifeline: " << status.error().message << '\n';
    return status.error().code == ErrorCode::kInvalidArgument ? kExitUsage : kExitFailed;
  }
  std::cout << done << '\n';
  return kExitOk;
}

std::optional<std::string> ReadPassword(std::optional<std::string> given) {
  if (given) return given;
  std::cerr << "password: ";
  std::string line;
  if (!std::getline(std::cin, line)) return std::nullopt;
  return line;
}

Result<std::int64_t> OrgUnitIdByCode(Runtime& runtime, const std::string& code) {
  auto units = runtime.orgs().List(Principal::System());
  if (!units) return Fail(units.error());
  for (const OrgUnit& unit : *units) {
    if (unit.code == code) return unit.id;
  }
  return Fail(Error::Invalid("org", "no org unit with code " + code));
}

}  // namespace

int RunMigrate(const ConfigOverrides& overrides) {
  // Runtime::Open applies pending migrations; reaching here means they succeeded.
  Opened opened = Open(overrides);
  if (!opened.runtime) return opened.exit_code;
  std::cout << "database is at the newest schema\n";
  return kExitOk;
}

int RunSeedDemo(const ConfigOverrides& overrides, std::int64_t customers, int history_days) {
  Opened opened = Open(overrides);
  if (!opened.runtime) return opened.exit_code;
  const auto started = std::chrono::steady_clock::now();
  const auto accounts_file = opened.runtime->config().data_dir / "demo-accounts.txt";
  auto report = SeedDemo(*opened.runtime, customers, accounts_file, history_days);
  if (!report) return Report(Fail(report.error()), "");
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << fmt::format(
      "seeded the demo city in {:.1f} s: {} customers, {} accounts, {} meters, {} bills, {} "
      "premises in {} communities; {} org units, {} staff users\n"
      "demo logins: {}\n",
      seconds, report->city.customers, report->city.accounts, report->city.meters,
      report->city.bills, report->city.premises, report->city.communities, report->org_units,
      report->users, accounts_file.string());
  if (history_days > 0) {
    std::cout << fmt::format("history: {} work orders with {} history rows over {} days\n",
                             report->history_orders, report->history_transitions, history_days);
  }
  return kExitOk;
}

int RunConfigCheck(const ConfigOverrides& overrides) {
  auto config = LoadConfig(overrides);
  if (!config) {
    std::cerr << "lifeline: configuration: " << config.error().message << '\n';
    return kExitUsage;
  }
  std::cout << fmt::format(
      "configuration is valid\n  data_dir = {}\n  listen = {}:{}\n  database = {}\n"
      "  io_threads = {}, worker_threads = {}\n  web_root = {}\n  billing = {}\n",
      config->data_dir.string(), config->server.host, config->server.port,
      config->UsesPostgres() ? "PostgreSQL" : "SQLite " + config->SqlitePath().string(),
      config->server.io_threads, config->server.worker_threads, config->server.web_root.string(),
      config->billing.url.empty() ? "built-in" : config->billing.url);
  return kExitOk;
}

int RunAuditVerify(const ConfigOverrides& overrides) {
  Opened opened = Open(overrides);
  if (!opened.runtime) return opened.exit_code;
  auto verification = opened.runtime->audit().Verify();
  if (!verification) return Report(Fail(verification.error()), "");
  if (!verification->intact()) {
    std::cout << "audit log BROKEN after " << verification->rows_checked
              << " good rows: " << *verification->problem << '\n';
    return kExitFailed;
  }
  std::cout << "audit log intact: " << verification->rows_checked << " rows verified\n";
  return kExitOk;
}

int RunUserAdd(const ConfigOverrides& overrides, const UserAddArgs& args) {
  auto role = ParseRole(args.role);
  if (!role) {
    std::cerr << "lifeline: unknown role " << args.role << '\n';
    return kExitUsage;
  }
  Opened opened = Open(overrides);
  if (!opened.runtime) return opened.exit_code;
  auto unit = OrgUnitIdByCode(*opened.runtime, args.org_unit_code);
  if (!unit) return Report(Fail(unit.error()), "");
  auto password = ReadPassword(args.password);
  if (!password) return Report(Fail(Error::Invalid("password", "no password given")), "");
  auto user = opened.runtime->users().AddUser(
      Principal::System(), {args.username, args.display_name, *role, *unit, *password});
  if (!user) return Report(Fail(user.error()), "");
  return Report(Ok(), "added user " + user->username + " (id " + std::to_string(user->id) + ")");
}

int RunUserPasswd(const ConfigOverrides& overrides, const std::string& username,
                  std::optional<std::string> password) {
  Opened opened = Open(overrides);
  if (!opened.runtime) return opened.exit_code;
  auto entered = ReadPassword(std::move(password));
  if (!entered) return Report(Fail(Error::Invalid("password", "no password given")), "");
  return Report(opened.runtime->users().ChangePassword(Principal::System(), username, *entered),
                "password changed; the user's sessions were ended");
}

int RunUserDisable(const ConfigOverrides& overrides, const std::string& username, bool disabled) {
  Opened opened = Open(overrides);
  if (!opened.runtime) return opened.exit_code;
  return Report(opened.runtime->users().SetDisabled(Principal::System(), username, disabled),
                disabled ? "user disabled; their sessions were ended" : "user enabled");
}

}  // namespace lifeline::app
