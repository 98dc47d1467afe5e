#include "core/reports/duration_histogram.h"

#include <cmath>

namespace lifeline {

std::int64_t DurationBucketOf(TimeMs duration) {
  const std::int64_t minutes = duration < 0 ? 0 : duration / kMinuteMs;
  if (minutes < 120) return minutes;
  if (minutes < 1440) return minutes / 10 * 10;
  if (minutes < 14400) return minutes / 60 * 60;
  return minutes / 1440 * 1440;
}

void DurationHistogram::Add(std::int64_t bucket_minutes, std::int64_t count) {
  if (count <= 0) return;
  buckets_[bucket_minutes] += count;
  count_ += count;
}

void DurationHistogram::Merge(const DurationHistogram& other) {
  for (const auto& [bucket, count] : other.buckets_) Add(bucket, count);
}

std::optional<TimeMs> DurationHistogram::Quantile(double q) const {
  if (count_ == 0) return std::nullopt;
  auto rank = static_cast<std::int64_t>(std::ceil(q * static_cast<double>(count_) - 1e-9));
  if (rank < 1) rank = 1;
  std::int64_t seen = 0;
  for (const auto& [bucket, count] : buckets_) {
    seen += count;
    if (seen >= rank) return bucket * kMinuteMs;
  }
  return buckets_.rbegin()->first * kMinuteMs;
}

}  // namespace lifeline
