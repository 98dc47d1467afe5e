#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.h"
#include "core/customers/customer.h"
#include "core/topology/topology.h"

namespace lifeline {

// Customers with their accounts. Reads return whole customers: accounts with address and
// district, meters, and the most recent bills. Phone and ID numbers are matched through a keyed
// blind index, so the repository never needs to decrypt to search.
// Premises of one community, narrowed by what the caller said of the address.
struct AddressFilter {
  std::int64_t community_id = 0;
  std::optional<std::string> building_name{};  // as the building node is named: "锦绣家园3栋"
  std::optional<std::string> unit_name{};      // "2单元"
  std::optional<std::string> room{};           // "502"
};

class CustomerRepository {
 public:
  virtual ~CustomerRepository() = default;
  virtual Result<std::vector<Customer>> FindByPhone(std::string_view normalized_phone) = 0;
  virtual Result<Customer> FindById(std::int64_t id) = 0;
  virtual Result<std::vector<Customer>> FindByIdNumber(std::string_view id_number) = 0;
  // Exact name first, then names that start with `prefix`, at most `limit`.
  virtual Result<std::vector<Customer>> FindByNamePrefix(std::string_view prefix,
                                                         std::size_t limit) = 0;
  // Holders of accounts on the premises that `filter` selects, at most `limit`.
  virtual Result<std::vector<Customer>> FindAtAddress(const AddressFilter& filter,
                                                      std::size_t limit) = 0;
  // The holder of the account numbered `account_no` (户号); kNotFound if there is none.
  virtual Result<Customer> FindByAccountNo(std::string_view account_no) = 0;
  // Just one account, with its address and district (no meters, no bills, nothing decrypted),
  // for what must name an account cheaply: a new work order. kNotFound if there is none.
  virtual Result<Account> FindAccount(std::int64_t account_id) = 0;
  virtual Result<bool> Exists(std::int64_t customer_id) = 0;
  virtual Result<std::int64_t> Count() = 0;
};

class TopologyRepository {
 public:
  virtual ~TopologyRepository() = default;
  virtual Result<std::vector<TopologyNode>> ListNodes(NodeKind kind) = 0;
  virtual Result<TopologyNode> FindNode(std::int64_t id) = 0;
  virtual Result<PremisePath> PathOf(std::int64_t premise_id) = 0;
};

}  // namespace lifeline
