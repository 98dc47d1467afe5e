// The customer's own rating of a finished order (评价), given on the public tracking page with
// no login: once per order, only after it was resolved. It flags an unhappy customer for
// review; it does not close the order (the agent's callback does). docs/design/work-orders.md.
#pragma once

#include <string>

#include "core/common/error.h"
#include "core/common/time.h"
#include "core/workorders/work_order.h"

namespace lifeline {

struct CustomerRating {
  int satisfaction = 0;  // 1–5
  std::string comment{};
  TimeMs rated_at = 0;
};

// Satisfaction 1–5, a comment of at most 1,000 characters: 400 naming the field.
Status ValidateRating(const CustomerRating& rating);

// The order may be rated: resolved, in callback or closed, and not rated before; 409 naming the
// state (or the earlier rating) otherwise.
Status CheckRateable(const WorkOrder& order, bool already_rated);

// A rating this low flags the order for a supervisor (needs_review).
inline constexpr int kReviewAtOrBelow = 2;

}  // namespace lifeline
