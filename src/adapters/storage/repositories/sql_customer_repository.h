#pragma once

#include "adapters/crypto/pii_cipher.h"
#include "adapters/storage/db.h"
#include "core/ports/customer_repository.h"

namespace lifeline::storage {

// Customers with personal data sealed at rest: phone and ID numbers are stored encrypted, with
// a blind index for equality search; they are opened only when a customer is read.
class SqlCustomerRepository final : public CustomerRepository {
 public:
  SqlCustomerRepository(Connection& connection, const crypto::PiiCipher& cipher)
      : connection_(connection), cipher_(cipher) {}
  Result<std::vector<Customer>> FindByPhone(std::string_view normalized_phone) override;
  Result<Customer> FindById(std::int64_t id) override;
  Result<Customer> FindByAccountNo(std::string_view account_no) override;
  Result<Account> FindAccount(std::int64_t account_id) override;
  Result<bool> Exists(std::int64_t customer_id) override;
  Result<std::vector<Customer>> FindByIdNumber(std::string_view id_number) override;
  Result<std::vector<Customer>> FindByNamePrefix(std::string_view prefix,
                                                 std::size_t limit) override;
  Result<std::vector<Customer>> FindAtAddress(const AddressFilter& filter,
                                              std::size_t limit) override;
  Result<std::int64_t> Count() override;

 private:
  Result<std::vector<Customer>> FindAll(const Query& ids_query, std::initializer_list<SqlArg> args);
  Result<std::vector<Customer>> LoadCustomers(const Query& query,
                                              std::initializer_list<SqlArg> args);
  Result<Customer> MapCustomer(const Row& row) const;
  Status LoadAccounts(Customer& customer);

  Connection& connection_;
  const crypto::PiiCipher& cipher_;
};

// The blind index domains, shared with the bulk loader.
inline constexpr std::string_view kPhoneIndexDomain = "phone";
inline constexpr std::string_view kIdNumberIndexDomain = "id_number";

}  // namespace lifeline::storage
