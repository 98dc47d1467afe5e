// The built-in billing source: Lifeline's own accounts and bills tables (the demo city, or a
// utility that loads nightly extracts).
#pragma once

#include "core/ports/billing_system.h"
#include "core/ports/clock.h"
#include "core/ports/store.h"

namespace lifeline {

class StoreBillingSystem final : public BillingSystem {
 public:
  StoreBillingSystem(Store& store, const Clock& clock) : store_(store), clock_(clock) {}
  Result<BillingSnapshot> Snapshot(std::string_view account_no) override;

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace lifeline
