// Recording contacts and reading a customer's timeline, under the caller's data scope.
// docs/design/interactions.md.
#pragma once

#include <cstdint>
#include <vector>

#include "core/common/error.h"
#include "core/customers/customer.h"
#include "core/identity/principal.h"
#include "core/interactions/interaction.h"
#include "core/ports/clock.h"
#include "core/ports/store.h"

namespace lifeline {

class InteractionService {
 public:
  InteractionService(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // `draft.started_at` 0 means now; `ended_at` 0 means the same as started_at.
  [[nodiscard]] Result<Interaction> Record(const Principal& actor, Interaction draft);
  // Record's unit of work inside the caller's transaction (the portal records the contact and
  // the order it creates together). Fills in the id and times; checks no permission.
  [[nodiscard]] Status RecordIn(StoreSession& session, const Principal& actor,
                                Interaction& draft) const;
  // kNotFound when the customer does not exist or is outside the caller's scope.
  [[nodiscard]] Result<std::vector<Interaction>> Timeline(const Principal& actor,
                                                          std::int64_t customer_id,
                                                          std::size_t limit);
  // For the screen pop: `customer` as already presented to the caller (scope applied), so it
  // is not read again.
  [[nodiscard]] Result<std::vector<Interaction>> RecentFor(const Principal& actor,
                                                           const Customer& customer,
                                                           std::size_t limit);
  // One contact with the work orders it created; kNotFound when absent or when its customer is
  // outside the caller's scope.
  [[nodiscard]] Result<Interaction> Get(const Principal& actor, std::int64_t id);

 private:
  std::vector<Interaction> MaskedFor(const Principal& actor, std::vector<Interaction> found) const;

  Store& store_;
  const Clock& clock_;
};

}  // namespace lifeline
