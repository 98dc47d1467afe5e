#include "core/workorders/order_location.h"

#include <algorithm>

namespace lifeline {
namespace {

// Not found is "no location here", anything else a failure.
template <typename T>
Result<std::optional<T>> Maybe(Result<T> found) {
  if (found) return std::optional<T>(std::move(*found));
  if (found.error().code == ErrorCode::kNotFound) return std::optional<T>();
  return Fail(found.error());
}

dispatch::Point FromNode(const TopologyNode& node) {
  return {node.location.x_km, node.location.y_km};
}

}  // namespace

Result<std::optional<dispatch::Point>> OrderLocation(StoreSession& session,
                                                     const WorkOrder& order) {
  if (order.customer_id && order.account_id) {
    auto customer = Maybe(session.Customers().FindById(*order.customer_id));
    if (!customer) return Fail(customer.error());
    std::int64_t premise = 0;
    if (*customer) {
      for (const Account& a : (*customer)->accounts) {
        if (a.id == *order.account_id) premise = a.premise_id;
      }
    }
    if (premise != 0) {
      auto path = Maybe(session.Topology().PathOf(premise));
      if (!path) return Fail(path.error());
      if (*path) {
        // unit, building, community, district, …: the building first, then the community.
        for (std::size_t i = 1; i < std::min<std::size_t>(3, (*path)->node_ids.size()); ++i) {
          auto node = Maybe(session.Topology().FindNode((*path)->node_ids[i]));
          if (!node) return Fail(node.error());
          if (*node) return std::optional<dispatch::Point>(FromNode(**node));
        }
      }
    }
  }
  if (order.district_id) {
    auto node = Maybe(session.Topology().FindNode(*order.district_id));
    if (!node) return Fail(node.error());
    if (*node) return std::optional<dispatch::Point>(FromNode(**node));
  }
  return std::optional<dispatch::Point>();
}

}  // namespace lifeline
