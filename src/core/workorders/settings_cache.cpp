#include "core/workorders/settings_cache.h"

namespace lifeline {

Result<std::shared_ptr<const DeadlineSettings>> SettingsCache::Get(
    FunctionRef<Result<DeadlineSettings>()> load) {
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
  auto fresh = std::make_shared<const DeadlineSettings>(std::move(*loaded));
  std::lock_guard lock(mutex_);
  if (generation == generation_) {
    settings_ = fresh;
    loaded_at_ = now;
  }
  return fresh;
}

void SettingsCache::Invalidate() {
  std::lock_guard lock(mutex_);
  settings_.reset();
  ++generation_;
}

}  // namespace lifeline
