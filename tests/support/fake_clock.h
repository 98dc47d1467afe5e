#pragma once

#include <atomic>

#include "core/ports/clock.h"

namespace lifeline::testing {

// A clock that moves only when a test moves it.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(TimeMs start = 1'763'164'800'000) : now_(start) {}  // 2025-11-15 08:00 CST
  TimeMs NowMs() const override { return now_.load(); }
  void Advance(TimeMs by) { now_ += by; }
  void Set(TimeMs at) { now_ = at; }

 private:
  std::atomic<TimeMs> now_;
};

}  // namespace lifeline::testing
