// The service topology: where every customer sits, geographically and on each network.
//
//   district ─┬─ community (小区) ─ building (楼栋) ─ unit (单元) ─ premise (户)
//             ├─ supply zone (DMA, 计量分区)      ┐
//             ├─ heat substation (换热站)         ├ each community is fed by one of each
//             └─ gas regulator station (调压站)   ┘
//
// Premises are kept apart from the node tree because there are a million of them and they are
// only ever reached through their unit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lifeline {

enum class NodeKind {
  kDistrict,
  kSupplyZone,
  kSubstation,
  kRegulatorStation,
  kCommunity,
  kBuilding,
  kUnit,
};

std::string_view NodeKindCode(NodeKind kind);
std::optional<NodeKind> ParseNodeKind(std::string_view code);

// Coordinates are kilometres east and north of the city centre: the map, the heat view and the
// dispatch travel times all work on this plane, with no online map tiles.
struct Point {
  double x_km = 0;
  double y_km = 0;
};

struct TopologyNode {
  std::int64_t id = 0;
  NodeKind kind = NodeKind::kDistrict;
  std::optional<std::int64_t> parent_id;
  std::string code;
  std::string name;
  Point location;
};

// Which network nodes feed a community.
struct CommunityFeed {
  std::int64_t community_id = 0;
  std::int64_t supply_zone_id = 0;
  std::optional<std::int64_t> substation_id;         // not every community has district heating
  std::optional<std::int64_t> regulator_station_id;  // nor piped gas
};

struct Premise {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;
  std::int64_t building_id = 0;
  std::int64_t community_id = 0;
  std::int64_t district_id = 0;
  std::string room;     // "502"
  std::string address;  // the full postal form: "临江市江北区锦绣花园3栋2单元502室"
};

// Every node a premise hangs from: its area nodes and the network nodes that feed it. An
// outage on any of them reaches the premise (docs/design/outages.md).
struct PremisePath {
  std::int64_t premise_id = 0;
  std::vector<std::int64_t> node_ids;
};

}  // namespace lifeline
