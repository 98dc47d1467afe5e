// The physical city: which communities exist, where, how they are built, and which network
// nodes feed them. Planned up front (a few thousand nodes even for a million households);
// households are then handed out one by one by PremiseSlots.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/common/rng.h"
#include "core/topology/topology.h"

namespace lifeline::demo {

struct CommunityPlan {
  std::int64_t node_id = 0;
  std::int64_t district_id = 0;
  std::size_t district_index = 0;
  std::string name;    // "锦绣花园"
  std::string street;  // "滨江路188号"
  std::int64_t households = 0;
  int floors = 6;
  int units_per_building = 2;
  int rooms_per_floor = 2;
  bool heated = true;     // fed by a heat substation
  bool piped_gas = true;  // fed by a gas regulator station
  std::vector<std::int64_t> building_ids;
  std::vector<std::int64_t> unit_ids;  // building-major: building b, unit u at b * units + u
};

struct CityLayout {
  std::vector<TopologyNode> nodes;  // parents before children
  std::vector<CommunityFeed> feeds;
  std::vector<CommunityPlan> communities;
};

// Plans enough communities for `households` households, spread over the districts by weight.
CityLayout PlanCity(std::int64_t households, Rng& rng);

// One household's place: the community and the unit, floor and room within it.
struct PremiseSlot {
  const CommunityPlan* community = nullptr;
  int building_number = 1;  // 1-based, as painted on the wall
  int unit_number = 1;
  std::int64_t unit_id = 0;
  std::int64_t building_id = 0;
  int floor = 1;
  int room = 1;
};

// Walks every household of every community in order.
class PremiseSlots {
 public:
  explicit PremiseSlots(const CityLayout& layout) : layout_(layout) {}
  // False when the city is full.
  bool Next(PremiseSlot& slot);

 private:
  const CityLayout& layout_;
  std::size_t community_ = 0;
  std::int64_t used_in_community_ = 0;
};

}  // namespace lifeline::demo
