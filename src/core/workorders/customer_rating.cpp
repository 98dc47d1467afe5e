#include "core/workorders/customer_rating.h"

namespace lifeline {

namespace {

constexpr std::size_t kMaxCommentBytes = 3000;  // about 1,000 Chinese characters

}  // namespace

Status ValidateRating(const CustomerRating& rating) {
  if (rating.satisfaction < 1 || rating.satisfaction > 5) {
    return Fail(Error::Invalid("satisfaction", "satisfaction is 1 to 5"));
  }
  if (rating.comment.size() > kMaxCommentBytes) {
    return Fail(Error::Invalid("comment", "comment must be at most 1,000 characters"));
  }
  return Ok();
}

Status CheckRateable(const WorkOrder& order, bool already_rated) {
  if (already_rated) return Fail(Error::Conflict("this work order has already been rated"));
  const WorkOrderState s = order.state;
  if (s != WorkOrderState::kResolved && s != WorkOrderState::kCallback &&
      s != WorkOrderState::kClosed) {
    return Fail(Error::Conflict("cannot rate a work order that is " +
                                std::string(WorkOrderStateCode(s)) + "; it is not resolved yet"));
  }
  return Ok();
}

}  // namespace lifeline
