#include "core/common/rate_limiter.h"

#include <gtest/gtest.h>

#include <string>

namespace lifeline {
namespace {

TEST(RateLimiter, AllowsTheBurstThenRefusesWithRetryAfter) {
  RateLimiter limiter({.per_minute = 60, .burst = 3});
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.Take("10.0.0.1", 1000).allowed) << i;
  auto refused = limiter.Take("10.0.0.1", 1000);
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.retry_after_seconds, 1);  // one token a second at 60 a minute
}

TEST(RateLimiter, RefillsWithTimeUpToTheBurst) {
  RateLimiter limiter({.per_minute = 60, .burst = 2});
  EXPECT_TRUE(limiter.Take("a", 0).allowed);
  EXPECT_TRUE(limiter.Take("a", 0).allowed);
  EXPECT_FALSE(limiter.Take("a", 0).allowed);
  EXPECT_TRUE(limiter.Take("a", 1000).allowed);  // one second: one token
  EXPECT_FALSE(limiter.Take("a", 1000).allowed);
  // A long pause refills to the burst, no further.
  EXPECT_TRUE(limiter.Take("a", 3'600'000).allowed);
  EXPECT_TRUE(limiter.Take("a", 3'600'000).allowed);
  EXPECT_FALSE(limiter.Take("a", 3'600'000).allowed);
}

TEST(RateLimiter, KeysAreIndependent) {
  RateLimiter limiter({.per_minute = 1, .burst = 1});
  EXPECT_TRUE(limiter.Take("a", 0).allowed);
  EXPECT_FALSE(limiter.Take("a", 0).allowed);
  EXPECT_TRUE(limiter.Take("b", 0).allowed);
  EXPECT_EQ(limiter.Take("a", 0).retry_after_seconds, 60);
}

TEST(RateLimiter, ZeroPerMinuteMeansNoLimit) {
  RateLimiter limiter({.per_minute = 0, .burst = 0});
  for (int i = 0; i < 1000; ++i) ASSERT_TRUE(limiter.Take("a", 0).allowed);
}

TEST(RateLimiter, MemoryStaysBoundedUnderManyClients) {
  RateLimiter limiter({.per_minute = 60, .burst = 5, .max_keys = 160});
  // Every client spends a token, so none has refilled: eviction must fall back to age.
  for (int i = 0; i < 10000; ++i) {
    ASSERT_TRUE(limiter.Take("client-" + std::to_string(i), i).allowed) << i;
  }
  EXPECT_LE(limiter.remembered(), 160u + 16u);
  EXPECT_GE(limiter.remembered(), 16u);
}

TEST(RateLimiter, EvictionForgetsTheIdleBeforeTheBusy) {
  RateLimiter limiter({.per_minute = 1, .burst = 1, .max_keys = 64});
  EXPECT_TRUE(limiter.Take("busy", 100).allowed);
  // Hundreds of older one-off clients pass through every shard.
  for (int i = 0; i < 500; ++i) limiter.Take("other-" + std::to_string(i), 0);
  // The busy client was seen last, so it is still remembered: its bucket is still empty.
  EXPECT_FALSE(limiter.Take("busy", 100).allowed);
}

}  // namespace
}  // namespace lifeline
