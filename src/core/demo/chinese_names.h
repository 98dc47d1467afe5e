// Word lists for the demo city: family names with their real frequencies, given-name
// characters, and the parts of community, road and company names.
#pragma once

#include <span>
#include <string_view>

namespace lifeline::demo {

struct WeightedName {
  std::string_view name;
  int weight;  // per ten thousand people, roughly as in China's 2020 census
};

std::span<const WeightedName> FamilyNames();
std::span<const std::string_view> GivenNameCharacters();
std::span<const std::string_view> CommunityNamePrefixes();
std::span<const std::string_view> CommunityNameSuffixes();
std::span<const std::string_view> RoadNames();
std::span<const std::string_view> CompanyNameCores();
std::span<const std::string_view> CompanyTrades();

}  // namespace lifeline::demo
