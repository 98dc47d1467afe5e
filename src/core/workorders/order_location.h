// Where a work order is on the city plane (km east and north of the centre), for travel times:
// the account's building, else its community, else the order's district centre; nullopt when
// none of these is known. Used by the assignee suggestions and the day plan.
#pragma once

#include <optional>

#include "core/common/error.h"
#include "core/dispatch/travel_matrix.h"
#include "core/ports/store.h"
#include "core/workorders/work_order.h"

namespace lifeline {

[[nodiscard]] Result<std::optional<dispatch::Point>> OrderLocation(StoreSession& session,
                                                                   const WorkOrder& order);

}  // namespace lifeline
