// Base for contract tests: each TEST_P runs once on SQLite and once on PostgreSQL, against a
// fresh migrated database and the real services.
#pragma once

#include <gtest/gtest.h>

#include "tests/support/service_fixture.h"
#include "tests/support/test_database.h"

namespace lifeline::testing {

class BackendTest : public ::testing::TestWithParam<Backend> {
 protected:
  TestDatabase database{GetParam()};
  ServiceFixture services{database.db()};
};

inline std::string BackendTestName(const ::testing::TestParamInfo<Backend>& info) {
  return BackendName(info.param);
}

}  // namespace lifeline::testing

#define LIFELINE_ON_BOTH_BACKENDS(Suite)                                               \
  INSTANTIATE_TEST_SUITE_P(Backends, Suite,                                            \
                           ::testing::Values(::lifeline::testing::Backend::kSqlite,    \
                                             ::lifeline::testing::Backend::kPostgres), \
                           ::lifeline::testing::BackendTestName)
