// A demo city seeded through the real CLI and served by the real binary, once per backend per
// test process, shared by the tests of that process (they only add to it).
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "tests/support/http_client.h"
#include "tests/support/server_process.h"
#include "tests/support/test_database.h"

namespace lifeline::testing {

inline constexpr int kCityCustomers = 2000;
inline constexpr const char* kDemoPassword = "Lifeline2026";

struct ServedCity {
  explicit ServedCity(Backend backend);

  TestDatabase database;
  std::unique_ptr<ServerProcess> server;

  HttpClient http() const { return HttpClient(server->port()); }
  std::vector<std::string> storage_args() const {
    return StorageArgs(database.data_dir(), database.db_url());
  }
  // A phone number of the demo city's first customer (the generator's first mobile number).
  static std::string FirstCustomerPhone() { return "13013579246"; }
};

class CityTest : public ::testing::TestWithParam<Backend> {
 protected:
  ServedCity& City() const;
  static void TearDownTestSuite();
  HttpClient http() const { return City().http(); }
  std::string LoginAs(const std::string& username) const {
    return http().Login(username, kDemoPassword);
  }
};

inline std::string CityTestName(const ::testing::TestParamInfo<Backend>& info) {
  return BackendName(info.param);
}

}  // namespace lifeline::testing

#define LIFELINE_CITY_ON_BOTH_BACKENDS(Suite)                                          \
  INSTANTIATE_TEST_SUITE_P(Backends, Suite,                                            \
                           ::testing::Values(::lifeline::testing::Backend::kSqlite,    \
                                             ::lifeline::testing::Backend::kPostgres), \
                           ::lifeline::testing::CityTestName)
