#include "core/customers/customer_service.h"

#include <algorithm>
#include <utility>

#include "core/customers/masking.h"
#include "core/customers/phone_number.h"
#include "core/identity/auth_service.h"

namespace lifeline {

bool RestrictToScope(Customer& customer, const DataScope& scope) {
  if (scope.unrestricted()) return true;
  std::erase_if(customer.accounts,
                [&](const Account& account) { return !scope.Covers(account.district_id); });
  return !customer.accounts.empty();
}

void MaskPersonalData(Customer& customer) {
  for (std::string& phone : customer.phones) phone = MaskPhone(phone);
  customer.id_number = MaskIdNumber(customer.id_number);
}

// What every read of customers applies before anything leaves the core.
Result<std::vector<Customer>> CustomerService::Present(std::vector<Customer> customers,
                                                       const Principal& principal,
                                                       std::string_view how) {
  std::erase_if(customers, [&](Customer& c) { return !RestrictToScope(c, principal.scope); });
  if (!principal.Can(Permission::kCustomerReadPii)) {
    for (Customer& c : customers) MaskPersonalData(c);
    return customers;
  }
  if (customers.empty()) return customers;
  // Personal data shown in clear: record who saw whose.
  Status audited = store_.Write([&](StoreSession& session) -> Status {
    for (const Customer& c : customers) {
      if (auto s = session.Audit().Append(ActorOf(principal),
                                          {"customer.read_pii",
                                           "customer",
                                           std::to_string(c.id),
                                           {},
                                           {{"via", std::string(how)}}},
                                          clock_.NowMs());
          !s) {
        return s;
      }
    }
    return Ok();
  });
  if (!audited) return Fail(audited.error());
  return customers;
}

Result<std::vector<Customer>> CustomerService::LookupByPhone(const Principal& principal,
                                                             std::string_view phone) {
  if (auto s = principal.Require(Permission::kCustomerRead); !s) return Fail(s.error());
  auto normalized = NormalizePhone(phone);
  if (!normalized) return Fail(normalized.error());
  std::vector<Customer> found;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto customers = session.Customers().FindByPhone(*normalized);
    if (!customers) return Fail(customers.error());
    found = std::move(*customers);
    return Ok();
  });
  if (!read) return Fail(read.error());
  return Present(std::move(found), principal, "phone_lookup");
}

Result<Customer> CustomerService::Get(const Principal& principal, std::int64_t id) {
  if (auto s = principal.Require(Permission::kCustomerRead); !s) return Fail(s.error());
  std::vector<Customer> found;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto customer = session.Customers().FindById(id);
    if (!customer) return Fail(customer.error());
    found.push_back(std::move(*customer));
    return Ok();
  });
  if (!read) return Fail(read.error());
  auto visible = Present(std::move(found), principal, "by_id");
  if (!visible) return Fail(visible.error());
  // Outside the caller's scope looks the same as absent: no probing for who exists.
  if (visible->empty()) return Fail(Error::NotFound("no such customer"));
  return std::move(visible->front());
}

}  // namespace lifeline
