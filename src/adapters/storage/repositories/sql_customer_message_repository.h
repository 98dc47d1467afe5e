// The customer-message outbox and opt-outs over SQL. The recipient is sealed like every phone
// number (secretbox + blind index); throttling counts by the blind index.
#pragma once

#include "adapters/crypto/pii_cipher.h"
#include "adapters/storage/db.h"
#include "core/ports/notification_repository.h"

namespace lifeline::storage {

class SqlCustomerMessageRepository final : public CustomerMessageRepository {
 public:
  SqlCustomerMessageRepository(Connection& connection, const crypto::PiiCipher& cipher)
      : connection_(connection), cipher_(cipher) {}

  Result<std::optional<std::int64_t>> Insert(const CustomerMessage& message) override;
  Result<CustomerMessage> FindById(std::int64_t id) override;
  Result<std::int64_t> CountRecent(MessageChannelKind channel, std::string_view recipient,
                                   TimeMs since) override;
  Result<std::vector<CustomerMessage>> ClaimDue(TimeMs now, TimeMs hold_until,
                                                std::int64_t limit) override;
  Status SaveOutcome(const CustomerMessage& message) override;
  Result<CustomerMessagePage> List(const CustomerMessageFilter& filter) override;
  Result<bool> OptedOut(std::int64_t customer_id) override;
  Status SetOptOut(std::int64_t customer_id, bool opted_out, std::int64_t by, TimeMs at) override;

 private:
  Result<CustomerMessage> Map(const Row& row) const;
  std::string Index(std::string_view recipient) const;

  Connection& connection_;
  const crypto::PiiCipher& cipher_;
};

}  // namespace lifeline::storage
