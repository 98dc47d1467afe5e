#include "core/demo/city_layout.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/demo/chinese_names.h"
#include "core/demo/demo_city.h"

namespace lifeline::demo {

namespace {

constexpr std::int64_t kMinCommunitiesPerDistrict = 3;
constexpr std::int64_t kTypicalCommunityHouseholds = 1'500;
constexpr double kDistrictRadiusKm = 4.0;
constexpr double kBuildingSpreadKm = 0.25;
constexpr double kHeatedShare = 0.85;
constexpr double kPipedGasShare = 0.9;

std::string Ordinal(int n) {
  return std::to_string(n);
}

class LayoutBuilder {
 public:
  LayoutBuilder(std::int64_t households, Rng& rng) : households_(households), rng_(rng) {}

  CityLayout Build() {
    AddDistricts();
    const std::int64_t district_count = static_cast<std::int64_t>(Districts().size());
    const std::int64_t communities = std::max(kMinCommunitiesPerDistrict * district_count,
                                              households_ / kTypicalCommunityHouseholds + 1);
    std::vector<std::vector<std::int64_t>> per_district = SplitHouseholds(communities);
    for (std::size_t d = 0; d < per_district.size(); ++d) AddDistrictNetwork(d, per_district[d]);
    return std::move(layout_);
  }

 private:
  std::int64_t NextId() { return ++last_id_; }

  Point Jitter(Point around, double radius) {
    return {around.x_km + (rng_.Unit() * 2 - 1) * radius,
            around.y_km + (rng_.Unit() * 2 - 1) * radius};
  }

  void AddDistricts() {
    for (const DistrictPlan& plan : Districts()) {
      district_ids_.push_back(NextId());
      layout_.nodes.push_back({district_ids_.back(), NodeKind::kDistrict, std::nullopt,
                               std::string(plan.code), std::string(plan.name), plan.center});
    }
  }

  // Households of each community, grouped by district, summing to households_.
  std::vector<std::vector<std::int64_t>> SplitHouseholds(std::int64_t communities) {
    const auto districts = Districts();
    double total_weight = 0;
    for (const DistrictPlan& d : districts) total_weight += d.weight;
    std::vector<std::vector<std::int64_t>> out(districts.size());
    std::int64_t assigned = 0;
    for (std::int64_t c = 0; c < communities; ++c) {
      // Deal communities to districts in proportion to their weights, deterministically.
      std::size_t d = static_cast<std::size_t>(c) % districts.size();
      if (c >= static_cast<std::int64_t>(districts.size()) * kMinCommunitiesPerDistrict) {
        double pick = rng_.Unit() * total_weight;
        for (d = 0; d + 1 < districts.size() && pick >= districts[d].weight; ++d) {
          pick -= districts[d].weight;
        }
      }
      const std::int64_t remaining_communities = communities - c;
      const std::int64_t share = (households_ - assigned) / remaining_communities;
      const std::int64_t size =
          c + 1 == communities
              ? households_ - assigned
              : std::max<std::int64_t>(
                    1, static_cast<std::int64_t>(share * (0.6 + 0.8 * rng_.Unit())));
      out[d].push_back(size);
      assigned += size;
    }
    return out;
  }

  std::int64_t AddNetworkNode(NodeKind kind, std::size_t district, int number, Point at) {
    const DistrictPlan& plan = Districts()[district];
    std::string name(plan.name.substr(0, plan.name.size() - std::string_view("区").size()));
    switch (kind) {
      case NodeKind::kSupplyZone:
        name += Ordinal(number) + "号计量分区";
        break;
      case NodeKind::kSubstation:
        name += Ordinal(number) + "号换热站";
        break;
      case NodeKind::kRegulatorStation:
        name += Ordinal(number) + "号调压站";
        break;
      default:
        break;
    }
    const std::int64_t id = NextId();
    layout_.nodes.push_back(
        {id, kind, district_ids_[district],
         std::string(plan.code) + "-" + std::string(NodeKindCode(kind)) + "-" + Ordinal(number),
         std::move(name), at});
    return id;
  }

  void AddDistrictNetwork(std::size_t district, const std::vector<std::int64_t>& sizes) {
    const auto count = static_cast<std::int64_t>(sizes.size());
    const Point center = Districts()[district].center;
    // Roughly 10 communities per supply zone, 4 per substation, 12 per regulator station.
    std::vector<std::int64_t> zones, substations, regulators;
    for (std::int64_t i = 0; i < std::max<std::int64_t>(1, count / 10); ++i) {
      zones.push_back(AddNetworkNode(NodeKind::kSupplyZone, district, static_cast<int>(i + 1),
                                     Jitter(center, kDistrictRadiusKm)));
    }
    for (std::int64_t i = 0; i < std::max<std::int64_t>(1, (count + 3) / 4); ++i) {
      substations.push_back(AddNetworkNode(NodeKind::kSubstation, district, static_cast<int>(i + 1),
                                           Jitter(center, kDistrictRadiusKm)));
    }
    for (std::int64_t i = 0; i < std::max<std::int64_t>(1, count / 12); ++i) {
      regulators.push_back(AddNetworkNode(NodeKind::kRegulatorStation, district,
                                          static_cast<int>(i + 1),
                                          Jitter(center, kDistrictRadiusKm)));
    }
    for (std::int64_t i = 0; i < count; ++i) {
      CommunityPlan& community = AddCommunity(district, sizes[static_cast<std::size_t>(i)]);
      CommunityFeed feed{community.node_id, zones[static_cast<std::size_t>(i) % zones.size()],
                         std::nullopt, std::nullopt};
      if (community.heated)
        feed.substation_id = substations[static_cast<std::size_t>(i) / 4 % substations.size()];
      if (community.piped_gas)
        feed.regulator_station_id = regulators[static_cast<std::size_t>(i) % regulators.size()];
      layout_.feeds.push_back(feed);
    }
  }

  std::string CommunityName() {
    const auto prefixes = CommunityNamePrefixes();
    const auto suffixes = CommunityNameSuffixes();
    const std::size_t n = community_count_++;
    std::string name(prefixes[n % prefixes.size()]);
    name += suffixes[(n / prefixes.size() + n) % suffixes.size()];
    // Large cities reuse a good name for a later phase, as developers do: "锦绣花园二期".
    static constexpr std::array<std::string_view, 9> kPhases{"",     "二期", "三期", "四期", "五期",
                                                             "六期", "七期", "八期", "九期"};
    const std::size_t phase = n / (prefixes.size() * suffixes.size());
    name += phase < kPhases.size() ? std::string(kPhases[phase])
                                   : Ordinal(static_cast<int>(phase + 1)) + "期";
    return name;
  }

  CommunityPlan& AddCommunity(std::size_t district, std::int64_t households) {
    CommunityPlan plan;
    plan.district_index = district;
    plan.district_id = district_ids_[district];
    plan.name = CommunityName();
    plan.street = std::string(rng_.Pick(RoadNames())) +
                  Ordinal(static_cast<int>(rng_.Between(1, 399))) + "号";
    plan.households = households;
    const bool high_rise = rng_.Chance(0.5);
    plan.floors = static_cast<int>(high_rise ? rng_.Between(11, 33) : rng_.Between(5, 7));
    plan.units_per_building = static_cast<int>(rng_.Between(1, 4));
    plan.rooms_per_floor = static_cast<int>(rng_.Between(2, 4));
    plan.heated = rng_.Chance(kHeatedShare);
    plan.piped_gas = rng_.Chance(kPipedGasShare);
    const Point center = Jitter(Districts()[district].center, kDistrictRadiusKm);
    plan.node_id = NextId();
    layout_.nodes.push_back({plan.node_id, NodeKind::kCommunity, plan.district_id,
                             "community-" + Ordinal(static_cast<int>(community_count_)), plan.name,
                             center});
    const std::int64_t per_building =
        static_cast<std::int64_t>(plan.floors) * plan.units_per_building * plan.rooms_per_floor;
    const std::int64_t buildings = (households + per_building - 1) / per_building;
    for (std::int64_t b = 1; b <= buildings; ++b) {
      const std::int64_t building_id = NextId();
      const Point at = Jitter(center, kBuildingSpreadKm);
      plan.building_ids.push_back(building_id);
      layout_.nodes.push_back({building_id, NodeKind::kBuilding, plan.node_id,
                               "b" + Ordinal(static_cast<int>(building_id)),
                               plan.name + Ordinal(static_cast<int>(b)) + "栋", at});
      for (int u = 1; u <= plan.units_per_building; ++u) {
        const std::int64_t unit_id = NextId();
        plan.unit_ids.push_back(unit_id);
        layout_.nodes.push_back({unit_id, NodeKind::kUnit, building_id,
                                 "u" + Ordinal(static_cast<int>(unit_id)), Ordinal(u) + "单元",
                                 at});
      }
    }
    layout_.communities.push_back(std::move(plan));
    return layout_.communities.back();
  }

  std::int64_t households_;
  Rng& rng_;
  CityLayout layout_;
  std::vector<std::int64_t> district_ids_;
  std::int64_t last_id_ = 0;
  std::size_t community_count_ = 0;
};

}  // namespace

CityLayout PlanCity(std::int64_t households, Rng& rng) {
  return LayoutBuilder(households, rng).Build();
}

bool PremiseSlots::Next(PremiseSlot& slot) {
  while (community_ < layout_.communities.size() &&
         used_in_community_ >= layout_.communities[community_].households) {
    ++community_;
    used_in_community_ = 0;
  }
  if (community_ >= layout_.communities.size()) return false;
  const CommunityPlan& c = layout_.communities[community_];
  const std::int64_t i = used_in_community_++;
  const std::int64_t per_unit = static_cast<std::int64_t>(c.floors) * c.rooms_per_floor;
  const std::int64_t unit_index = i / per_unit;
  const std::int64_t within = i % per_unit;
  slot.community = &c;
  slot.building_number = static_cast<int>(unit_index / c.units_per_building) + 1;
  slot.unit_number = static_cast<int>(unit_index % c.units_per_building) + 1;
  slot.unit_id = c.unit_ids[static_cast<std::size_t>(unit_index)];
  slot.building_id = c.building_ids[static_cast<std::size_t>(slot.building_number - 1)];
  slot.floor = static_cast<int>(within / c.rooms_per_floor) + 1;
  slot.room = static_cast<int>(within % c.rooms_per_floor) + 1;
  return true;
}

}  // namespace lifeline::demo
