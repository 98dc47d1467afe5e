#include "core/common/circuit_breaker.h"

#include <gtest/gtest.h>

namespace lifeline {
namespace {

using State = CircuitBreaker::State;

TEST(CircuitBreaker, OpensAfterConsecutiveFailuresAndRefusesDuringCooldown) {
  CircuitBreaker breaker(3, 1000);
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(breaker.Allow(0));
    breaker.RecordFailure(0);
  }
  EXPECT_EQ(breaker.state(), State::kClosed);
  breaker.RecordSuccess();  // a success in between resets the count
  for (int i = 0; i < 3; ++i) breaker.RecordFailure(10);
  EXPECT_EQ(breaker.state(), State::kOpen);
  EXPECT_FALSE(breaker.Allow(500));
  EXPECT_FALSE(breaker.Allow(1009));
}

TEST(CircuitBreaker, LetsOneTrialThroughAfterCooldown) {
  CircuitBreaker breaker(1, 1000);
  breaker.RecordFailure(0);
  ASSERT_TRUE(breaker.Allow(1000));
  EXPECT_EQ(breaker.state(), State::kHalfOpen);
  EXPECT_FALSE(breaker.Allow(1001)) << "only one trial at a time";
  breaker.RecordFailure(1002);
  EXPECT_EQ(breaker.state(), State::kOpen);
  EXPECT_FALSE(breaker.Allow(1500));
  ASSERT_TRUE(breaker.Allow(2002));
  breaker.RecordSuccess();
  EXPECT_EQ(breaker.state(), State::kClosed);
  EXPECT_TRUE(breaker.Allow(2003));
}

}  // namespace
}  // namespace lifeline
