// The `lifeline` command line: parses arguments and hands over to a command. No logic here.
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>

#include "app/commands.h"

namespace {

constexpr const char* kVersion = "0.1.0";

void AddCommonOptions(CLI::App& command, lifeline::app::ConfigOverrides& overrides) {
  command.add_option("--config", overrides.config_file,
                     "configuration file (default: ./lifeline.toml if present)");
  command.add_option("--data", overrides.data_dir,
                     "data directory: SQLite file, keys, recordings, attachments");
  command.add_option("--db", overrides.db_url,
                     "postgresql://… to use PostgreSQL instead of SQLite");
}

}  // namespace

int main(int argc, char** argv) {
  using namespace lifeline::app;
  CLI::App cli{"Lifeline: the hotline platform for water, heating and gas utilities"};
  cli.require_subcommand(1);
  ConfigOverrides overrides;
  int exit_code = kExitOk;

  CLI::App* serve = cli.add_subcommand("serve", "serve the API and the web app");
  AddCommonOptions(*serve, overrides);
  serve->add_option("--listen", overrides.listen,
                    "HOST:PORT to listen on (default 127.0.0.1:8080)");
  ServeOptions serve_options;
  serve->add_flag("--simulate-fleet", serve_options.simulate_fleet,
                  "move the demo city's technicians along their day (a demo without phones)");
  serve->callback([&] { exit_code = RunServe(overrides, serve_options); });

  CLI::App* routes = cli.add_subcommand("routes", "list the HTTP API routes");
  AddCommonOptions(*routes, overrides);
  routes->callback([&] { exit_code = RunRoutes(overrides); });

  CLI::App* migrate = cli.add_subcommand("migrate", "apply pending database migrations");
  AddCommonOptions(*migrate, overrides);
  migrate->callback([&] { exit_code = RunMigrate(overrides); });

  CLI::App* seed = cli.add_subcommand("seed", "fill an empty database");
  AddCommonOptions(*seed, overrides);
  bool demo = false;
  std::int64_t customers = 20'000;
  seed->add_flag("--demo", demo, "the demo city of 临江市 with its utility's staff")->required();
  seed->add_option("--customers", customers, "number of customer accounts (1 to 1,000,000)")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{1'000'000}));
  int history_days = 0;
  seed->add_option("--history-days", history_days,
                   "also bulk-load this many days of work-order history (0 to 1,100)")
      ->check(CLI::Range(0, 1100));
  seed->callback([&] { exit_code = RunSeedDemo(overrides, customers, history_days); });

  CLI::App* user = cli.add_subcommand("user", "manage staff accounts");
  user->require_subcommand(1);
  UserAddArgs add_args;
  CLI::App* user_add = user->add_subcommand("add", "add a user");
  AddCommonOptions(*user_add, overrides);
  user_add->add_option("username", add_args.username)->required();
  user_add
      ->add_option(
          "--role", add_args.role,
          "agent, dispatcher, technician, supervisor, manager, admin, auditor or integration")
      ->required();
  user_add->add_option("--name", add_args.display_name, "display name")->required();
  user_add->add_option("--org", add_args.org_unit_code, "org unit code")->required();
  user_add->add_option("--password", add_args.password, "password (read from stdin when omitted)");
  user_add->callback([&] { exit_code = RunUserAdd(overrides, add_args); });

  std::string username;
  std::optional<std::string> password;
  CLI::App* passwd = user->add_subcommand("passwd", "set a user's password");
  AddCommonOptions(*passwd, overrides);
  passwd->add_option("username", username)->required();
  passwd->add_option("--password", password, "new password (read from stdin when omitted)");
  passwd->callback([&] { exit_code = RunUserPasswd(overrides, username, password); });

  CLI::App* disable = user->add_subcommand("disable", "disable a user and end their sessions");
  AddCommonOptions(*disable, overrides);
  disable->add_option("username", username)->required();
  disable->callback([&] { exit_code = RunUserDisable(overrides, username, true); });

  CLI::App* enable = user->add_subcommand("enable", "enable a disabled user");
  AddCommonOptions(*enable, overrides);
  enable->add_option("username", username)->required();
  enable->callback([&] { exit_code = RunUserDisable(overrides, username, false); });

  CLI::App* audit = cli.add_subcommand("audit", "the audit log");
  audit->require_subcommand(1);
  CLI::App* verify = audit->add_subcommand("verify", "check the hash chain; exit 1 if broken");
  AddCommonOptions(*verify, overrides);
  verify->callback([&] { exit_code = RunAuditVerify(overrides); });

  CLI::App* config = cli.add_subcommand("config", "configuration");
  config->require_subcommand(1);
  CLI::App* check =
      config->add_subcommand("check", "validate and print the effective configuration");
  AddCommonOptions(*check, overrides);
  check->callback([&] { exit_code = RunConfigCheck(overrides); });

  VrptwArgs vrptw_args;
  CLI::App* vrptw =
      cli.add_subcommand("vrptw", "plan routes for a Solomon-format VRPTW instance (JSON out)");
  vrptw->add_option("file", vrptw_args.file, "instance in the Solomon text format")->required();
  vrptw->add_option("--seconds", vrptw_args.seconds, "time limit")
      ->check(CLI::Range(0.01, 86400.0))
      ->required();
  vrptw->add_option("--seed", vrptw_args.seed, "random seed (same seed and limit, same search)");
  vrptw
      ->add_option("--iterations", vrptw_args.iterations,
                   "stop after this many search iterations (reproducible runs)")
      ->check(CLI::PositiveNumber);
  vrptw->callback([&] { exit_code = RunVrptw(vrptw_args); });

  cli.add_subcommand("version", "print the version")->callback([&] {
    std::printf("lifeline %s\n", kVersion);
  });

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  return exit_code;
}
