#include "core/dispatch/search/population.h"

#include <algorithm>
#include <numeric>

namespace lifeline::dispatch::search {

Population::Population(const PopulationParams& params)
    : params_(params), feasible_(params_), infeasible_(params_) {}

void Population::Add(Individual individual, const CostEvaluator& cost) {
  (individual.Feasible() ? feasible_ : infeasible_).Add(std::move(individual), cost);
}

void Population::Clear() {
  feasible_.Clear();
  infeasible_.Clear();
}

const Population::Member& Population::Pick(Rng& rng) const {
  const std::size_t index = rng.Below(Size());
  return index < feasible_.Size() ? feasible_.At(index) : infeasible_.At(index - feasible_.Size());
}

const Individual& Population::Select(Rng& rng, const CostEvaluator& cost) {
  feasible_.UpdateFitness(cost);
  infeasible_.UpdateFitness(cost);
  const Member& first = Pick(rng);
  const Member& second = Pick(rng);
  return (first.fitness <= second.fitness ? first : second).individual;
}

void Population::SubPopulation::Add(Individual individual, const CostEvaluator& cost) {
  auto member = std::make_unique<Member>(Member{std::move(individual), 0, {}});
  for (const auto& other : members_) {
    const double distance = member->individual.BrokenPairsDistance(other->individual);
    const auto insert = [](Member& into, double d, const Member* who) {
      const auto at = std::lower_bound(
          into.closest.begin(), into.closest.end(), std::pair<double, const Member*>(d, who),
          [](const auto& a, const auto& b) { return a.first < b.first; });
      into.closest.insert(at, {d, who});
    };
    insert(*other, distance, member.get());
    insert(*member, distance, other.get());
  }
  members_.push_back(std::move(member));
  if (members_.size() >= static_cast<std::size_t>(params_.min_size + params_.generation_size)) {
    while (members_.size() > static_cast<std::size_t>(params_.min_size)) RemoveWorst(cost);
  }
}

double Population::SubPopulation::AverageClosest(const Member& member) const {
  const std::size_t count =
      std::min(member.closest.size(), static_cast<std::size_t>(params_.close));
  if (count == 0) return 0;
  double sum = 0;
  for (std::size_t i = 0; i < count; ++i) sum += member.closest[i].first;
  return sum / static_cast<double>(count);
}

void Population::SubPopulation::UpdateFitness(const CostEvaluator& cost) {
  const std::size_t size = members_.size();
  if (size == 0) return;
  if (size == 1) {
    members_[0]->fitness = 0;
    return;
  }
  std::vector<std::size_t> by_cost(size);
  std::iota(by_cost.begin(), by_cost.end(), 0);
  std::vector<double> costs(size);
  std::vector<double> diversity(size);
  for (std::size_t i = 0; i < size; ++i) {
    costs[i] = cost.Penalised(members_[i]->individual.Cost());
    diversity[i] = AverageClosest(*members_[i]);
  }
  // Ties broken by index keep the ranking deterministic. (std::sort, not std::stable_sort:
  // clang 19 rejects the latter's deprecated temporary buffer in C++23 with libstdc++ 12.)
  std::sort(by_cost.begin(), by_cost.end(), [&](std::size_t a, std::size_t b) {
    return costs[a] != costs[b] ? costs[a] < costs[b] : a < b;
  });
  std::vector<std::size_t> by_diversity(size);
  std::iota(by_diversity.begin(), by_diversity.end(), 0);
  std::sort(by_diversity.begin(), by_diversity.end(), [&](std::size_t a, std::size_t b) {
    return diversity[a] != diversity[b] ? diversity[a] > diversity[b] : a < b;
  });

  const double scale = static_cast<double>(size - 1);
  const double diversity_weight =
      1.0 - static_cast<double>(params_.elite) / static_cast<double>(size);
  std::vector<double> fitness(size, 0);
  for (std::size_t rank = 0; rank < size; ++rank) {
    fitness[by_cost[rank]] += static_cast<double>(rank) / scale;
    fitness[by_diversity[rank]] += diversity_weight * static_cast<double>(rank) / scale;
  }
  for (std::size_t i = 0; i < size; ++i) members_[i]->fitness = fitness[i];
}

void Population::SubPopulation::RemoveWorst(const CostEvaluator& cost) {
  UpdateFitness(cost);
  std::size_t worst = 0;
  bool worst_is_clone = false;
  for (std::size_t i = 0; i < members_.size(); ++i) {
    const Member& member = *members_[i];
    const bool clone = !member.closest.empty() && member.closest.front().first <= 0.0;
    // Clones go first; among equals, the worse fitness.
    if ((clone && !worst_is_clone) ||
        (clone == worst_is_clone && member.fitness > members_[worst]->fitness)) {
      worst = i;
      worst_is_clone = clone;
    }
  }
  const Member* removed = members_[worst].get();
  for (const auto& member : members_) {
    std::erase_if(member->closest, [&](const auto& entry) { return entry.second == removed; });
  }
  members_.erase(members_.begin() + static_cast<std::ptrdiff_t>(worst));
}

}  // namespace lifeline::dispatch::search
