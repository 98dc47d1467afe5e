// The utility's billing system (营收系统), which owns balances and arrears. docs/design/billing.md.
#pragma once

#include <string_view>

#include "core/billing/billing_snapshot.h"
#include "core/common/error.h"

namespace lifeline {

class BillingSystem {
 public:
  virtual ~BillingSystem() = default;
  // kNotFound for an account billing does not know; kUnavailable when billing cannot answer.
  // May block (a network call): call it from a worker thread.
  virtual Result<BillingSnapshot> Snapshot(std::string_view account_no) = 0;
};

}  // namespace lifeline
