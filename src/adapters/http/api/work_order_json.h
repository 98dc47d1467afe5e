// How work orders look in API responses, and reading the deadline settings from a request.
// docs/design/work-orders.md ("API").
#pragma once

#include "adapters/http/api/api_support.h"
#include "adapters/http/json_body.h"
#include "core/workorders/work_order_service.h"

namespace lifeline::http {

Json WorkOrderJson(const WorkOrder& order, const CategoryTree& tree);
Json WorkOrderDetailJson(const WorkOrderDetail& detail, const CategoryTree& tree);
Json WorkOrderPageJson(const WorkOrderPage& page, const WorkOrderFilter& filter,
                       const CategoryTree& tree);
Json CategoryTreeJson(const CategoryTree& tree);
Json DeadlineSettingsJson(const DeadlineSettings& settings);
// The public tracking page: nothing personal.
Json TrackingJson(const TrackingView& view);

Result<DeadlineSettings> ReadDeadlineSettings(const JsonBody& body);

}  // namespace lifeline::http
