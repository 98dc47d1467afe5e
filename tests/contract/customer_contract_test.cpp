// Customers through the bulk loader and the repository: personal data is sealed at rest and
// still findable by phone; scope and masking apply.
#include <gmock/gmock.h>

#include "adapters/storage/sql_city_loader.h"
#include "core/demo/demo_city.h"
#include "tests/contract/backend_test.h"

namespace lifeline::testing {
namespace {

using ::testing::HasSubstr;

class CustomerContract : public BackendTest {
 protected:
  void SetUp() override {
    storage::SqlCityLoader loader(database.db(), services.cipher);
    auto city = demo::GenerateDemoCity({.customers = 300, .as_of = services.clock.NowMs()}, loader);
    ASSERT_TRUE(city.has_value()) << city.error().message;
    ASSERT_TRUE(loader.Finish().has_value());
    // The generator is deterministic: read back what it wrote for the first customer.
    CollectFirstCustomer();
  }

  void CollectFirstCustomer() {
    class First final : public CitySink {
     public:
      Status AddNodes(std::span<const TopologyNode>) override { return Ok(); }
      Status AddFeeds(std::span<const CommunityFeed>) override { return Ok(); }
      Status AddPremises(std::span<const Premise>) override { return Ok(); }
      Status AddCustomers(std::span<const Customer> c) override {
        if (customer.id == 0) customer = c.front();
        return Ok();
      }
      Customer customer;
    } first;
    ASSERT_TRUE(demo::GenerateDemoCity({.customers = 300, .as_of = services.clock.NowMs()}, first)
                    .has_value());
    expected_ = first.customer;
  }

  Principal Supervisor() {
    Principal p = Principal::System();
    p.role = Role::kSupervisor;
    p.permissions = RolePermissions(Role::kSupervisor);
    return p;
  }

  Customer expected_;
};

TEST_P(CustomerContract, FoundByPhoneWithEverythingTheScreenPopNeeds) {
  auto found = services.customers.LookupByPhone(Supervisor(), expected_.phones.front());
  ASSERT_TRUE(found.has_value()) << found.error().message;
  ASSERT_GE(found->size(), 1u);
  const Customer& c = found->front();
  EXPECT_EQ(c.id, expected_.id);
  EXPECT_EQ(c.name, expected_.name);
  EXPECT_EQ(c.id_number, expected_.id_number);  // supervisors see it in clear
  EXPECT_EQ(c.phones, expected_.phones);
  ASSERT_EQ(c.accounts.size(), expected_.accounts.size());
  for (std::size_t i = 0; i < c.accounts.size(); ++i) {
    EXPECT_EQ(c.accounts[i].account_no, expected_.accounts[i].account_no);
    EXPECT_EQ(c.accounts[i].arrears_fen, expected_.accounts[i].arrears_fen);
    EXPECT_EQ(c.accounts[i].meters.size(), expected_.accounts[i].meters.size());
    EXPECT_EQ(c.accounts[i].recent_bills.size(), expected_.accounts[i].recent_bills.size());
    EXPECT_THAT(c.accounts[i].address, HasSubstr("临江市"));
  }
}

TEST_P(CustomerContract, PersonalDataIsNotStoredInClear) {
  auto connection = database.db().Acquire(storage::Access::kRead);
  ASSERT_TRUE(connection.has_value());
  int matches = 0;
  const std::string phone = expected_.phones.front();
  ASSERT_TRUE((*connection)
                  ->Each({"test.raw_phones", "SELECT phone_enc, phone_idx FROM customer_phones"},
                         {},
                         [&](const storage::Row& row) -> Status {
                           if (row.Blob(0).find(phone) != std::string::npos) ++matches;
                           if (std::string(row.Text(1)).find(phone) != std::string::npos) ++matches;
                           return Ok();
                         })
                  .has_value());
  EXPECT_EQ(matches, 0);
}

TEST_P(CustomerContract, AgentsSeeMaskedDataAndReadingItInClearIsAudited) {
  Principal agent = Principal::System();
  agent.role = Role::kAgent;
  agent.permissions = RolePermissions(Role::kAgent);
  auto masked = services.customers.LookupByPhone(agent, expected_.phones.front());
  ASSERT_TRUE(masked.has_value());
  EXPECT_THAT(masked->front().phones.front(), HasSubstr("****"));
  auto before = services.audit.Search(Principal::System(), {.action_prefix = "customer.read_pii"});
  ASSERT_TRUE(services.customers.LookupByPhone(Supervisor(), expected_.phones.front()).has_value());
  auto after = services.audit.Search(Principal::System(), {.action_prefix = "customer.read_pii"});
  EXPECT_EQ(after->size(), before->size() + masked->size());
  EXPECT_TRUE(services.audit.Verify()->intact());
}

TEST_P(CustomerContract, ScopeHidesCustomersOfOtherDistricts) {
  Principal branch = Supervisor();
  branch.scope = DataScope::Districts({expected_.accounts.front().district_id + 1});
  auto hidden = services.customers.LookupByPhone(branch, expected_.phones.front());
  ASSERT_TRUE(hidden.has_value());
  for (const Customer& c : *hidden) EXPECT_NE(c.id, expected_.id);
  EXPECT_EQ(services.customers.Get(branch, expected_.id).error().code, ErrorCode::kNotFound);
}

LIFELINE_ON_BOTH_BACKENDS(CustomerContract);

}  // namespace
}  // namespace lifeline::testing
