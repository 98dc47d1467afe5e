#pragma once

#include "core/common/error.h"

namespace lifeline {

// Re-runs a read-modify-write transaction that lost an optimistic-concurrency race (kConflict
// from a stale version). Only for transactions that re-read what they change, so a retry works
// on fresh data.
template <class Attempt>
Status RetryOnConflict(int attempts, Attempt&& attempt) {
  Status status = attempt();
  for (int i = 1; i < attempts && !status && status.error().code == ErrorCode::kConflict; ++i) {
    status = attempt();
  }
  return status;
}

}  // namespace lifeline
