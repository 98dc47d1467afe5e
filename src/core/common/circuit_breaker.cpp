#include "core/common/circuit_breaker.h"

namespace lifeline {

bool CircuitBreaker::Allow(TimeMs now) {
  switch (state_) {
    case State::kClosed:
      return true;
    case State::kOpen:
      if (now - opened_at_ < cooldown_ms_) return false;
      state_ = State::kHalfOpen;
      trial_in_flight_ = true;
      return true;
    case State::kHalfOpen:
      if (trial_in_flight_) return false;
      trial_in_flight_ = true;
      return true;
  }
  return false;
}

void CircuitBreaker::RecordSuccess() {
  state_ = State::kClosed;
  consecutive_failures_ = 0;
  trial_in_flight_ = false;
}

void CircuitBreaker::RecordFailure(TimeMs now) {
  trial_in_flight_ = false;
  ++consecutive_failures_;
  if (state_ == State::kHalfOpen || consecutive_failures_ >= failure_threshold_) {
    state_ = State::kOpen;
    opened_at_ = now;
  }
}

}  // namespace lifeline
