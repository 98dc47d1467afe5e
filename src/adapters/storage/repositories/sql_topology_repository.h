#pragma once

#include "adapters/storage/db.h"
#include "core/ports/customer_repository.h"

namespace lifeline::storage {

class SqlTopologyRepository final : public TopologyRepository {
 public:
  explicit SqlTopologyRepository(Connection& connection) : connection_(connection) {}
  Result<std::vector<TopologyNode>> ListNodes(NodeKind kind) override;
  Result<TopologyNode> FindNode(std::int64_t id) override;
  Result<PremisePath> PathOf(std::int64_t premise_id) override;

 private:
  Connection& connection_;
};

}  // namespace lifeline::storage
