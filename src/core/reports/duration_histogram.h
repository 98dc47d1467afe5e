// Time to resolve, as a bounded histogram: the database counts resolved orders per bucket
// (GROUP BY), groups merge by adding buckets, and the p90 is read off the merged counts.
//
// Buckets, by the duration d in whole minutes (floor): 1 minute wide below 2 hours, 10 minutes
// below a day, 1 hour below 10 days, 1 day beyond — at most ~700 buckets per group. A
// percentile is the lower edge of the bucket holding the nearest-rank element, so it is exact
// whenever the durations are whole minutes (< 2 h), whole 10 minutes (< 1 day), whole hours
// (< 10 days) or whole days; otherwise it is low by less than one bucket width (under 1/12 of
// the value). The SQL in sql_report_repository.cpp computes BucketOf() the same way.
#pragma once

#include <cstdint>
#include <map>
#include <optional>

#include "core/common/time.h"

namespace lifeline {

// The bucket of a duration, as its lower edge in minutes.
std::int64_t DurationBucketOf(TimeMs duration);

class DurationHistogram {
 public:
  void Add(std::int64_t bucket_minutes, std::int64_t count);
  void Merge(const DurationHistogram& other);
  std::int64_t count() const { return count_; }
  // Nearest rank: the smallest bucket whose cumulative count reaches ceil(q · n); q in (0, 1].
  // None when empty.
  std::optional<TimeMs> Quantile(double q) const;

 private:
  std::map<std::int64_t, std::int64_t> buckets_;
  std::int64_t count_ = 0;
};

}  // namespace lifeline
