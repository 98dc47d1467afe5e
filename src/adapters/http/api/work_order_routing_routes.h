// The routing routes of the work-order API: the editable category tree, the routing rules and
// the assignee suggestions. Registered by AddWorkOrderRoutes. docs/design/work-orders.md
// ("Routing").
#pragma once

#include "adapters/http/router.h"
#include "core/workorders/work_order_service.h"

namespace lifeline::http {

void AddWorkOrderRoutingRoutes(Router& router, WorkOrderService& orders);

}  // namespace lifeline::http
