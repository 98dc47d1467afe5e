// Granular neighbourhoods (Toth & Vigo 2003): the local search only tries moves that put a
// client next to one of its few closest clients, which keeps a full pass near-linear in the
// number of clients instead of quadratic. "Close" accounts for time windows as in Vidal et al.
// (2013): travel distance plus a weighted minimum wait and minimum time warp if one were
// served straight after the other, so clients whose windows do not fit together are far apart.
#pragma once

#include <span>
#include <vector>

#include "core/dispatch/search/instance.h"

namespace lifeline::dispatch::search {

struct NeighbourhoodParams {
  int size = 40;
  double wait_weight = 0.2;
  double warp_weight = 1.0;
};

class Neighbourhood {
 public:
  Neighbourhood(const Instance& instance, const NeighbourhoodParams& params);

  // The closest clients first. Pairs no single vehicle could serve together are left out.
  std::span<const int> Of(int client) const {
    return neighbours_[static_cast<std::size_t>(client)];
  }

 private:
  std::vector<std::vector<int>> neighbours_;
};

}  // namespace lifeline::dispatch::search
