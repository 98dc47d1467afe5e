// `lifeline vrptw FILE --seconds S [--seed N]`: the dispatch solver on a Solomon-format
// instance, printing one JSON object on stdout. Needs no configuration and no database.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "app/commands.h"
#include "core/dispatch/vrptw.h"

namespace lifeline::app {

namespace {

std::optional<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return std::move(text).str();
}

// Distances to 1e-6 are what the literature compares; printing with %.6f keeps the JSON
// stable across platforms (no exponent, no trailing digits of binary noise).
std::string SolutionJson(const dispatch::VrptwSolution& solution) {
  std::string routes;
  for (const auto& route : solution.routes) {
    if (!routes.empty()) routes += ',';
    routes += fmt::format("[{}]", fmt::join(route, ","));
  }
  return fmt::format(
      R"({{"distance": {:.6f}, "vehicles": {}, "routes": [{}], "unassigned": [{}]}})",
      solution.distance, solution.vehicles, routes, fmt::join(solution.unassigned, ","));
}

}  // namespace

int RunVrptw(const VrptwArgs& args) {
  const auto text = ReadWholeFile(args.file);
  if (!text) {
    std::fprintf(stderr, "lifeline vrptw: cannot read %s\n", args.file.c_str());
    return kExitUsage;
  }
  const dispatch::SolveOptions options{
      .seconds = args.seconds, .seed = args.seed, .max_iterations = args.iterations};
  auto solution = dispatch::SolveSolomon(*text, options);
  if (!solution) {
    std::fprintf(stderr, "lifeline vrptw: %s: %s\n", args.file.c_str(),
                 solution.error().message.c_str());
    return solution.error().code == ErrorCode::kInternal ? kExitFailed : kExitUsage;
  }
  std::printf("%s\n", SolutionJson(*solution).c_str());
  return kExitOk;
}

}  // namespace lifeline::app
