#include "core/dispatch/search/construction.h"

#include <numeric>
#include <vector>

#include "core/dispatch/search/insertion.h"
#include "core/dispatch/search/shuffle.h"

namespace lifeline::dispatch::search {

void ConstructRandomised(WorkingSolution& solution, const Neighbourhood& neighbourhood,
                         const CostEvaluator& cost, Rng& rng) {
  const Instance& instance = solution.GetInstance();
  solution.Load(RouteLists(static_cast<std::size_t>(instance.NumVehicles())));
  std::vector<int> order(static_cast<std::size_t>(instance.NumClients()));
  std::iota(order.begin(), order.end(), 0);
  Shuffle(std::span<int>(order), rng);
  for (const int client : order) {
    const Insertion best = BestInsertion(solution, neighbourhood, client, cost);
    if (best.route >= 0 && best.delta < instance.Client(client).penalty) {
      solution.Insert(client, best.route, best.after);
    }
  }
}

}  // namespace lifeline::dispatch::search
