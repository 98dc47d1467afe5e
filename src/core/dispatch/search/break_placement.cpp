#include "core/dispatch/search/break_placement.h"

namespace lifeline::dispatch::search {

bool BreakPlacement::Improve(WorkingSolution& solution, int route_index,
                             const CostEvaluator& cost) {
  Route& route = solution.RouteAt(route_index);
  const int current = route.BreakPosition();
  if (current == 0 || !route.HasClients()) return false;
  const Instance& instance = solution.GetInstance();

  // Stops of the route without the break, depots included: positions 0..size+1 minus `current`.
  const int stops = route.Size() + 1;  // one fewer than the route's own stop count
  const auto original = [&](int i) { return i < current ? i : i + 1; };
  prefix_.resize(static_cast<std::size_t>(stops));
  suffix_.resize(static_cast<std::size_t>(stops));
  prefix_[0] = route.SegmentAt(0);
  for (int i = 1; i < stops; ++i) {
    prefix_[static_cast<std::size_t>(i)] =
        Concat(prefix_[static_cast<std::size_t>(i - 1)], route.SegmentAt(original(i)), instance);
  }
  suffix_[static_cast<std::size_t>(stops - 1)] = route.SegmentAt(original(stops - 1));
  for (int i = stops - 1; i-- > 0;) {
    suffix_[static_cast<std::size_t>(i)] =
        Concat(route.SegmentAt(original(i)), suffix_[static_cast<std::size_t>(i + 1)], instance);
  }

  const Segment& rest = route.SegmentAt(current);
  const double now = route.Cost(cost);
  double best = now - kImprovement;
  int best_after = -1;
  for (int after = 0; after + 1 < stops; ++after) {
    const Segment whole = Concat(prefix_[static_cast<std::size_t>(after)], rest,
                                 suffix_[static_cast<std::size_t>(after + 1)], instance);
    const double candidate = route.CostIf(whole, route.NumClients(), cost);
    if (candidate < best) {
      best = candidate;
      best_after = after;
    }
  }
  if (best_after < 0) return false;

  std::vector<Node>& visits = route.MutableVisits();
  const Node node = visits[static_cast<std::size_t>(current - 1)];
  visits.erase(visits.begin() + (current - 1));
  visits.insert(visits.begin() + best_after, node);
  solution.Refresh(route_index);
  return true;
}

}  // namespace lifeline::dispatch::search
