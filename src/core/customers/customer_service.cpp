#include "core/customers/customer_service.h"

#include <algorithm>
#include <utility>

#include "core/customers/address_search.h"
#include "core/customers/masking.h"
#include "core/customers/phone_number.h"
#include "core/customers/search_query.h"
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

namespace {

// Collects hits in the order the lookups run, each customer once, up to `limit`.
class HitCollector {
 public:
  explicit HitCollector(std::size_t limit) : limit_(limit) {}

  Status Add(Result<std::vector<Customer>> found, std::string_view how) {
    if (!found) {
      return found.error().code == ErrorCode::kNotFound ? Ok() : Status(Fail(found.error()));
    }
    for (Customer& customer : *found) {
      if (full()) break;
      if (std::ranges::any_of(hits_,
                              [&](const SearchHit& h) { return h.customer.id == customer.id; })) {
        continue;
      }
      hits_.push_back({std::move(customer), std::string(how)});
    }
    return Ok();
  }
  bool full() const { return hits_.size() >= limit_; }
  std::vector<SearchHit> Take() { return std::move(hits_); }

 private:
  std::size_t limit_;
  std::vector<SearchHit> hits_;
};

Status RunPlan(StoreSession& session, const SearchPlan& plan, std::string_view query,
               HitCollector& hits, std::size_t limit) {
  CustomerRepository& customers = session.Customers();
  if (plan.account_no) {
    auto holder = customers.FindByAccountNo(*plan.account_no);
    auto as_list = holder ? Result<std::vector<Customer>>(std::vector{std::move(*holder)})
                          : Result<std::vector<Customer>>(Fail(holder.error()));
    if (auto s = hits.Add(std::move(as_list), "account_no"); !s) return s;
  }
  if (plan.phone) {
    if (auto s = hits.Add(customers.FindByPhone(*plan.phone), "phone"); !s) return s;
  }
  if (plan.id_number) {
    if (auto s = hits.Add(customers.FindByIdNumber(*plan.id_number), "id_number"); !s) return s;
  }
  if (plan.name && !hits.full()) {
    if (auto s = hits.Add(customers.FindByNamePrefix(*plan.name, limit), "name"); !s) return s;
  }
  if (plan.address && !hits.full()) {
    if (auto s = hits.Add(FindCustomersAtAddress(session, query, limit), "address"); !s) return s;
  }
  return Ok();
}

}  // namespace

Result<std::vector<SearchHit>> CustomerService::Search(const Principal& principal,
                                                       std::string_view query, std::size_t limit) {
  if (auto s = principal.Require(Permission::kCustomerRead); !s) return Fail(s.error());
  auto plan = PlanSearch(query);
  if (!plan) return Fail(plan.error());
  HitCollector hits(limit);
  Status read = store_.Read(
      [&](StoreSession& session) -> Status { return RunPlan(session, *plan, query, hits, limit); });
  if (!read) return Fail(read.error());
  std::vector<SearchHit> found = hits.Take();
  std::vector<std::pair<std::int64_t, std::string>> reasons;
  std::vector<Customer> customers;
  for (SearchHit& hit : found) {
    reasons.emplace_back(hit.customer.id, std::move(hit.matched_by));
    customers.push_back(std::move(hit.customer));
  }
  auto visible = Present(std::move(customers), principal, "search");
  if (!visible) return Fail(visible.error());
  // Present keeps the order and drops what the scope hides; match the reasons back by id.
  std::vector<SearchHit> result;
  for (Customer& customer : *visible) {
    const auto reason =
        std::ranges::find(reasons, customer.id, &std::pair<std::int64_t, std::string>::first);
    result.push_back({std::move(customer), reason->second});
  }
  return result;
}

}  // namespace lifeline
