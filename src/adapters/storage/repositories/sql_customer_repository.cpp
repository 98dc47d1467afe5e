#include "adapters/storage/repositories/sql_customer_repository.h"

#include <unordered_map>

#include "adapters/storage/sql_helpers.h"

namespace lifeline::storage {

namespace {

constexpr std::size_t kRecentBills = 3;

constexpr Query kIdsByPhone{"customers.ids_by_phone",
                            "SELECT DISTINCT customer_id FROM customer_phones WHERE phone_idx = $1"
                            " ORDER BY customer_id"};
constexpr Query kById{
    "customers.by_id",
    "SELECT id, kind, name, id_number_enc, created_at FROM customers WHERE id = $1"};
constexpr Query kPhones{
    "customers.phones",
    "SELECT phone_enc FROM customer_phones WHERE customer_id = $1 ORDER BY position"};
constexpr Query kAccounts{
    "customers.accounts",
    "SELECT a.id, a.account_no, a.premise_id, a.utility, a.status, a.balance_fen, a.arrears_fen,"
    " a.opened_at, p.address, p.district_id"
    " FROM accounts a JOIN premises p ON p.id = a.premise_id"
    " WHERE a.customer_id = $1 ORDER BY a.id"};
constexpr Query kMeters{
    "customers.meters",
    "SELECT m.id, m.account_id, m.serial, m.model, m.last_reading, m.last_read_at"
    " FROM meters m JOIN accounts a ON a.id = m.account_id WHERE a.customer_id = $1 ORDER BY m.id"};
constexpr Query kBills{
    "customers.bills",
    "SELECT b.id, b.account_id, b.period, b.usage, b.amount_fen, b.paid_fen, b.due_at"
    " FROM bills b JOIN accounts a ON a.id = b.account_id WHERE a.customer_id = $1"
    " ORDER BY b.account_id, b.period DESC"};
constexpr Query kByAccountNo{"customers.by_account_no",
                             "SELECT customer_id FROM accounts WHERE account_no = $1"};
constexpr Query kIdsByIdNumber{"customers.ids_by_id_number",
                               "SELECT id FROM customers WHERE id_number_idx = $1 ORDER BY id"};
// Names sort exact-first: the prefix itself is the smallest string that starts with it. The
// upper bound is the prefix followed by U+FFFF, past every character a name can hold.
constexpr Query kIdsByNamePrefix{"customers.ids_by_name_prefix",
                                 "SELECT id FROM customers WHERE name >= $1 AND name < $2"
                                 " ORDER BY name, id LIMIT $3"};
constexpr Query kIdsAtAddress{
    "customers.ids_at_address",
    "SELECT DISTINCT a.customer_id FROM premises p"
    " JOIN topology_nodes b ON b.id = p.building_id"
    " JOIN topology_nodes u ON u.id = p.unit_id"
    " JOIN accounts a ON a.premise_id = p.id"
    " WHERE p.community_id = $1 AND ($2 = '' OR b.name = $2) AND ($3 = '' OR u.name = $3)"
    " AND ($4 = '' OR p.room = $4) ORDER BY a.customer_id LIMIT $5"};
constexpr Query kCount{"customers.count", "SELECT COUNT(*) FROM customers"};

Result<Account> MapAccount(const Row& row) {
  Account a;
  a.id = row.Int(0);
  a.account_no = row.Str(1);
  a.premise_id = row.Int(2);
  auto utility = ParseUtility(row.Text(3));
  if (!utility) return Fail(UnknownCode("utility", row.Text(3)));
  a.utility = *utility;
  auto status = ParseAccountStatus(row.Text(4));
  if (!status) return Fail(UnknownCode("account status", row.Text(4)));
  a.status = *status;
  a.balance_fen = row.Int(5);
  a.arrears_fen = row.Int(6);
  a.opened_at = row.Int(7);
  a.address = row.Str(8);
  a.district_id = row.Int(9);
  return a;
}

}  // namespace

Result<std::vector<Customer>> SqlCustomerRepository::FindByPhone(
    std::string_view normalized_phone) {
  const std::string index = cipher_.BlindIndex(kPhoneIndexDomain, normalized_phone);
  return FindAll(kIdsByPhone, {index});
}

Result<Customer> SqlCustomerRepository::FindById(std::int64_t id) {
  auto customer = FetchOne<Customer>(
      connection_, kById, {id},
      [&](const Row& row) -> Result<Customer> {
        Customer c;
        c.id = row.Int(0);
        auto kind = ParseCustomerKind(row.Text(1));
        if (!kind) return Fail(UnknownCode("customer kind", row.Text(1)));
        c.kind = *kind;
        c.name = row.Str(2);
        if (!row.IsNull(3)) {
          auto id_number = cipher_.Open(row.Blob(3));
          if (!id_number) return Fail(id_number.error());
          c.id_number = std::move(*id_number);
        }
        c.created_at = row.Int(4);
        return c;
      },
      "customer");
  if (!customer) return customer;
  if (auto s = LoadPhones(*customer); !s) return Fail(s.error());
  if (auto s = LoadAccounts(*customer); !s) return Fail(s.error());
  return customer;
}

Status SqlCustomerRepository::LoadPhones(Customer& customer) {
  return connection_.Each(kPhones, {customer.id}, [&](const Row& row) -> Status {
    auto phone = cipher_.Open(row.Blob(0));
    if (!phone) return Fail(phone.error());
    customer.phones.push_back(std::move(*phone));
    return Ok();
  });
}

Status SqlCustomerRepository::LoadAccounts(Customer& customer) {
  auto accounts = FetchAll<Account>(connection_, kAccounts, {customer.id}, MapAccount);
  if (!accounts) return Fail(accounts.error());
  customer.accounts = std::move(*accounts);
  std::unordered_map<std::int64_t, Account*> by_id;
  for (Account& a : customer.accounts) {
    a.customer_id = customer.id;
    by_id[a.id] = &a;
  }
  Status meters = connection_.Each(kMeters, {customer.id}, [&](const Row& row) -> Status {
    if (auto it = by_id.find(row.Int(1)); it != by_id.end()) {
      it->second->meters.push_back(
          {row.Int(0), row.Int(1), row.Str(2), row.Str(3), row.Int(4), row.Int(5)});
    }
    return Ok();
  });
  if (!meters) return meters;
  return connection_.Each(kBills, {customer.id}, [&](const Row& row) -> Status {
    auto it = by_id.find(row.Int(1));
    if (it != by_id.end() && it->second->recent_bills.size() < kRecentBills) {
      it->second->recent_bills.push_back(
          {row.Int(0), row.Int(1), row.Str(2), row.Int(3), row.Int(4), row.Int(5), row.Int(6)});
    }
    return Ok();
  });
}

Result<Customer> SqlCustomerRepository::FindByAccountNo(std::string_view account_no) {
  auto id = FetchOne<std::int64_t>(
      connection_, kByAccountNo, {account_no},
      [](const Row& row) -> Result<std::int64_t> { return row.Int(0); }, "account");
  if (!id) return Fail(id.error());
  return FindById(*id);
}

Result<std::vector<Customer>> SqlCustomerRepository::FindByIdNumber(std::string_view id_number) {
  const std::string index = cipher_.BlindIndex(kIdNumberIndexDomain, id_number);
  return FindAll(kIdsByIdNumber, {index});
}

Result<std::vector<Customer>> SqlCustomerRepository::FindByNamePrefix(std::string_view prefix,
                                                                      std::size_t limit) {
  const std::string upper = std::string(prefix) + "\xEF\xBF\xBF";
  return FindAll(kIdsByNamePrefix, {prefix, upper, static_cast<std::int64_t>(limit)});
}

Result<std::vector<Customer>> SqlCustomerRepository::FindAtAddress(const AddressFilter& filter,
                                                                   std::size_t limit) {
  return FindAll(kIdsAtAddress, {filter.community_id, filter.building_name.value_or(""),
                                 filter.unit_name.value_or(""), filter.room.value_or(""),
                                 static_cast<std::int64_t>(limit)});
}

// Reads the customers whose ids `ids_query` returns, in its order.
Result<std::vector<Customer>> SqlCustomerRepository::FindAll(const Query& ids_query,
                                                             std::initializer_list<SqlArg> args) {
  std::vector<std::int64_t> ids;
  Status read = connection_.Each(ids_query, args, [&](const Row& row) -> Status {
    ids.push_back(row.Int(0));
    return Ok();
  });
  if (!read) return Fail(read.error());
  std::vector<Customer> customers;
  customers.reserve(ids.size());
  for (std::int64_t id : ids) {
    auto customer = FindById(id);
    if (!customer) return Fail(customer.error());
    customers.push_back(std::move(*customer));
  }
  return customers;
}

Result<std::int64_t> SqlCustomerRepository::Count() {
  return FetchOne<std::int64_t>(
      connection_, kCount, {}, [](const Row& row) -> Result<std::int64_t> { return row.Int(0); },
      "count");
}

}  // namespace lifeline::storage
