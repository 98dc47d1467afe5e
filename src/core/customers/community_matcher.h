// Typo-tolerant matching of community (小区) names inside what an agent typed: the fewest
// character edits that turn a community's name into some substring of the query.
// docs/design/customer-search.md.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/topology/topology.h"

namespace lifeline {

// Edits (insert, delete, substitute) needed to make `pattern` match some substring of `text`
// (Sellers' approximate substring matching).
int ApproximateSubstringDistance(std::u32string_view pattern, std::u32string_view text);

struct CommunityMatch {
  std::int64_t community_id = 0;
  int edits = 0;
};

// The communities whose names occur in `words` with at most a quarter of their characters
// wrong, best first (fewest edits, then longest name). At most `limit`.
std::vector<CommunityMatch> MatchCommunities(std::u32string_view words,
                                             std::span<const TopologyNode> communities,
                                             std::size_t limit);

}  // namespace lifeline
