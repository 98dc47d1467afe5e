#include "adapters/storage/repositories/sql_topology_repository.h"

#include "adapters/storage/sql_helpers.h"

namespace lifeline::storage {

namespace {

constexpr Query kNodesOfKind{
    "topology.nodes_of_kind",
    "SELECT id, kind, parent_id, code, name, x_km, y_km FROM topology_nodes"
    " WHERE kind = $1 ORDER BY id"};
constexpr Query kNodeById{"topology.node_by_id",
                          "SELECT id, kind, parent_id, code, name, x_km, y_km FROM topology_nodes"
                          " WHERE id = $1"};

constexpr Query kPremisePath{
    "topology.premise_path",
    "SELECT p.unit_id, p.building_id, p.community_id, p.district_id, f.supply_zone_id,"
    " f.substation_id, f.regulator_station_id"
    " FROM premises p LEFT JOIN community_feeds f ON f.community_id = p.community_id"
    " WHERE p.id = $1"};

Result<TopologyNode> MapNode(const Row& row) {
  TopologyNode node;
  node.id = row.Int(0);
  auto kind = ParseNodeKind(row.Text(1));
  if (!kind) return Fail(UnknownCode("node kind", row.Text(1)));
  node.kind = *kind;
  node.parent_id = row.OptInt(2);
  node.code = row.Str(3);
  node.name = row.Str(4);
  node.location = {row.Real(5), row.Real(6)};
  return node;
}

}  // namespace

Result<std::vector<TopologyNode>> SqlTopologyRepository::ListNodes(NodeKind kind) {
  return FetchAll<TopologyNode>(connection_, kNodesOfKind, {NodeKindCode(kind)}, MapNode);
}

Result<TopologyNode> SqlTopologyRepository::FindNode(std::int64_t id) {
  return FetchOne<TopologyNode>(connection_, kNodeById, {id}, MapNode, "topology node");
}

Result<PremisePath> SqlTopologyRepository::PathOf(std::int64_t premise_id) {
  return FetchOne<PremisePath>(
      connection_, kPremisePath, {premise_id},
      [premise_id](const Row& row) -> Result<PremisePath> {
        PremisePath path{premise_id, {}};
        for (int column = 0; column < 7; ++column) {
          if (!row.IsNull(column)) path.node_ids.push_back(row.Int(column));
        }
        return path;
      },
      "premise");
}

}  // namespace lifeline::storage
