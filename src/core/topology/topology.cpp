#include "core/topology/topology.h"

#include "core/common/enum_codes.h"

namespace lifeline {

namespace {
constexpr std::array kKinds = {
    NodeKind::kDistrict,  NodeKind::kSupplyZone, NodeKind::kSubstation, NodeKind::kRegulatorStation,
    NodeKind::kCommunity, NodeKind::kBuilding,   NodeKind::kUnit};
}

std::string_view NodeKindCode(NodeKind kind) {
  switch (kind) {
    case NodeKind::kDistrict:
      return "district";
    case NodeKind::kSupplyZone:
      return "supply_zone";
    case NodeKind::kSubstation:
      return "substation";
    case NodeKind::kRegulatorStation:
      return "regulator_station";
    case NodeKind::kCommunity:
      return "community";
    case NodeKind::kBuilding:
      return "building";
    case NodeKind::kUnit:
      return "unit";
  }
  return "district";
}

std::optional<NodeKind> ParseNodeKind(std::string_view code) {
  return ParseEnumCode(kKinds, code, NodeKindCode);
}

}  // namespace lifeline
