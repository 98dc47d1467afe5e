// A circuit breaker for calls to another system: after `failure_threshold` consecutive
// failures it opens and refuses calls for `cooldown_ms`, then lets one trial call through
// (half-open); its success closes the breaker, its failure opens it again. Not thread-safe:
// callers hold it under their own lock. docs/design/billing.md.
#pragma once

#include <cstdint>

#include "core/common/time.h"

namespace lifeline {

class CircuitBreaker {
 public:
  enum class State { kClosed, kOpen, kHalfOpen };

  CircuitBreaker(int failure_threshold, TimeMs cooldown_ms)
      : failure_threshold_(failure_threshold), cooldown_ms_(cooldown_ms) {}

  // Whether a call may go ahead at `now`; moves an open breaker whose cooldown has passed to
  // half-open and admits exactly one trial call.
  bool Allow(TimeMs now);
  void RecordSuccess();
  void RecordFailure(TimeMs now);
  State state() const { return state_; }

 private:
  int failure_threshold_;
  TimeMs cooldown_ms_;
  State state_ = State::kClosed;
  int consecutive_failures_ = 0;
  TimeMs opened_at_ = 0;
  bool trial_in_flight_ = false;
};

}  // namespace lifeline
