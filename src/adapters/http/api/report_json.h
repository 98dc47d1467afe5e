// JSON of work-order reports and their drill-downs (docs/design/reports.md, "API").
#pragma once

#include "adapters/http/api/api_support.h"
#include "core/reports/report_service.h"

namespace lifeline::http {

Json WorkOrderReportJson(const WorkOrderReport& report);
Json ReportOrderPageJson(const ReportOrderPage& page, std::int64_t offset, std::int64_t limit,
                         const CategoryTree& tree);

}  // namespace lifeline::http
