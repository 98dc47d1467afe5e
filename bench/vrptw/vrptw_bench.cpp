// Runs the dispatch solver on the Solomon VRPTW instances and prints a Markdown table: distance,
// vehicles, gap to the best-known minimum-distance solution (BKS.csv, `mindist_distance`) and
// time, with means per family, and every plan re-checked by the independent checker. Then plans
// a synthetic "demo city" dispatch day (40 technicians, 600 jobs) generated from a fixed seed.
//
//   vrptw_bench [--data DIR] [--seconds S] [--seed N] [--threads T] [--only C101,R2]
//               [--demo-seconds S]... [--demo-balance W] [--no-demo] [--no-solomon]
//
// --demo-balance sets the demo day's work-balancing weight (Problem::balance_weight; the day
// planner's is 2.5e-4 per minute²; default 0, pure distance).
//
// DIR defaults to ../shared/data/solomon (run from the repository root). Exit status: 0 when
// every plan passed the checker, 2 when one did not, 1 on an error, 64 on a bad argument.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

#include "core/dispatch/checker.h"
#include "core/dispatch/solver.h"
#include "core/dispatch/vrptw.h"
#include "demo_day.h"

namespace {

using namespace lifeline;
using namespace lifeline::dispatch;

struct Options {
  std::filesystem::path data = "../shared/data/solomon";
  double seconds = 1.0;
  std::uint64_t seed = 1;
  int threads = 2;
  std::vector<std::string> only;  // instance name prefixes
  std::vector<double> demo_seconds = {5, 10, 25};
  double demo_balance = 0;
  bool demo = true;
  bool solomon = true;
};

std::vector<std::string> Split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::stringstream stream(text);
  for (std::string part; std::getline(stream, part, separator);) {
    if (!part.empty()) parts.push_back(part);
  }
  return parts;
}

// A non-negative number, or nothing.
std::optional<double> Number(const char* text) {
  char* end = nullptr;
  const double value = std::strtod(text, &end);
  if (end == text || *end != '\0' || !std::isfinite(value) || value < 0) return std::nullopt;
  return value;
}

bool ParseOptions(int argc, char** argv, Options& options) {
  bool demo_seconds_given = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    const char* value = has_value ? argv[i + 1] : "";
    const std::optional<double> number = Number(value);
    const auto take_number = [&](auto& into) {
      if (!number) return false;
      into = static_cast<std::remove_reference_t<decltype(into)>>(*number);
      ++i;
      return true;
    };
    bool ok = true;
    if (arg == "--data" && has_value) {
      options.data = argv[++i];
    } else if (arg == "--seconds") {
      ok = take_number(options.seconds);
    } else if (arg == "--seed") {
      ok = take_number(options.seed);
    } else if (arg == "--threads") {
      ok = take_number(options.threads) && options.threads >= 1;
    } else if (arg == "--only" && has_value) {
      options.only = Split(argv[++i], ',');
    } else if (arg == "--demo-seconds") {
      if (!demo_seconds_given) options.demo_seconds.clear();
      demo_seconds_given = true;
      ok = take_number(options.demo_seconds.emplace_back());
    } else if (arg == "--demo-balance" && has_value) {
      ok = take_number(options.demo_balance);
    } else if (arg == "--no-demo") {
      options.demo = false;
    } else if (arg == "--no-solomon") {
      options.solomon = false;
    } else {
      ok = false;
    }
    if (!ok) {
      std::fprintf(stderr, "bad or unknown argument: %s %s\n", arg.c_str(), value);
      return false;
    }
  }
  return true;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::map<std::string, double> ReadBestKnown(const std::filesystem::path& csv) {
  std::map<std::string, double> best;
  std::stringstream lines(ReadFile(csv));
  std::string line;
  // Header: instance,bks_vehicles,bks_distance,mindist_vehicles,mindist_distance
  std::getline(lines, line);
  while (std::getline(lines, line)) {
    const std::vector<std::string> fields = Split(line, ',');
    if (fields.size() < 5) continue;
    if (const std::optional<double> distance = Number(fields[4].c_str()))
      best[fields[0]] = *distance;
  }
  return best;
}

std::string Family(const std::string& name) {
  // C101 → C1, RC208 → RC2
  std::size_t letters = 0;
  while (letters < name.size() && std::isalpha(static_cast<unsigned char>(name[letters]))) {
    ++letters;
  }
  return name.substr(0, letters + 1);
}

// Gaps that round to zero print as +0.00 rather than -0.00.
double Tidy(double percent) {
  return std::abs(percent) < 0.005 ? 0.0 : percent;
}

struct Row {
  std::string name;
  double distance = 0;
  int vehicles = 0;
  double gap = 0;  // percent
  double seconds = 0;
  bool feasible = true;
};

// Solves one instance and re-checks the plan; nothing on a read or solve error (reported).
std::optional<Row> SolveInstance(const Options& options, const std::string& name, double bks) {
  Result<SolomonInstance> instance = ReadSolomon(ReadFile(options.data / (name + ".txt")));
  if (!instance) {
    std::fprintf(stderr, "%s: %s\n", name.c_str(), instance.error().message.c_str());
    return std::nullopt;
  }
  const SolomonProblem solomon = BuildSolomonProblem(*instance);
  SolverOptions solver;
  solver.seed = options.seed;
  solver.searches = options.threads;
  solver.time_limit_seconds = options.seconds;
  const auto start = std::chrono::steady_clock::now();
  Result<Plan> plan = Solve(solomon.problem, solomon.travel, solver);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!plan) {
    std::fprintf(stderr, "%s: %s\n", name.c_str(), plan.error().message.c_str());
    return std::nullopt;
  }
  const std::vector<Violation> violations = CheckPlan(solomon.problem, solomon.travel, *plan);
  Row row;
  row.name = name;
  row.distance = plan->distance;
  row.vehicles = static_cast<int>(plan->routes.size());
  row.gap = Tidy(100.0 * (plan->distance - bks) / bks);
  row.seconds = seconds;
  row.feasible = violations.empty() && plan->unassigned.empty();
  // Progress on stderr, so stdout stays a clean Markdown document.
  std::fprintf(stderr, "%-6s %9.2f %3d %+6.2f%% %5.2fs %s(%lld iterations)\n", name.c_str(),
               row.distance, row.vehicles, row.gap, row.seconds, row.feasible ? "" : "INFEASIBLE ",
               static_cast<long long>(plan->stats.iterations));
  return row;
}

void PrintTables(const std::vector<Row>& rows, const std::map<std::string, double>& best) {
  std::printf("| instance | distance | vehicles | BKS (mindist) | gap | time (s) |\n");
  std::printf("|---|---:|---:|---:|---:|---:|\n");
  for (const Row& row : rows) {
    std::printf("| %s | %.2f | %d | %.2f | %+.2f %% | %.2f |%s\n", row.name.c_str(), row.distance,
                row.vehicles, best.at(row.name), row.gap, row.seconds,
                row.feasible ? "" : " **infeasible**");
  }

  std::map<std::string, std::vector<const Row*>> families;
  for (const Row& row : rows) families[Family(row.name)].push_back(&row);
  std::printf("\n| family | instances | mean gap | worst gap | mean time (s) |\n");
  std::printf("|---|---:|---:|---:|---:|\n");
  for (const auto& [family, members] : families) {
    double sum = 0;
    double worst = -1e9;
    double time = 0;
    for (const Row* row : members) {
      sum += row->gap;
      time += row->seconds;
      worst = std::max(worst, row->gap);
    }
    const auto count = static_cast<double>(members.size());
    std::printf("| %s | %zu | %+.2f %% | %+.2f %% | %.2f |\n", family.c_str(), members.size(),
                Tidy(sum / count), worst, time / count);
  }

  double total_gap = 0;
  double worst = -1e9;
  int infeasible = 0;
  for (const Row& row : rows) {
    total_gap += row.gap;
    worst = std::max(worst, row.gap);
    infeasible += row.feasible ? 0 : 1;
  }
  std::printf("\n**Overall:** %zu instances, mean gap %+.2f %%, worst %+.2f %%, infeasible %d.\n",
              rows.size(), Tidy(total_gap / static_cast<double>(rows.size())), worst, infeasible);
}

int RunSolomon(const Options& options) {
  const std::map<std::string, double> best = ReadBestKnown(options.data / "BKS.csv");
  std::vector<Row> rows;
  for (const auto& [name, bks] : best) {
    const bool selected =
        options.only.empty() ||
        std::any_of(options.only.begin(), options.only.end(),
                    [&](const std::string& prefix) { return name.rfind(prefix, 0) == 0; });
    if (!selected) continue;
    std::optional<Row> row = SolveInstance(options, name, bks);
    if (!row) return 1;
    rows.push_back(*row);
  }
  if (rows.empty()) {
    std::fprintf(stderr, "no instances: is %s/BKS.csv there?\n", options.data.c_str());
    return 1;
  }
  PrintTables(rows, best);
  const bool all_feasible =
      std::all_of(rows.begin(), rows.end(), [](const Row& row) { return row.feasible; });
  return all_feasible ? 0 : 2;
}

struct Spread {
  double least = 0, most = 0, deviation = 0;  // hours
};

// The least and the most working time among the routes and its standard deviation, in hours:
// travel and work at the customers, not waits and breaks (what the balance term evens out).
Spread WorkSpread(const Problem& problem, const TravelMatrix& travel, const Plan& plan) {
  Spread spread;
  double sum = 0, squares = 0;
  for (std::size_t r = 0; r < plan.routes.size(); ++r) {
    const RoutePlan& route = plan.routes[r];
    const Vehicle& vehicle = problem.vehicles[route.vehicle];
    double minutes = 0;
    std::size_t here = vehicle.start_location;
    for (const Stop& stop : route.stops) {
      if (stop.kind != StopKind::kJob) continue;
      const Job& job = problem.jobs[stop.job];
      minutes += travel.Duration(here, job.location) + job.service_duration;
      here = job.location;
    }
    minutes += travel.Duration(here, vehicle.end_location);
    const double hours = minutes / 60;
    spread.least = r == 0 ? hours : std::min(spread.least, hours);
    spread.most = std::max(spread.most, hours);
    sum += hours;
    squares += hours * hours;
  }
  if (!plan.routes.empty()) {
    const double n = static_cast<double>(plan.routes.size());
    spread.deviation = std::sqrt(std::max(squares / n - (sum / n) * (sum / n), 0.0));
  }
  return spread;
}

int RunDemoDay(const Options& options) {
  bench::DemoDay day = bench::MakeDemoDay(20251115);
  day.problem.balance_weight = options.demo_balance;
  std::printf(
      "\n### Demo city dispatch day\n\n%zu technicians (4 stations, 2 skills each, 30-min lunch "
      "break in 11:30–13:30), %zu jobs with 2-hour windows, 30 km × 25 km city, "
      "30 km/h × 1.3 detour; balance weight %g.\n\n",
      day.problem.vehicles.size(), day.problem.jobs.size(), options.demo_balance);
  std::printf(
      "| time limit (s) | distance (km) | technicians used | jobs planned | unassigned | "
      "work: least / most / σ (h) | time (s) | check |\n"
      "|---:|---:|---:|---:|---:|---|---:|---|\n");
  int status = 0;
  for (const double seconds : options.demo_seconds) {
    SolverOptions solver;
    solver.seed = options.seed;
    solver.searches = options.threads;
    solver.time_limit_seconds = seconds;
    const auto start = std::chrono::steady_clock::now();
    Result<Plan> plan = Solve(day.problem, day.travel, solver);
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!plan) {
      std::fprintf(stderr, "demo day: %s\n", plan.error().message.c_str());
      return 1;
    }
    const std::vector<Violation> violations = CheckPlan(day.problem, day.travel, *plan);
    std::size_t planned = 0;
    for (const RoutePlan& route : plan->routes) {
      for (const Stop& stop : route.stops) planned += stop.kind == StopKind::kJob ? 1 : 0;
    }
    const Spread work = WorkSpread(day.problem, day.travel, *plan);
    std::printf("| %.0f | %.1f | %zu | %zu | %zu | %.1f / %.1f / %.2f | %.2f | %s |\n", seconds,
                plan->distance, plan->routes.size(), planned, plan->unassigned.size(), work.least,
                work.most, work.deviation, elapsed,
                violations.empty() ? "feasible" : "**violations**");
    std::fprintf(stderr, "demo %.0fs: %.1f km, %zu routes, %zu unassigned, %lld it\n", seconds,
                 plan->distance, plan->routes.size(), plan->unassigned.size(),
                 static_cast<long long>(plan->stats.iterations));
    if (!violations.empty()) status = 2;
  }
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!ParseOptions(argc, argv, options)) return 64;
  int status = 0;
  if (options.solomon) status = RunSolomon(options);
  if (options.demo && status != 1) status = std::max(status, RunDemoDay(options));
  return status;
}
