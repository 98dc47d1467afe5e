// The customer's rating: the shape of a rating and the states in which an order takes one.
#include "core/workorders/customer_rating.h"

#include <gtest/gtest.h>

namespace lifeline {
namespace {

TEST(ValidateRating, SatisfactionOneToFiveAndABoundedComment) {
  EXPECT_TRUE(ValidateRating({.satisfaction = 1}));
  EXPECT_TRUE(ValidateRating({.satisfaction = 5, .comment = "师傅很快"}));
  for (int bad : {0, 6, -1}) {
    auto refused = ValidateRating({.satisfaction = bad});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().field, "satisfaction");
  }
  auto long_comment = ValidateRating({.satisfaction = 3, .comment = std::string(3001, 'x')});
  ASSERT_FALSE(long_comment);
  EXPECT_EQ(long_comment.error().field, "comment");
}

TEST(CheckRateable, OnlyOnceAndOnlyAfterResolution) {
  WorkOrder order;
  for (WorkOrderState state : kAllWorkOrderStates) {
    order.state = state;
    const bool finished = state == WorkOrderState::kResolved ||
                          state == WorkOrderState::kCallback || state == WorkOrderState::kClosed;
    auto checked = CheckRateable(order, false);
    EXPECT_EQ(checked.has_value(), finished) << WorkOrderStateCode(state);
    if (!finished) {
      EXPECT_EQ(checked.error().code, ErrorCode::kConflict);
      EXPECT_NE(checked.error().message.find(WorkOrderStateCode(state)), std::string::npos)
          << "names the state";
    }
  }
  order.state = WorkOrderState::kClosed;
  auto twice = CheckRateable(order, true);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
}

}  // namespace
}  // namespace lifeline
