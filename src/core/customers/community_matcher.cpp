#include "core/customers/community_matcher.h"

#include <algorithm>
#include <numeric>

#include "core/common/utf8.h"

namespace lifeline {

int ApproximateSubstringDistance(std::u32string_view pattern, std::u32string_view text) {
  // column[i]: edits to match pattern[0, i) ending at the current text position; a match may
  // start anywhere in the text, so row 0 is always 0.
  std::vector<int> column(pattern.size() + 1);
  std::iota(column.begin(), column.end(), 0);
  int best = column.back();
  for (char32_t c : text) {
    int diagonal = 0;  // column[i - 1] of the previous text position
    for (std::size_t i = 1; i <= pattern.size(); ++i) {
      const int previous = column[i];
      column[i] =
          std::min({previous + 1, column[i - 1] + 1, diagonal + (pattern[i - 1] == c ? 0 : 1)});
      diagonal = previous;
    }
    best = std::min(best, column.back());
  }
  return best;
}

std::vector<CommunityMatch> MatchCommunities(std::u32string_view words,
                                             std::span<const TopologyNode> communities,
                                             std::size_t limit) {
  struct Ranked {
    CommunityMatch match;
    std::size_t length;
  };
  std::vector<Ranked> ranked;
  if (words.empty()) return {};
  for (const TopologyNode& community : communities) {
    const std::u32string name = DecodeUtf8(community.name);
    if (name.size() < 2) continue;
    const int allowed = static_cast<int>(name.size() / 4);
    const int edits = ApproximateSubstringDistance(name, words);
    if (edits <= allowed) ranked.push_back({{community.id, edits}, name.size()});
  }
  std::ranges::sort(ranked, [](const Ranked& a, const Ranked& b) {
    if (a.match.edits != b.match.edits) return a.match.edits < b.match.edits;
    if (a.length != b.length) return a.length > b.length;
    return a.match.community_id < b.match.community_id;
  });
  std::vector<CommunityMatch> matches;
  for (std::size_t i = 0; i < ranked.size() && i < limit; ++i) matches.push_back(ranked[i].match);
  return matches;
}

}  // namespace lifeline
