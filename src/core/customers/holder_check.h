// Light verification for the public pages: an account number (户号) and the last four digits of
// a phone on file for its holder, as a utility's counter asks. docs/design/portal.md.
#pragma once

#include <string_view>

#include "core/common/error.h"
#include "core/customers/customer.h"
#include "core/ports/store.h"

namespace lifeline {

struct VerifiedHolder {
  Customer customer;
  Account account;
};

// True for exactly four ASCII digits.
bool IsPhoneLast4(std::string_view digits);

// The account and its holder. kNotFound for an unknown account and for wrong digits alike, so
// the answer tells a prober nothing about which accounts exist.
[[nodiscard]] Result<VerifiedHolder> VerifyHolder(StoreSession& session,
                                                  std::string_view account_no,
                                                  std::string_view phone_last4);

// The account and its holder, unverified (for answers that reveal nothing personal).
[[nodiscard]] Result<VerifiedHolder> FindHolder(StoreSession& session, std::string_view account_no);

}  // namespace lifeline
