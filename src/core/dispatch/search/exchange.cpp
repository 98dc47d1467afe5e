#include "core/dispatch/search/exchange.h"

#include <iterator>
#include <vector>

namespace lifeline::dispatch::search {
namespace {

// Whether stops first..last of `from` may move to `vehicle`: no break, and every client servable.
bool CanMoveTo(const Route& from, int first, int last, int vehicle, const Instance& instance) {
  const int rest = from.BreakPosition();
  if (rest >= first && rest <= last) return false;
  if (instance.AllCompatible()) return true;
  for (int position = first; position <= last; ++position) {
    if (!instance.CanServe(vehicle, from.At(position))) return false;
  }
  return true;
}

// The visits of positions first..last (1-based, inclusive).
std::vector<Node> Slice(const Route& route, int first, int last) {
  const auto visits = route.Visits();
  return {visits.begin() + (first - 1), visits.begin() + last};
}

void Append(std::vector<Node>& to, const std::vector<Node>& from) {
  to.insert(to.end(), from.begin(), from.end());
}

}  // namespace

bool Exchange::Applicable(const WorkingSolution& solution, Place u, Place v) const {
  const Route& route_u = solution.RouteAt(u.route);
  const Route& route_v = solution.RouteAt(v.route);
  if (u.position < 1 || u.position + moved_ - 1 > route_u.Size()) return false;
  if (swapped_ == 0) {
    if (v.position < 0 || v.position > route_v.Size()) return false;
  } else if (v.position < 1 || v.position + swapped_ - 1 > route_v.Size()) {
    return false;
  }
  if (u.route == v.route) {
    const int u_last = u.position + moved_ - 1;
    if (swapped_ == 0) return v.position < u.position - 1 || v.position > u_last;
    const int v_last = v.position + swapped_ - 1;
    return v_last < u.position || v.position > u_last;  // the two stretches must not overlap
  }
  const Instance& instance = solution.GetInstance();
  return CanMoveTo(route_u, u.position, u.position + moved_ - 1, v.route, instance) &&
         (swapped_ == 0 ||
          CanMoveTo(route_v, v.position, v.position + swapped_ - 1, u.route, instance));
}

double Exchange::Evaluate(const WorkingSolution& solution, Place u, Place v,
                          const CostEvaluator& cost) const {
  if (!Applicable(solution, u, v)) return 0;
  const Instance& instance = solution.GetInstance();
  const Route& route_u = solution.RouteAt(u.route);
  const Route& route_v = solution.RouteAt(v.route);
  const int pu = u.position;
  const int pv = v.position;
  const int n = moved_;
  const int m = swapped_;
  const int u_last = pu + n - 1;
  const int v_last = pv + m - 1;

  // Each case first bounds the change from distance and load alone, and computes the time
  // windows only for the few moves that bound does not rule out.
  if (u.route == v.route) {
    const double now = route_u.Cost(cost);
    const int clients = route_u.NumClients();
    if (m == 0 && pu < pv) {
      const Span bound =
          Join(route_u.PrefixSpan(pu - 1), route_u.SpanBetween(u_last + 1, pv),
               route_u.SpanBetween(pu, u_last), route_u.SuffixSpan(pv + 1), instance);
      if (route_u.CostBoundIf(bound, clients, cost) - now >= -kImprovement) return 0;
      return route_u.CostIf(Concat(route_u.Prefix(pu - 1), route_u.Between(u_last + 1, pv),
                                   route_u.Between(pu, u_last), route_u.Suffix(pv + 1), instance),
                            clients, cost) -
             now;
    }
    if (m == 0) {
      const Span bound =
          Join(route_u.PrefixSpan(pv), route_u.SpanBetween(pu, u_last),
               route_u.SpanBetween(pv + 1, pu - 1), route_u.SuffixSpan(u_last + 1), instance);
      if (route_u.CostBoundIf(bound, clients, cost) - now >= -kImprovement) return 0;
      return route_u.CostIf(
                 Concat(route_u.Prefix(pv), route_u.Between(pu, u_last),
                        route_u.Between(pv + 1, pu - 1), route_u.Suffix(u_last + 1), instance),
                 clients, cost) -
             now;
    }
    // A swap within the route: the earlier stretch is (first, first_last), the later one
    // (second, second_last), and they trade places.
    const bool u_first = pu < pv;
    const int first = u_first ? pu : pv;
    const int first_last = u_first ? u_last : v_last;
    const int second = u_first ? pv : pu;
    const int second_last = u_first ? v_last : u_last;
    const Span bound = Join(
        Join(route_u.PrefixSpan(first - 1), route_u.SpanBetween(second, second_last), instance),
        route_u.SpanBetween(first_last + 1, second - 1), route_u.SpanBetween(first, first_last),
        route_u.SuffixSpan(second_last + 1), instance);
    if (route_u.CostBoundIf(bound, clients, cost) - now >= -kImprovement) return 0;
    const Segment whole =
        Concat(Concat(route_u.Prefix(first - 1), route_u.Between(second, second_last), instance),
               route_u.Between(first_last + 1, second - 1), route_u.Between(first, first_last),
               route_u.Suffix(second_last + 1), instance);
    return route_u.CostIf(whole, clients, cost) - now;
  }

  // Between routes. Moved stretches hold clients only (breaks stay home), so the client
  // counts shift by exactly n and m.
  const int clients_u = route_u.NumClients() - n + m;
  const int clients_v = route_v.NumClients() + n - m;
  const double now = route_u.Cost(cost) + route_v.Cost(cost);
  const Span moved_span = route_u.SpanBetween(pu, u_last);
  Span bound_u;
  Span bound_v;
  if (m == 0) {
    bound_u = Join(route_u.PrefixSpan(pu - 1), route_u.SuffixSpan(u_last + 1), instance);
    bound_v = Join(route_v.PrefixSpan(pv), moved_span, route_v.SuffixSpan(pv + 1), instance);
  } else {
    bound_u = Join(route_u.PrefixSpan(pu - 1), route_v.SpanBetween(pv, v_last),
                   route_u.SuffixSpan(u_last + 1), instance);
    bound_v =
        Join(route_v.PrefixSpan(pv - 1), moved_span, route_v.SuffixSpan(v_last + 1), instance);
  }
  if (route_u.CostBoundIf(bound_u, clients_u, cost) +
          route_v.CostBoundIf(bound_v, clients_v, cost) - now >=
      -kImprovement) {
    return 0;
  }

  // Then U's side exactly (time warp included) with V's side still bounded, and only then V's.
  Segment new_u;
  if (m == 0) {
    new_u = Concat(route_u.Prefix(pu - 1), route_u.Suffix(u_last + 1), instance);
  } else {
    new_u = Concat(route_u.Prefix(pu - 1), route_v.Between(pv, v_last), route_u.Suffix(u_last + 1),
                   instance);
  }
  const double cost_u = route_u.CostIf(new_u, clients_u, cost);
  if (cost_u + route_v.CostBoundIf(bound_v, clients_v, cost) - now >= -kImprovement) return 0;
  const Segment moved = route_u.Between(pu, u_last);
  const Segment new_v =
      m == 0 ? Concat(route_v.Prefix(pv), moved, route_v.Suffix(pv + 1), instance)
             : Concat(route_v.Prefix(pv - 1), moved, route_v.Suffix(v_last + 1), instance);
  return cost_u + route_v.CostIf(new_v, clients_v, cost) - now;
}

void Exchange::Apply(WorkingSolution& solution, Place u, Place v) const {
  const int pu = u.position;
  const int pv = v.position;
  const int n = moved_;
  const int m = swapped_;
  Route& route_u = solution.RouteAt(u.route);
  Route& route_v = solution.RouteAt(v.route);
  const std::vector<Node> moved = Slice(route_u, pu, pu + n - 1);

  if (u.route == v.route) {
    const int size = route_u.Size();
    std::vector<Node> visits;
    visits.reserve(static_cast<std::size_t>(size));
    if (m == 0) {
      if (pu < pv) {
        Append(visits, Slice(route_u, 1, pu - 1));
        Append(visits, Slice(route_u, pu + n, pv));
        Append(visits, moved);
        Append(visits, Slice(route_u, pv + 1, size));
      } else {
        Append(visits, Slice(route_u, 1, pv));
        Append(visits, moved);
        Append(visits, Slice(route_u, pv + 1, pu - 1));
        Append(visits, Slice(route_u, pu + n, size));
      }
    } else {
      const std::vector<Node> swapped = Slice(route_u, pv, pv + m - 1);
      const bool u_first = pu < pv;
      const int first = u_first ? pu : pv;
      const int first_len = u_first ? n : m;
      const int second = u_first ? pv : pu;
      const int second_len = u_first ? m : n;
      Append(visits, Slice(route_u, 1, first - 1));
      Append(visits, u_first ? swapped : moved);
      Append(visits, Slice(route_u, first + first_len, second - 1));
      Append(visits, u_first ? moved : swapped);
      Append(visits, Slice(route_u, second + second_len, size));
    }
    route_u.MutableVisits() = std::move(visits);
    solution.Refresh(u.route);
    return;
  }

  std::vector<Node>& visits_u = route_u.MutableVisits();
  std::vector<Node>& visits_v = route_v.MutableVisits();
  const auto u_begin = visits_u.begin() + (pu - 1);
  if (m == 0) {
    visits_u.erase(u_begin, u_begin + n);
    visits_v.insert(visits_v.begin() + pv, moved.begin(), moved.end());
  } else {
    const std::vector<Node> swapped = Slice(route_v, pv, pv + m - 1);
    visits_u.erase(u_begin, u_begin + n);
    visits_u.insert(visits_u.begin() + (pu - 1), swapped.begin(), swapped.end());
    const auto v_begin = visits_v.begin() + (pv - 1);
    visits_v.erase(v_begin, v_begin + m);
    visits_v.insert(visits_v.begin() + (pv - 1), moved.begin(), moved.end());
  }
  solution.Refresh(u.route);
  solution.Refresh(v.route);
}

}  // namespace lifeline::dispatch::search
