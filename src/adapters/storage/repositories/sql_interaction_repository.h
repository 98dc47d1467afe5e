#pragma once

#include "adapters/crypto/pii_cipher.h"
#include "adapters/storage/db.h"
#include "core/ports/interaction_repository.h"

namespace lifeline::storage {

class SqlInteractionRepository final : public InteractionRepository {
 public:
  SqlInteractionRepository(Connection& connection, const crypto::PiiCipher& cipher)
      : connection_(connection), cipher_(cipher) {}
  Result<std::int64_t> Insert(const Interaction& interaction) override;
  Result<std::vector<Interaction>> ForCustomer(std::int64_t customer_id,
                                               std::size_t limit) override;
  Result<Interaction> FindById(std::int64_t id) override;
  Result<std::vector<LinkedWorkOrder>> LinkedOrdersOfCustomer(std::int64_t customer_id) override;
  Result<std::vector<LinkedWorkOrder>> LinkedOrders(std::int64_t interaction_id) override;

 private:
  Result<Interaction> Map(const Row& row) const;

  Connection& connection_;
  const crypto::PiiCipher& cipher_;
};

}  // namespace lifeline::storage
