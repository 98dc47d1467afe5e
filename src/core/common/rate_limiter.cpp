#include "core/common/rate_limiter.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <iterator>
#include <vector>

namespace lifeline {

void RateLimiter::Refill(Bucket& bucket, TimeMs now) const {
  const TimeMs elapsed = std::max<TimeMs>(0, now - bucket.updated_at);
  const double earned = static_cast<double>(elapsed) * options_.per_minute / kMinuteMs;
  bucket.tokens = std::min<double>(options_.burst, bucket.tokens + earned);
  bucket.updated_at = std::max(bucket.updated_at, now);
}

void RateLimiter::Evict(Shard& shard, TimeMs now) const {
  for (auto it = shard.buckets.begin(); it != shard.buckets.end();) {
    Refill(it->second, now);
    it = it->second.tokens >= options_.burst ? shard.buckets.erase(it) : std::next(it);
  }
  const std::size_t share = std::max<std::size_t>(1, options_.max_keys / kShards);
  if (shard.buckets.size() < share) return;
  // Everyone is busy: forget the half that was seen longest ago.
  std::vector<TimeMs> seen;
  seen.reserve(shard.buckets.size());
  for (const auto& [key, bucket] : shard.buckets) seen.push_back(bucket.updated_at);
  auto middle = seen.begin() + static_cast<std::ptrdiff_t>(seen.size() / 2);
  std::nth_element(seen.begin(), middle, seen.end());
  const TimeMs cutoff = *middle;
  std::size_t to_forget = std::max<std::size_t>(1, shard.buckets.size() / 2);
  for (auto it = shard.buckets.begin(); it != shard.buckets.end() && to_forget > 0;) {
    if (it->second.updated_at <= cutoff) {
      it = shard.buckets.erase(it);
      --to_forget;
    } else {
      ++it;
    }
  }
}

RateLimiter::Decision RateLimiter::Take(std::string_view key, TimeMs now) {
  if (!enabled()) return {};
  Shard& shard = shards_[std::hash<std::string_view>{}(key) % kShards];
  std::lock_guard lock(shard.mutex);
  auto found = shard.buckets.find(std::string(key));
  if (found == shard.buckets.end()) {
    if (shard.buckets.size() >= std::max<std::size_t>(1, options_.max_keys / kShards)) {
      Evict(shard, now);
    }
    found = shard.buckets.emplace(std::string(key), Bucket{double(options_.burst), now}).first;
  }
  Bucket& bucket = found->second;
  Refill(bucket, now);
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return {};
  }
  const double wait_ms = (1 - bucket.tokens) * kMinuteMs / options_.per_minute;
  return {false, std::max(1, static_cast<int>(std::ceil(wait_ms / kSecondMs)))};
}

std::size_t RateLimiter::remembered() {
  std::size_t total = 0;
  for (Shard& shard : shards_) {
    std::lock_guard lock(shard.mutex);
    total += shard.buckets.size();
  }
  return total;
}

}  // namespace lifeline
