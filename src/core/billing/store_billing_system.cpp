#include "core/billing/store_billing_system.h"

#include <algorithm>

namespace lifeline {

Result<BillingSnapshot> StoreBillingSystem::Snapshot(std::string_view account_no) {
  BillingSnapshot snapshot;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto holder = session.Customers().FindByAccountNo(account_no);
    if (!holder) return Fail(holder.error());
    const auto account = std::ranges::find(holder->accounts, account_no, &Account::account_no);
    if (account == holder->accounts.end()) return Fail(Error::NotFound("account not found"));
    snapshot.account_no = account->account_no;
    snapshot.balance_fen = account->balance_fen;
    snapshot.arrears_fen = account->arrears_fen;
    for (const Bill& bill : account->recent_bills) {
      snapshot.recent_bills.push_back(
          {bill.period, bill.usage, bill.amount_fen, bill.paid_fen, bill.due_at});
    }
    return Ok();
  });
  if (!read) return Fail(read.error());
  snapshot.source = "lifeline";
  snapshot.as_of = clock_.NowMs();
  return snapshot;
}

}  // namespace lifeline
