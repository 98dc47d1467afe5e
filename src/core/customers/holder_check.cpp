#include "core/customers/holder_check.h"

#include <algorithm>

namespace lifeline {

bool IsPhoneLast4(std::string_view digits) {
  return digits.size() == 4 &&
         std::ranges::all_of(digits, [](char c) { return c >= '0' && c <= '9'; });
}

Result<VerifiedHolder> FindHolder(StoreSession& session, std::string_view account_no) {
  auto customer = session.Customers().FindByAccountNo(account_no);
  if (!customer) return Fail(customer.error());
  auto account = std::ranges::find(customer->accounts, account_no, &Account::account_no);
  if (account == customer->accounts.end()) return Fail(Error::NotFound("account not found"));
  Account found = *account;
  return VerifiedHolder{std::move(*customer), std::move(found)};
}

Result<VerifiedHolder> VerifyHolder(StoreSession& session, std::string_view account_no,
                                    std::string_view phone_last4) {
  if (!IsPhoneLast4(phone_last4)) return Fail(Error::NotFound("account not found"));
  auto holder = FindHolder(session, account_no);
  if (!holder) return Fail(holder.error());
  const bool verified = std::ranges::any_of(holder->customer.phones, [&](const std::string& p) {
    return p.size() >= 4 && p.ends_with(phone_last4);
  });
  if (!verified) return Fail(Error::NotFound("account not found"));
  return holder;
}

}  // namespace lifeline
