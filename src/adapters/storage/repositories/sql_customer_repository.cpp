#include "adapters/storage/repositories/sql_customer_repository.h"

#include <unordered_map>

#include "adapters/storage/sql_helpers.h"

namespace lifeline::storage {

namespace {

constexpr std::size_t kRecentBills = 3;

// The screen pop reads a customer in three statements whatever the number of accounts: the
// customer with its phones, the accounts with their premises and meters, the recent bills.
// Each statement is a round trip on PostgreSQL, so they are joined rather than split.
#define LIFELINE_CUSTOMER_WITH_PHONES                                       \
  "SELECT c.id, c.kind, c.name, c.id_number_enc, c.created_at, p.phone_enc" \
  " FROM customers c LEFT JOIN customer_phones p ON p.customer_id = c.id"
constexpr Query kByPhone{"customers.by_phone", LIFELINE_CUSTOMER_WITH_PHONES
                         " WHERE c.id IN (SELECT customer_id FROM customer_phones"
                         " WHERE phone_idx = $1) ORDER BY c.id, p.position"};
constexpr Query kById{"customers.by_id",
                      LIFELINE_CUSTOMER_WITH_PHONES " WHERE c.id = $1 ORDER BY p.position"};
#undef LIFELINE_CUSTOMER_WITH_PHONES
constexpr Query kAccountsWithMeters{
    "customers.accounts_with_meters",
    "SELECT a.id, a.account_no, a.premise_id, a.utility, a.status, a.balance_fen, a.arrears_fen,"
    " a.opened_at, p.address, p.district_id,"
    " m.id, m.serial, m.model, m.last_reading, m.last_read_at"
    " FROM accounts a JOIN premises p ON p.id = a.premise_id"
    " LEFT JOIN meters m ON m.account_id = a.id"
    " WHERE a.customer_id = $1 ORDER BY a.id, m.id"};
constexpr Query kRecentBillsOf{
    "customers.recent_bills",
    "SELECT id, account_id, period, usage, amount_fen, paid_fen, due_at FROM ("
    " SELECT b.id, b.account_id, b.period, b.usage, b.amount_fen, b.paid_fen, b.due_at,"
    " ROW_NUMBER() OVER (PARTITION BY b.account_id ORDER BY b.period DESC) AS recency"
    " FROM bills b JOIN accounts a ON a.id = b.account_id WHERE a.customer_id = $1) AS recent"
    " WHERE recency <= $2 ORDER BY account_id, period DESC"};
constexpr Query kAccount{"customers.account",
                         "SELECT a.id, a.account_no, a.premise_id, a.utility, a.status,"
                         " a.balance_fen, a.arrears_fen, a.opened_at, p.address, p.district_id,"
                         " a.customer_id"
                         " FROM accounts a JOIN premises p ON p.id = a.premise_id WHERE a.id = $1"};
constexpr Query kExists{"customers.exists", "SELECT COUNT(*) FROM customers WHERE id = $1"};
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
  return LoadCustomers(kByPhone, {index});
}

Result<Customer> SqlCustomerRepository::FindById(std::int64_t id) {
  auto found = LoadCustomers(kById, {id});
  if (!found) return Fail(found.error());
  if (found->empty()) return Fail(Error::NotFound("customer not found"));
  return std::move(found->front());
}

// Rows are (customer, one of its phones), ordered by customer: a new customer id starts a new
// customer. Accounts, meters and bills follow, two statements per customer.
Result<std::vector<Customer>> SqlCustomerRepository::LoadCustomers(
    const Query& query, std::initializer_list<SqlArg> args) {
  std::vector<Customer> customers;
  Status read = connection_.Each(query, args, [&](const Row& row) -> Status {
    if (customers.empty() || customers.back().id != row.Int(0)) {
      auto customer = MapCustomer(row);
      if (!customer) return Fail(customer.error());
      customers.push_back(std::move(*customer));
    }
    if (row.IsNull(5)) return Ok();
    auto phone = cipher_.Open(row.Blob(5));
    if (!phone) return Fail(phone.error());
    customers.back().phones.push_back(std::move(*phone));
    return Ok();
  });
  if (!read) return Fail(read.error());
  for (Customer& customer : customers) {
    if (auto s = LoadAccounts(customer); !s) return Fail(s.error());
  }
  return customers;
}

Result<Customer> SqlCustomerRepository::MapCustomer(const Row& row) const {
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
}

Status SqlCustomerRepository::LoadAccounts(Customer& customer) {
  Status read = connection_.Each(kAccountsWithMeters, {customer.id}, [&](const Row& row) -> Status {
    if (customer.accounts.empty() || customer.accounts.back().id != row.Int(0)) {
      auto account = MapAccount(row);
      if (!account) return Fail(account.error());
      account->customer_id = customer.id;
      customer.accounts.push_back(std::move(*account));
    }
    if (!row.IsNull(10)) {
      Account& account = customer.accounts.back();
      account.meters.push_back(
          {row.Int(10), account.id, row.Str(11), row.Str(12), row.Int(13), row.Int(14)});
    }
    return Ok();
  });
  if (!read) return read;
  std::unordered_map<std::int64_t, Account*> by_id;
  for (Account& a : customer.accounts) by_id[a.id] = &a;
  return connection_.Each(
      kRecentBillsOf, {customer.id, static_cast<std::int64_t>(kRecentBills)},
      [&](const Row& row) -> Status {
        if (auto it = by_id.find(row.Int(1)); it != by_id.end()) {
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

Result<Account> SqlCustomerRepository::FindAccount(std::int64_t account_id) {
  return FetchOne<Account>(
      connection_, kAccount, {account_id},
      [](const Row& row) -> Result<Account> {
        auto account = MapAccount(row);
        if (account) account->customer_id = row.Int(10);
        return account;
      },
      "account");
}

Result<bool> SqlCustomerRepository::Exists(std::int64_t customer_id) {
  return FetchOne<bool>(
      connection_, kExists, {customer_id},
      [](const Row& row) -> Result<bool> { return row.Int(0) > 0; }, "customer count");
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
