// Settings as every work-order write needs them — the deadline settings, the routing rules —
// read from the store at most once per `max_age` per process. Creating an order used to read
// them on every create: the deadlines in three statements (on PostgreSQL a third of the
// create's round trips), the rules in one more (bench/RESULTS.md).
//
// Staleness is bounded, not zero: this node forgets the copy at once when it saves settings
// itself; a change saved on another node reaches this one within `max_age` (10 s by default) —
// an administrator editing deadlines or rules does not need it faster, and an order created in
// those seconds gets the deadlines and the routing that were in force a moment earlier.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <utility>

#include "core/common/error.h"
#include "core/common/function_ref.h"
#include "core/ports/clock.h"

namespace lifeline {

template <class Settings>
class SettingsCache {
 public:
  explicit SettingsCache(const Clock& clock, TimeMs max_age = 10 * kSecondMs)
      : clock_(clock), max_age_(max_age) {}

  // The settings, from the copy while it is fresh, else from `load` (and kept). `load` reads
  // the store, typically through the repository of the caller's unit of work.
  [[nodiscard]] Result<std::shared_ptr<const Settings>> Get(FunctionRef<Result<Settings>()> load) {
    const TimeMs now = clock_.NowMs();
    std::uint64_t generation = 0;
    {
      std::lock_guard lock(mutex_);
      if (settings_ && now - loaded_at_ < max_age_ && now >= loaded_at_) return settings_;
      generation = generation_;
    }
    // Read without the lock: a slow database must not stall the writers that hold a fresh copy.
    auto loaded = load();
    if (!loaded) return Fail(loaded.error());
    auto fresh = std::make_shared<const Settings>(std::move(*loaded));
    std::lock_guard lock(mutex_);
    if (generation == generation_) {
      settings_ = fresh;
      loaded_at_ = now;
    }
    return fresh;
  }

  // Forgets the copy: the next Get reads the store.
  void Invalidate() {
    std::lock_guard lock(mutex_);
    settings_.reset();
    ++generation_;
  }

 private:
  const Clock& clock_;
  const TimeMs max_age_;
  std::mutex mutex_;
  std::shared_ptr<const Settings> settings_;  // shared: readers keep theirs while a newer one
                                              // replaces it
  TimeMs loaded_at_ = 0;
  // Bumped by Invalidate, so a read that began before a save cannot store what it read.
  std::uint64_t generation_ = 0;
};

}  // namespace lifeline
