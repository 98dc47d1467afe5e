#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/common/error.h"
#include "core/events/domain_event.h"

namespace lifeline {

// The outbox: events appended in a transaction become visible, in id order, when it commits.
class EventLog {
 public:
  virtual ~EventLog() = default;
  // Queues `event` to be written with this transaction; nothing is written if it rolls back.
  virtual void Emit(DomainEvent event) = 0;
  // Events with id > after, oldest first, at most `limit`; `topics` empty means all.
  virtual Result<std::vector<StoredEvent>> ReadAfter(std::int64_t after,
                                                     const std::vector<std::string>& topics,
                                                     int limit) = 0;
  virtual Result<std::int64_t> LatestId() = 0;
};

}  // namespace lifeline
