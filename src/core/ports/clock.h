#pragma once

#include "core/common/time.h"

namespace lifeline {

// The current time. Production reads the system clock; tests move a fake one by hand.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimeMs NowMs() const = 0;
};

}  // namespace lifeline
