// Interactions (contacts) on customers' timelines. Append-only.
#pragma once

#include <cstdint>
#include <vector>

#include "core/common/error.h"
#include "core/interactions/interaction.h"

namespace lifeline {

class InteractionRepository {
 public:
  virtual ~InteractionRepository() = default;
  virtual Result<std::int64_t> Insert(const Interaction& interaction) = 0;
  // Newest first, at most `limit`, with the handling agent's name.
  virtual Result<std::vector<Interaction>> ForCustomer(std::int64_t customer_id,
                                                       std::size_t limit) = 0;

  // With the handling agent's name; kNotFound when absent.
  virtual Result<Interaction> FindById(std::int64_t id) = 0;
  // The work orders created from the customer's contacts, oldest first.
  virtual Result<std::vector<LinkedWorkOrder>> LinkedOrdersOfCustomer(std::int64_t customer_id) = 0;
  // The work orders created from one contact, oldest first.
  virtual Result<std::vector<LinkedWorkOrder>> LinkedOrders(std::int64_t interaction_id) = 0;
};

}  // namespace lifeline
