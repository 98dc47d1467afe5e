#include "core/dispatch/search/crossover.h"

#include <algorithm>
#include <utility>

#include "core/dispatch/search/insertion.h"

namespace lifeline::dispatch::search {
namespace {

// Maps each client to its route in `routes`, -1 when unassigned.
void MapRoutes(const RouteLists& routes, const Instance& instance, std::vector<int>& route_of) {
  std::fill(route_of.begin(), route_of.end(), -1);
  for (std::size_t r = 0; r < routes.size(); ++r) {
    for (const Node node : routes[r]) {
      if (!instance.IsBreak(node)) route_of[static_cast<std::size_t>(node)] = static_cast<int>(r);
    }
  }
}

bool HasClients(const std::vector<Node>& route, const Instance& instance) {
  return std::any_of(route.begin(), route.end(), [&](Node n) { return !instance.IsBreak(n); });
}

}  // namespace

Crossover::Crossover(const Instance& instance, const Neighbourhood& neighbourhood,
                     int moved_clients)
    : instance_(instance),
      neighbourhood_(neighbourhood),
      moved_clients_(moved_clients),
      scratch_(instance),
      route_of_(static_cast<std::size_t>(instance.NumClients()), -1) {}

std::vector<int> Crossover::PickDonorRoutes(const Individual& donor, Rng& rng) {
  const RouteLists& routes = donor.Routes();
  std::vector<int> candidates;
  for (std::size_t r = 0; r < routes.size(); ++r) {
    if (HasClients(routes[r], instance_)) candidates.push_back(static_cast<int>(r));
  }
  if (candidates.empty()) return {};
  MapRoutes(routes, instance_, route_of_);
  const auto assigned = static_cast<std::size_t>(
      std::count_if(route_of_.begin(), route_of_.end(), [](int r) { return r >= 0; }));
  const std::size_t cap = std::clamp<std::size_t>(
      (candidates.size() * static_cast<std::size_t>(moved_clients_) + assigned - 1) / assigned, 1,
      candidates.size());
  const std::size_t count = 1 + rng.Below(cap);

  // Grow a spatially coherent group: start anywhere, then repeatedly add the route with the
  // most granular-neighbour links into the group.
  const std::size_t vehicles = routes.size();
  std::vector<int> links(vehicles, 0);
  std::vector<bool> chosen(vehicles, false);
  std::vector<int> picked;
  int next = candidates[rng.Below(candidates.size())];
  while (true) {
    picked.push_back(next);
    chosen[static_cast<std::size_t>(next)] = true;
    if (picked.size() == count) break;
    for (const Node node : routes[static_cast<std::size_t>(next)]) {
      if (instance_.IsBreak(node)) continue;
      for (const int neighbour : neighbourhood_.Of(node)) {
        const int route = route_of_[static_cast<std::size_t>(neighbour)];
        if (route >= 0) ++links[static_cast<std::size_t>(route)];
      }
    }
    // Ties (often zero links) go to a random candidate so the groups vary.
    const std::size_t offset = rng.Below(candidates.size());
    next = -1;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      const int route = candidates[(i + offset) % candidates.size()];
      if (chosen[static_cast<std::size_t>(route)]) continue;
      if (next < 0 ||
          links[static_cast<std::size_t>(route)] > links[static_cast<std::size_t>(next)]) {
        next = route;
      }
    }
  }
  return picked;
}

void Crossover::Apply(const Individual& base, const Individual& donor, const CostEvaluator& cost,
                      Rng& rng, WorkingSolution& out) {
  const std::vector<int> donor_routes = PickDonorRoutes(donor, rng);
  if (donor_routes.empty()) {
    out.Load(base.Routes());
    Repair(out, cost);
    return;
  }

  // Match each donor route to the base vehicle of its class whose route overlaps it most; on
  // no overlap at all, an unused base vehicle is preferred to destroying an unrelated route.
  const RouteLists& base_routes = base.Routes();
  const RouteLists& donor_lists = donor.Routes();
  MapRoutes(base_routes, instance_, route_of_);
  const std::size_t vehicles = base_routes.size();
  std::vector<bool> base_empty(vehicles);
  for (std::size_t v = 0; v < vehicles; ++v) base_empty[v] = !HasClients(base_routes[v], instance_);
  std::vector<int> overlap(vehicles, 0);
  std::vector<int> target_of(vehicles, -1);  // donor route → base vehicle that receives it
  std::vector<bool> taken(vehicles, false);
  for (const int d : donor_routes) {
    std::fill(overlap.begin(), overlap.end(), 0);
    for (const Node node : donor_lists[static_cast<std::size_t>(d)]) {
      if (instance_.IsBreak(node)) continue;
      const int r = route_of_[static_cast<std::size_t>(node)];
      if (r >= 0) ++overlap[static_cast<std::size_t>(r)];
    }
    const auto score = [&](std::size_t v) { return 2 * overlap[v] + (base_empty[v] ? 1 : 0); };
    const int vehicle_class = instance_.Vehicle(d).vehicle_class;
    std::size_t best = vehicles;
    for (std::size_t v = 0; v < vehicles; ++v) {
      if (taken[v] || instance_.Vehicle(static_cast<int>(v)).vehicle_class != vehicle_class)
        continue;
      if (best == vehicles || score(v) > score(best)) best = v;
    }
    // The donor's own vehicle is in the class and never taken twice, so `best` always exists.
    taken[best] = true;
    target_of[static_cast<std::size_t>(d)] = static_cast<int>(best);
  }

  // Clients in the donor's selected routes, and in the base routes they replace.
  std::vector<std::uint8_t> in_donor(static_cast<std::size_t>(instance_.NumClients()), 0);
  std::vector<std::uint8_t> in_replaced(static_cast<std::size_t>(instance_.NumClients()), 0);
  for (const int d : donor_routes) {
    for (const Node node : donor_lists[static_cast<std::size_t>(d)]) {
      if (!instance_.IsBreak(node)) in_donor[static_cast<std::size_t>(node)] = 1;
    }
    for (const Node node :
         base_routes[static_cast<std::size_t>(target_of[static_cast<std::size_t>(d)])]) {
      if (!instance_.IsBreak(node)) in_replaced[static_cast<std::size_t>(node)] = 1;
    }
  }

  // Offspring 1 keeps the donor routes whole and drops their clients from the other routes;
  // offspring 2 keeps the other base routes whole and drops those clients from the donor routes.
  RouteLists first(vehicles);
  RouteLists second(vehicles);
  for (std::size_t v = 0; v < vehicles; ++v) {
    if (taken[v]) continue;
    for (const Node node : base_routes[v]) {
      second[v].push_back(node);
      if (instance_.IsBreak(node) || !in_donor[static_cast<std::size_t>(node)])
        first[v].push_back(node);
    }
  }
  for (const int d : donor_routes) {
    const auto target = static_cast<std::size_t>(target_of[static_cast<std::size_t>(d)]);
    for (const Node node : donor_lists[static_cast<std::size_t>(d)]) {
      // The donor's break becomes the target vehicle's own: same class, same break.
      const Node mapped =
          instance_.IsBreak(node) ? instance_.BreakNode(static_cast<int>(target)) : node;
      first[target].push_back(mapped);
      const bool kept_elsewhere = !instance_.IsBreak(node) &&
                                  !in_replaced[static_cast<std::size_t>(node)] &&
                                  route_of_[static_cast<std::size_t>(node)] >= 0;
      if (!kept_elsewhere) second[target].push_back(mapped);
    }
  }

  out.Load(first);
  Repair(out, cost);
  scratch_.Load(second);
  Repair(scratch_, cost);
  if (scratch_.PenalisedCost(cost) < out.PenalisedCost(cost)) std::swap(out, scratch_);
}

void Crossover::Repair(WorkingSolution& solution, const CostEvaluator& cost) {
  unplanned_.clear();
  for (int client = 0; client < instance_.NumClients(); ++client) {
    if (!solution.IsAssigned(client)) unplanned_.push_back(client);
  }
  for (const int client : unplanned_) {
    const Insertion best = BestInsertion(solution, neighbourhood_, client, cost);
    // Optional clients stay out when serving them costs more than leaving them.
    if (best.route >= 0 && best.delta < instance_.Client(client).penalty) {
      solution.Insert(client, best.route, best.after);
    }
  }
}

}  // namespace lifeline::dispatch::search
