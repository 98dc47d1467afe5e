// Token buckets keyed by a client (its address): each key earns `per_minute` tokens a minute up
// to `burst`, and a request spends one. It guards the open doors — the public portal and
// tracking routes, the login — so one address cannot flood the queue or guess tracking codes,
// while a household refreshing its tracking page never notices. docs/design/server.md.
//
// Thread-safe; the keys are spread over shards, each with its own lock, held only for the
// arithmetic. Memory is bounded: a shard that reaches its share of `max_keys` forgets every
// bucket that has refilled (an idle client loses nothing by being forgotten), and if that frees
// nothing, the oldest half.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/common/time.h"

namespace lifeline {

class RateLimiter {
 public:
  struct Options {
    int per_minute = 120;           // 0: no limit
    int burst = 60;                 // the bucket's size: requests allowed at once
    std::size_t max_keys = 100000;  // clients remembered at a time
  };

  struct Decision {
    bool allowed = true;
    int retry_after_seconds = 0;  // when refused: when the next token arrives
  };

  explicit RateLimiter(Options options) : options_(options) {}

  Decision Take(std::string_view key, TimeMs now);
  bool enabled() const { return options_.per_minute > 0; }
  // How many clients are remembered now (for tests and metrics).
  std::size_t remembered();

 private:
  struct Bucket {
    double tokens = 0;
    TimeMs updated_at = 0;
  };
  struct Shard {
    std::mutex mutex;
    std::unordered_map<std::string, Bucket> buckets;
  };
  static constexpr std::size_t kShards = 16;

  void Refill(Bucket& bucket, TimeMs now) const;
  void Evict(Shard& shard, TimeMs now) const;

  Options options_;
  std::array<Shard, kShards> shards_;
};

}  // namespace lifeline
