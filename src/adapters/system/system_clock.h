#pragma once

#include <chrono>

#include "core/ports/clock.h"

namespace lifeline::system {

class SystemClock final : public Clock {
 public:
  TimeMs NowMs() const override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

}  // namespace lifeline::system
