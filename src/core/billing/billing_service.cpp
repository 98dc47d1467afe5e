#include "core/billing/billing_service.h"

#include <algorithm>

#include "core/customers/customer_service.h"

namespace lifeline {

Result<BillingSnapshot> BillingService::ForAccount(const Principal& principal,
                                                   std::string_view account_no) {
  if (auto s = principal.Require(Permission::kCustomerRead); !s) return Fail(s.error());
  bool visible = false;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto holder = session.Customers().FindByAccountNo(account_no);
    if (!holder) return Fail(holder.error());
    if (!RestrictToScope(*holder, principal.scope)) return Ok();
    visible = std::ranges::any_of(holder->accounts,
                                  [&](const Account& a) { return a.account_no == account_no; });
    return Ok();
  });
  if (!read) return Fail(read.error());
  if (!visible) return Fail(Error::NotFound("account not found"));
  // Outside the transaction: the billing system may be slow, and no connection is held for it.
  return billing_.Snapshot(account_no);
}

}  // namespace lifeline
