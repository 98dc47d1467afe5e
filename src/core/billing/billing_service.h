// "我家欠多少钱？": an account's balance and bills from the billing system, for a caller who
// may see the account (data scope). docs/design/billing.md.
#pragma once

#include <string_view>

#include "core/billing/billing_snapshot.h"
#include "core/common/error.h"
#include "core/identity/principal.h"
#include "core/ports/billing_system.h"
#include "core/ports/store.h"

namespace lifeline {

class BillingService {
 public:
  BillingService(Store& store, BillingSystem& billing) : store_(store), billing_(billing) {}

  // kNotFound also for an account outside the caller's scope (no probing for who exists).
  [[nodiscard]] Result<BillingSnapshot> ForAccount(const Principal& principal,
                                                   std::string_view account_no);

 private:
  Store& store_;
  BillingSystem& billing_;
};

}  // namespace lifeline
