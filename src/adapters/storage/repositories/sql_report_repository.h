// Work-order reports in SQL: GROUP BY over the orders created in a period (covering index
// work_orders_report, migration 012), one statement per grouping key and filter shape, put
// together from fixed fragments.
#pragma once

#include "adapters/storage/db.h"
#include "core/ports/report_repository.h"

namespace lifeline::storage {

class SqlReportRepository final : public ReportRepository {
 public:
  explicit SqlReportRepository(Connection& connection) : connection_(connection) {}
  Result<std::vector<ReportRow>> Aggregate(const ReportScope& scope, ReportKey key) override;
  Result<std::vector<CategoryCount>> TopCategories(const ReportScope& scope,
                                                   std::int64_t limit) override;
  Result<RepeatCallerSummary> RepeatCallers(const ReportScope& scope, std::int64_t top) override;
  Result<ReportOrderPage> Orders(const ReportScope& scope, std::optional<ReportMetric> metric,
                                 std::int64_t offset, std::int64_t limit) override;
  Status EachOrder(const ReportScope& scope, std::optional<ReportMetric> metric, std::int64_t page,
                   ReportOrderVisitor visit) override;

 private:
  Connection& connection_;
};

}  // namespace lifeline::storage
