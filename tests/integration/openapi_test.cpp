// docs/openapi.yaml describes every served route, and nothing that is not served.
#include <gmock/gmock.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "tests/support/server_process.h"
#include "tests/support/test_database.h"

namespace lifeline::testing {
namespace {

// "GET /api/v1/users" for every path and method in the document. The document is written
// with two-space indentation: paths at depth one, methods at depth two.
std::set<std::string> DocumentedRoutes(const std::filesystem::path& file) {
  std::ifstream in(file);
  EXPECT_TRUE(in.good()) << file;
  const std::regex path_line(R"(^  (/[^:]*):\s*$)");
  const std::regex method_line(R"(^    (get|post|put|patch|delete):\s*$)");
  std::set<std::string> routes;
  std::string line, path;
  bool in_paths = false;
  while (std::getline(in, line)) {
    if (line == "paths:")
      in_paths = true;
    else if (!line.empty() && line[0] != ' ')
      in_paths = false;
    if (!in_paths) continue;
    std::smatch match;
    if (std::regex_match(line, match, path_line))
      path = match[1];
    else if (std::regex_match(line, match, method_line)) {
      std::string method = match[1];
      for (char& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      routes.insert(method + " " + path);
    }
  }
  return routes;
}

TEST(OpenApi, EveryServedRouteIsDocumentedAndEveryDocumentedRouteIsServed) {
  TestDatabase database(Backend::kSqlite);
  database.Close();
  CommandResult listed = RunLifeline({"routes", "--data", database.data_dir().string()});
  ASSERT_EQ(listed.exit_code, 0) << listed.output;
  std::set<std::string> served;
  std::istringstream lines(listed.output);
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with("GET ") || line.starts_with("POST ") || line.starts_with("PUT ") ||
        line.starts_with("PATCH ") || line.starts_with("DELETE ")) {
      served.insert(line);
    }
  }
  const char* source = std::getenv("LIFELINE_SOURCE_DIR");
  ASSERT_NE(source, nullptr) << "LIFELINE_SOURCE_DIR is set by ctest";
  const std::set<std::string> documented =
      DocumentedRoutes(std::filesystem::path(source) / "docs/openapi.yaml");
  ASSERT_GT(served.size(), 10u);
  for (const std::string& route : served) {
    EXPECT_TRUE(documented.contains(route))
        << route << " is served but missing from docs/openapi.yaml";
  }
  for (const std::string& route : documented) {
    EXPECT_TRUE(served.contains(route)) << route << " is documented but not served";
  }
}

}  // namespace
}  // namespace lifeline::testing
