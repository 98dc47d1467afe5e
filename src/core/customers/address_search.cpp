#include "core/customers/address_search.h"

#include <algorithm>
#include <string>

#include "core/common/utf8.h"
#include "core/customers/address_query.h"
#include "core/customers/community_matcher.h"

namespace lifeline {

namespace {

constexpr std::size_t kCommunitiesTried = 3;

// A district named in the query narrows the communities to it, and leaves the words.
void NarrowToDistrict(std::u32string& words, std::vector<TopologyNode>& communities,
                      const std::vector<TopologyNode>& districts) {
  for (const TopologyNode& district : districts) {
    const std::u32string name = DecodeUtf8(district.name);
    const auto at = words.find(name);
    if (at == std::u32string::npos) continue;
    words.erase(at, name.size());
    std::erase_if(communities, [&](const TopologyNode& c) { return c.parent_id != district.id; });
    return;
  }
}

AddressFilter FilterFor(const TopologyNode& community, const AddressQuery& query) {
  AddressFilter filter;
  filter.community_id = community.id;
  // Building and unit nodes are named as printed on the building: "锦绣家园3栋", "2单元".
  if (query.building)
    filter.building_name = community.name + std::to_string(*query.building) + "栋";
  if (query.unit) filter.unit_name = std::to_string(*query.unit) + "单元";
  filter.room = query.room;
  return filter;
}

}  // namespace

Result<std::vector<Customer>> FindCustomersAtAddress(StoreSession& session, std::string_view text,
                                                     std::size_t limit) {
  AddressQuery query = ParseAddressQuery(text);
  auto communities = session.Topology().ListNodes(NodeKind::kCommunity);
  if (!communities) return Fail(communities.error());
  auto districts = session.Topology().ListNodes(NodeKind::kDistrict);
  if (!districts) return Fail(districts.error());
  NarrowToDistrict(query.words, *communities, *districts);

  std::vector<Customer> found;
  for (const CommunityMatch& match :
       MatchCommunities(query.words, *communities, kCommunitiesTried)) {
    if (found.size() >= limit) break;
    const auto community = std::ranges::find(*communities, match.community_id, &TopologyNode::id);
    auto customers =
        session.Customers().FindAtAddress(FilterFor(*community, query), limit - found.size());
    if (!customers) return Fail(customers.error());
    for (Customer& c : *customers) found.push_back(std::move(c));
  }
  return found;
}

}  // namespace lifeline
