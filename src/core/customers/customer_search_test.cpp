// The pure parts of the search box: reading the query, the address numbers, and typo-tolerant
// community matching.
#include <gtest/gtest.h>

#include "core/common/utf8.h"
#include "core/customers/address_query.h"
#include "core/customers/community_matcher.h"
#include "core/customers/search_query.h"

namespace lifeline {
namespace {

TEST(Utf8, RoundTripsChineseAndReplacesBrokenBytes) {
  const std::string text = "锦绣家园3栋";
  EXPECT_EQ(DecodeUtf8(text).size(), 6u);
  EXPECT_EQ(EncodeUtf8(DecodeUtf8(text)), text);
  EXPECT_EQ(DecodeUtf8("a\xE9\x94"), (std::u32string{U'a', 0xFFFD, 0xFFFD}));
  EXPECT_EQ(DecodeUtf8("\xC0\xAF"), (std::u32string{0xFFFD, 0xFFFD}));  // overlong '/'
}

TEST(AddressQuery, TakesOutBuildingUnitAndRoom) {
  const AddressQuery q = ParseAddressQuery("临江市江北区锦绣家园3栋2单元502室");
  EXPECT_EQ(q.building, 3);
  EXPECT_EQ(q.unit, 2);
  EXPECT_EQ(q.room, "502");
  EXPECT_EQ(EncodeUtf8(q.words), "江北区锦绣家园");
}

TEST(AddressQuery, UnderstandsTheOtherWaysPeopleSayIt) {
  const AddressQuery q = ParseAddressQuery("锦绣家园 ３号楼 2单元 1502");
  EXPECT_EQ(q.building, 3);
  EXPECT_EQ(q.unit, 2);
  EXPECT_EQ(q.room, "1502");
  EXPECT_EQ(EncodeUtf8(q.words), "锦绣家园");
  const AddressQuery road = ParseAddressQuery("文化路297号阳光花园");
  EXPECT_FALSE(road.building.has_value());
  EXPECT_EQ(EncodeUtf8(road.words), "文化路297号阳光花园");
}

TEST(CommunityMatcher, CountsTheFewestEditsToSomeSubstring) {
  EXPECT_EQ(ApproximateSubstringDistance(U"锦绣家园", U"江北区锦绣家园"), 0);
  EXPECT_EQ(ApproximateSubstringDistance(U"锦绣家园", U"江北区锦秀家园"), 1);
  EXPECT_EQ(ApproximateSubstringDistance(U"锦绣家园", U"锦家园"), 1);
  EXPECT_EQ(ApproximateSubstringDistance(U"锦绣家园", U"翠湖新村"), 4);
}

TEST(CommunityMatcher, ToleratesOneTypoInFourCharactersAndRanksExactFirst) {
  std::vector<TopologyNode> communities(3);
  const char* names[] = {"锦绣家园", "锦绣花园", "翠湖新村"};
  for (int i = 0; i < 3; ++i) {
    communities[static_cast<std::size_t>(i)].id = i + 1;
    communities[static_cast<std::size_t>(i)].kind = NodeKind::kCommunity;
    communities[static_cast<std::size_t>(i)].name = names[i];
  }
  auto exact = MatchCommunities(U"锦绣家园3栋", communities, 5);
  ASSERT_EQ(exact.size(), 2u);
  EXPECT_EQ(exact[0].community_id, 1);
  EXPECT_EQ(exact[0].edits, 0);
  EXPECT_EQ(exact[1].community_id, 2);
  auto typo = MatchCommunities(U"锦秀家园", communities, 5);
  ASSERT_FALSE(typo.empty());
  EXPECT_EQ(typo[0].community_id, 1);
  EXPECT_TRUE(MatchCommunities(U"幸福", communities, 5).empty());
}

TEST(SearchPlan, ReadsNumbersNamesAndAddresses) {
  auto account = PlanSearch("1000000001");
  ASSERT_TRUE(account.has_value());
  EXPECT_EQ(account->account_no, "1000000001");
  auto mobile = PlanSearch("+86 130-1357-9246");
  EXPECT_EQ(mobile->phone, "13013579246");
  EXPECT_FALSE(mobile->account_no.has_value());
  auto id = PlanSearch("11010519491231002x");
  EXPECT_EQ(id->id_number, "11010519491231002X");
  auto text = PlanSearch(" 李建国 ");
  EXPECT_EQ(text->name, "李建国");
  EXPECT_TRUE(text->address);
}

TEST(SearchPlan, RefusesEmptyLongAndMeaninglessQueriesNamingQ) {
  const std::string too_long(101, '1');
  for (std::string_view bad : {std::string_view(""), std::string_view("   "),
                               std::string_view("abc"), std::string_view(too_long)}) {
    auto plan = PlanSearch(bad);
    ASSERT_FALSE(plan.has_value()) << bad;
    EXPECT_EQ(plan.error().field, "q");
  }
}

}  // namespace
}  // namespace lifeline
