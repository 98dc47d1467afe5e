#include "core/dispatch/search/swap_tails.h"

#include <vector>

namespace lifeline::dispatch::search {
namespace {

// Whether the stops after `position` may all move to `vehicle`.
bool TailMovesTo(const Route& route, int position, int vehicle, const Instance& instance) {
  if (route.BreakPosition() > position) return false;
  if (instance.AllCompatible()) return true;
  for (int p = position + 1; p <= route.Size(); ++p) {
    if (!instance.CanServe(vehicle, route.At(p))) return false;
  }
  return true;
}

// Clients among positions 1..position; the break, if there, is one of them.
int ClientsUpTo(const Route& route, int position) {
  const int rest = route.BreakPosition();
  return position - (rest > 0 && rest <= position ? 1 : 0);
}

}  // namespace

double SwapTails::Evaluate(const WorkingSolution& solution, Place u, Place v,
                           const CostEvaluator& cost) const {
  if (u.route == v.route) return 0;
  const Instance& instance = solution.GetInstance();
  const Route& route_u = solution.RouteAt(u.route);
  const Route& route_v = solution.RouteAt(v.route);
  const int pu = u.position;
  const int pv = v.position;
  if (pu < 0 || pu > route_u.Size() || pv < 0 || pv > route_v.Size()) return 0;
  if (pu == route_u.Size() && pv == route_v.Size()) return 0;  // both tails empty
  if (!TailMovesTo(route_u, pu, v.route, instance) ||
      !TailMovesTo(route_v, pv, u.route, instance)) {
    return 0;
  }
  // Tails hold no break (checked above), so every tail stop is a client.
  const int clients_u = ClientsUpTo(route_u, pu) + (route_v.Size() - pv);
  const int clients_v = ClientsUpTo(route_v, pv) + (route_u.Size() - pu);
  const double now = route_u.Cost(cost) + route_v.Cost(cost);
  // A cached suffix ends at its own vehicle's depot; when the two vehicles end differently each
  // tail is rebuilt in O(length) and closed with the depot of the vehicle it moves to.
  if (!instance.SameEnd(u.route, v.route)) {
    const Segment new_u = Concat(route_u.Prefix(pu), route_v.Between(pv + 1, route_v.Size()),
                                 instance.EndSegment(u.route), instance);
    const Segment new_v = Concat(route_v.Prefix(pv), route_u.Between(pu + 1, route_u.Size()),
                                 instance.EndSegment(v.route), instance);
    return route_u.CostIf(new_u, clients_u, cost) + route_v.CostIf(new_v, clients_v, cost) - now;
  }
  // Distance and load first; time windows only when that bound leaves room for a gain.
  const Span bound_u = Join(route_u.PrefixSpan(pu), route_v.SuffixSpan(pv + 1), instance);
  const Span bound_v = Join(route_v.PrefixSpan(pv), route_u.SuffixSpan(pu + 1), instance);
  if (route_u.CostBoundIf(bound_u, clients_u, cost) +
          route_v.CostBoundIf(bound_v, clients_v, cost) - now >=
      -kImprovement) {
    return 0;
  }
  const Segment new_u = Concat(route_u.Prefix(pu), route_v.Suffix(pv + 1), instance);
  const Segment new_v = Concat(route_v.Prefix(pv), route_u.Suffix(pu + 1), instance);
  return route_u.CostIf(new_u, clients_u, cost) + route_v.CostIf(new_v, clients_v, cost) - now;
}

void SwapTails::Apply(WorkingSolution& solution, Place u, Place v) const {
  std::vector<Node>& visits_u = solution.RouteAt(u.route).MutableVisits();
  std::vector<Node>& visits_v = solution.RouteAt(v.route).MutableVisits();
  std::vector<Node> tail_u(visits_u.begin() + u.position, visits_u.end());
  visits_u.resize(static_cast<std::size_t>(u.position));
  visits_u.insert(visits_u.end(), visits_v.begin() + v.position, visits_v.end());
  visits_v.resize(static_cast<std::size_t>(v.position));
  visits_v.insert(visits_v.end(), tail_u.begin(), tail_u.end());
  solution.Refresh(u.route);
  solution.Refresh(v.route);
}

}  // namespace lifeline::dispatch::search
