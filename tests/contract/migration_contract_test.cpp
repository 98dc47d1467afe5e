// Migrations on both backends: a database that missed a lower-numbered migration (two lines of
// work numbered theirs out of order) still gets it, and running again applies nothing.
#include <gmock/gmock.h>

#include "adapters/storage/migrations.h"
#include "tests/contract/backend_test.h"

namespace lifeline::testing {
namespace {

class MigrationContract : public BackendTest {};

TEST_P(MigrationContract, AMissingLowerMigrationIsAppliedAndNothingTwice) {
  {
    auto connection = database.db().Acquire(storage::Access::kWrite);
    ASSERT_TRUE(connection.has_value());
    // Undo migration 2 as if this database had never seen it, keeping 3 and later (the
    // tables of 009 and 010 that refer to orders go too: their foreign keys would keep
    // work_orders on PostgreSQL).
    for (const char* table :
         {"notifications", "customer_messages", "work_order_attachments",
          "work_order_calendar_dates", "work_order_calendar", "work_order_deadline_policies",
          "work_order_transitions", "work_orders"}) {
      ASSERT_TRUE((*connection)->ExecScript(std::string("DROP TABLE ") + table).has_value())
          << table;
    }
    ASSERT_TRUE(
        (*connection)->ExecScript("DELETE FROM schema_migrations WHERE version = 2").has_value());
  }  // the connection goes back to the pool for Migrate

  auto report = storage::Migrate(database.db());
  ASSERT_TRUE(report.has_value()) << report.error().message;
  EXPECT_EQ(report->applied, 1);
  auto again = storage::Migrate(database.db());
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->applied, 0);
  EXPECT_EQ(again->current_version, report->current_version);

  auto check = database.db().Acquire(storage::Access::kRead);
  ASSERT_TRUE(check.has_value());
  EXPECT_TRUE((*check)->ExecScript("SELECT COUNT(*) FROM work_orders").has_value());
}

LIFELINE_ON_BOTH_BACKENDS(MigrationContract);

}  // namespace
}  // namespace lifeline::testing
