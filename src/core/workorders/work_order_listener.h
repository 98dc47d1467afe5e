// Told of every work-order transition inside its unit of work, so that what hangs on an order
// (an appointment's booking) follows it in the same transaction: resolving an appointment order
// completes its booking, cancelling it frees the slot.
#pragma once

#include "core/common/error.h"
#include "core/identity/principal.h"
#include "core/ports/store.h"
#include "core/workorders/work_order.h"

namespace lifeline {

class WorkOrderListener {
 public:
  virtual ~WorkOrderListener() = default;
  // An error rolls the whole transition back.
  [[nodiscard]] virtual Status OnTransition(StoreSession& session, const Principal& actor,
                                            const WorkOrder& before, const WorkOrder& after) = 0;
};

}  // namespace lifeline
