// A domain event: the record that something changed. Written to the outbox in the same
// transaction as the change, then delivered in order (by id) to subscribers and webhooks.
#pragma once

#include <cstdint>
#include <string>

#include "core/common/fields.h"
#include "core/common/time.h"

namespace lifeline {

struct DomainEvent {
  std::string topic;    // coarse stream a subscriber filters on: "user", "customer", "auth" ...
  std::string type;     // what happened: "user.created", "user.disabled" ...
  std::string subject;  // the record it is about: "user/12"
  Fields data;
};

// An event as stored and delivered: with its position in the stream and its time.
struct StoredEvent {
  std::int64_t id = 0;
  TimeMs at = 0;
  std::string topic;
  std::string type;
  std::string subject;
  std::string data_json;  // rendered by the storage adapter; opaque to the core
};

}  // namespace lifeline
