// Finding customers: the screen pop by caller number, and reads by id. Applies the caller's
// data scope (a branch sees only accounts in its districts) and masks personal data for roles
// that may not see it in clear; reads that do show it in clear are audited.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/common/error.h"
#include "core/customers/customer.h"
#include "core/identity/principal.h"
#include "core/ports/clock.h"
#include "core/ports/store.h"

namespace lifeline {

struct SearchHit {
  Customer customer;
  std::string matched_by;  // account_no, phone, id_number, name, address
};

class CustomerService {
 public:
  CustomerService(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Every customer reachable at `phone` that the principal may see, with accounts, meters and
  // recent bills. An unknown number is an empty list, not an error.
  [[nodiscard]] Result<std::vector<Customer>> LookupByPhone(const Principal& principal,
                                                            std::string_view phone);
  [[nodiscard]] Result<Customer> Get(const Principal& principal, std::int64_t id);

  // The agent's search box: account, phone or ID number, name, or an address fragment with
  // typos (docs/design/customer-search.md). At most `limit` customers, best first.
  [[nodiscard]] Result<std::vector<SearchHit>> Search(const Principal& principal,
                                                      std::string_view query, std::size_t limit);

 private:
  Result<std::vector<Customer>> Present(std::vector<Customer> customers, const Principal& principal,
                                        std::string_view how);

  Store& store_;
  const Clock& clock_;
};

// Keeps the accounts inside `scope`; false when none is left and the customer must not be shown.
bool RestrictToScope(Customer& customer, const DataScope& scope);
void MaskPersonalData(Customer& customer);

}  // namespace lifeline
