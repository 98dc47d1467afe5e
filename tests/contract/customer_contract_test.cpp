// Customers through the bulk loader and the repository: personal data is sealed at rest and
// still findable by phone; scope and masking apply.
#include <gmock/gmock.h>

#include "adapters/storage/sql_city_loader.h"
#include "core/common/utf8.h"
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

// The ids of the customers a search found, and whether `id` came first with `how`.
::testing::AssertionResult FoundFirst(const Result<std::vector<SearchHit>>& hits, std::int64_t id,
                                      std::string_view how) {
  if (!hits) return ::testing::AssertionFailure() << hits.error().message;
  if (hits->empty()) return ::testing::AssertionFailure() << "nothing found";
  if (hits->front().customer.id != id || hits->front().matched_by != how) {
    return ::testing::AssertionFailure()
           << "first hit " << hits->front().customer.id << " by " << hits->front().matched_by;
  }
  return ::testing::AssertionSuccess();
}

TEST_P(CustomerContract, SearchFindsByAccountPhoneIdNumberAndName) {
  const Principal supervisor = Supervisor();
  EXPECT_TRUE(
      FoundFirst(services.customers.Search(supervisor, expected_.accounts.front().account_no, 20),
                 expected_.id, "account_no"));
  EXPECT_TRUE(FoundFirst(services.customers.Search(supervisor, expected_.phones.front(), 20),
                         expected_.id, "phone"));
  if (!expected_.id_number.empty()) {
    EXPECT_TRUE(FoundFirst(services.customers.Search(supervisor, expected_.id_number, 20),
                           expected_.id, "id_number"));
  }
  auto by_name = services.customers.Search(supervisor, expected_.name, 20);
  ASSERT_TRUE(by_name.has_value());
  EXPECT_TRUE(std::ranges::any_of(*by_name, [&](const SearchHit& h) {
    return h.customer.id == expected_.id && h.matched_by == "name";
  }));
  auto nothing = services.customers.Search(supervisor, "9999999999", 20);
  ASSERT_TRUE(nothing.has_value());
  EXPECT_TRUE(nothing->empty());
}

TEST_P(CustomerContract, SearchFindsAnAddressSpokenWithATypo) {
  const Account& account = expected_.accounts.front();
  std::string community;
  ASSERT_TRUE(services.store
                  .Read([&](StoreSession& session) -> Status {
                    auto path = session.Topology().PathOf(account.premise_id);
                    if (!path) return Fail(path.error());
                    auto node = session.Topology().FindNode(path->node_ids[2]);
                    if (!node) return Fail(node.error());
                    community = node->name;
                    return Ok();
                  })
                  .has_value());
  const auto at = account.address.find(community);
  ASSERT_NE(at, std::string::npos) << account.address;
  const std::string rest = account.address.substr(at + community.size());  // "1栋1单元101室"
  std::u32string misheard = DecodeUtf8(community);
  if (misheard.size() >= 4) misheard[1] = U'秀';  // one wrong character, as heard on the phone
  auto hits = services.customers.Search(Supervisor(), EncodeUtf8(misheard) + rest, 20);
  ASSERT_TRUE(hits.has_value()) << hits.error().message;
  EXPECT_TRUE(std::ranges::any_of(*hits, [&](const SearchHit& h) {
    return h.customer.id == expected_.id && h.matched_by == "address";
  })) << EncodeUtf8(misheard) + rest;
  for (const SearchHit& h : *hits) {
    EXPECT_TRUE(std::ranges::any_of(h.customer.accounts, [&](const Account& a) {
      return a.address.ends_with(rest);
    })) << "every hit lives at the same building, unit and room";
  }
}

LIFELINE_ON_BOTH_BACKENDS(CustomerContract);

}  // namespace
}  // namespace lifeline::testing
