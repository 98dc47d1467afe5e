#include "core/dispatch/search/individual.h"

namespace lifeline::dispatch::search {

Individual::Individual(const WorkingSolution& solution)
    : routes_(solution.Export()),
      cost_(solution.Cost()),
      successor_(static_cast<std::size_t>(solution.GetInstance().NumClients()), kUnassigned),
      predecessor_(static_cast<std::size_t>(solution.GetInstance().NumClients()), kUnassigned) {
  const Instance& instance = solution.GetInstance();
  for (const std::vector<Node>& route : routes_) {
    int previous = kDepot;
    for (const Node node : route) {
      if (instance.IsBreak(node)) continue;
      predecessor_[static_cast<std::size_t>(node)] = previous;
      if (previous != kDepot) successor_[static_cast<std::size_t>(previous)] = node;
      previous = node;
    }
    if (previous != kDepot) successor_[static_cast<std::size_t>(previous)] = kDepot;
  }
}

double Individual::BrokenPairsDistance(const Individual& other) const {
  const std::size_t n = successor_.size();
  if (n == 0) return 0;
  int broken = 0;
  for (std::size_t c = 0; c < n; ++c) {
    // An edge counts as shared in either direction.
    const int next = successor_[c];
    if (next != other.successor_[c] && next != other.predecessor_[c]) ++broken;
    if (predecessor_[c] == kDepot && other.predecessor_[c] != kDepot &&
        other.successor_[c] != kDepot) {
      ++broken;
    }
  }
  return static_cast<double>(broken) / static_cast<double>(n);
}

}  // namespace lifeline::dispatch::search
