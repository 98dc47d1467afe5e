// The core's Store over a Db: transactions, repositories bound to them, and the outbox flush.
//
// Events emitted during a write are inserted just before COMMIT, under the sequencing lock,
// and the store calls `on_events_committed` after a commit that wrote any, so the event hub
// can deliver them at once instead of waiting for its next poll.
#pragma once

#include <functional>

#include "adapters/crypto/pii_cipher.h"
#include "adapters/storage/db.h"
#include "core/ports/clock.h"
#include "core/ports/digest.h"
#include "core/ports/store.h"

namespace lifeline::storage {

inline constexpr std::string_view kEventsChannel = "lifeline_events";

class SqlStore final : public Store {
 public:
  SqlStore(Db& db, const crypto::PiiCipher& cipher, const Digest& digest, const Clock& clock)
      : db_(db), cipher_(cipher), digest_(digest), clock_(clock) {}

  // Set once, before the store is shared between threads.
  void SetOnEventsCommitted(std::function<void()> callback) {
    on_events_committed_ = std::move(callback);
  }

  Status Write(FunctionRef<Status(StoreSession&)> work) override;
  Status Read(FunctionRef<Status(StoreSession&)> work) override;

 private:
  Status WriteOnce(FunctionRef<Status(StoreSession&)> work, bool& wrote_events);

  Db& db_;
  const crypto::PiiCipher& cipher_;
  const Digest& digest_;
  const Clock& clock_;
  std::function<void()> on_events_committed_;
};

}  // namespace lifeline::storage
