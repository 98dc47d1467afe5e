// The deadline settings as every work-order write needs them, read from the store at most once
// per `max_age` per process. Creating an order used to read them in three statements; on
// PostgreSQL that was a third of the create's round trips (bench/RESULTS.md).
//
// Staleness is bounded, not zero: this node forgets the copy at once when it saves settings
// itself; a change saved on another node reaches this one within `max_age` (10 s by default) —
// an administrator editing deadlines does not need it faster, and an order created in those
// seconds gets the deadlines that were in force a moment earlier.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>

#include "core/common/error.h"
#include "core/common/function_ref.h"
#include "core/ports/clock.h"
#include "core/workorders/deadline_policy.h"

namespace lifeline {

class SettingsCache {
 public:
  explicit SettingsCache(const Clock& clock, TimeMs max_age = 10 * kSecondMs)
      : clock_(clock), max_age_(max_age) {}

  // The settings, from the copy while it is fresh, else from `load` (and kept). `load` reads
  // the store, typically `session.WorkOrders().LoadSettings()` of the caller's unit of work.
  [[nodiscard]] Result<std::shared_ptr<const DeadlineSettings>> Get(
      FunctionRef<Result<DeadlineSettings>()> load);
  // Forgets the copy: the next Get reads the store.
  void Invalidate();

 private:
  const Clock& clock_;
  const TimeMs max_age_;
  std::mutex mutex_;
  std::shared_ptr<const DeadlineSettings> settings_;  // shared: readers keep theirs while a
                                                      // newer one replaces it
  TimeMs loaded_at_ = 0;
  // Bumped by Invalidate, so a read that began before a save cannot store what it read.
  std::uint64_t generation_ = 0;
};

}  // namespace lifeline
