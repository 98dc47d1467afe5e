#include "core/demo/demo_city.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "core/common/civil_time.h"
#include "core/customers/phone_number.h"

namespace lifeline::demo {
namespace {

// Keeps everything the generator writes, to check it.
class CollectingSink final : public CitySink {
 public:
  Status AddNodes(std::span<const TopologyNode> n) override {
    nodes.insert(nodes.end(), n.begin(), n.end());
    return Ok();
  }
  Status AddFeeds(std::span<const CommunityFeed> f) override {
    feeds.insert(feeds.end(), f.begin(), f.end());
    return Ok();
  }
  Status AddPremises(std::span<const Premise> p) override {
    premises.insert(premises.end(), p.begin(), p.end());
    return Ok();
  }
  Status AddCustomers(std::span<const Customer> c) override {
    customers.insert(customers.end(), c.begin(), c.end());
    return Ok();
  }
  std::vector<TopologyNode> nodes;
  std::vector<CommunityFeed> feeds;
  std::vector<Premise> premises;
  std::vector<Customer> customers;
};

const TimeMs kAsOf = FromLocalDate({2026, 11, 23}, 9 * kHourMs);

CollectingSink Generate(std::int64_t customers, std::uint64_t seed = 20261115) {
  CollectingSink sink;
  auto summary = GenerateDemoCity({customers, seed, kAsOf, 500}, sink);
  EXPECT_TRUE(summary.has_value());
  return sink;
}

TEST(DemoCity, IsDeterministic) {
  CollectingSink a = Generate(2000);
  CollectingSink b = Generate(2000);
  ASSERT_EQ(a.customers.size(), b.customers.size());
  for (std::size_t i = 0; i < a.customers.size(); ++i) {
    EXPECT_EQ(a.customers[i].name, b.customers[i].name);
    EXPECT_EQ(a.customers[i].phones, b.customers[i].phones);
    EXPECT_EQ(a.customers[i].accounts.size(), b.customers[i].accounts.size());
  }
  EXPECT_NE(Generate(50, 1).customers[0].name + Generate(50, 1).customers[1].name,
            Generate(50, 2).customers[0].name + Generate(50, 2).customers[1].name);
}

TEST(DemoCity, EveryDistrictHasCommunitiesAndEveryPremiseAnAddress) {
  CollectingSink city = Generate(2000);
  EXPECT_EQ(city.customers.size(), 2000u);
  std::set<std::int64_t> districts_with_premises;
  for (const Premise& p : city.premises) {
    districts_with_premises.insert(p.district_id);
    EXPECT_TRUE(p.address.starts_with("临江市")) << p.address;
  }
  EXPECT_EQ(districts_with_premises.size(), Districts().size());
}

TEST(DemoCity, DataLooksLikeAUtilitysBooks) {
  CollectingSink city = Generate(5000);
  std::set<std::string> account_numbers;
  std::int64_t accounts = 0, with_arrears = 0, businesses = 0, shared_phones = 0;
  std::set<std::string> phones_seen;
  for (const Customer& c : city.customers) {
    EXPECT_FALSE(c.name.empty());
    EXPECT_EQ(c.id_number.size(), 18u);
    if (c.kind == CustomerKind::kBusiness) ++businesses;
    for (const std::string& phone : c.phones) {
      EXPECT_EQ(NormalizePhone(phone).value_or(""), phone) << "stored phones are normalised";
      if (!phones_seen.insert(phone).second) ++shared_phones;
    }
    ASSERT_FALSE(c.accounts.empty());
    for (const Account& a : c.accounts) {
      ++accounts;
      EXPECT_TRUE(account_numbers.insert(a.account_no).second) << "duplicate " << a.account_no;
      if (a.arrears_fen > 0) ++with_arrears;
      for (const Bill& b : a.recent_bills) EXPECT_GE(b.amount_fen, b.paid_fen);
    }
  }
  EXPECT_GT(accounts, 10'000);             // about 2.5 accounts per customer
  EXPECT_GT(with_arrears, accounts / 50);  // some arrears…
  EXPECT_LT(with_arrears, accounts / 5);   // …but not many
  EXPECT_GT(businesses, 100);
  EXPECT_GT(shared_phones, 20);  // relatives sharing a number
}

TEST(DemoCity, ValidatesItsInput) {
  CollectingSink sink;
  EXPECT_FALSE(GenerateDemoCity({0, 1, kAsOf, 100}, sink).has_value());
  EXPECT_FALSE(GenerateDemoCity({1'000'001, 1, kAsOf, 100}, sink).has_value());
}

}  // namespace
}  // namespace lifeline::demo
