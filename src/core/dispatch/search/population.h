// The population of the hybrid genetic search with its diversity management (Vidal et al.
// 2012): feasible and infeasible solutions live in separate subpopulations; each member's
// "biased fitness" ranks it by penalised cost and by its average broken-pairs distance to its
// closest members, so a good but redundant solution ranks below a slightly worse distinctive
// one. When a subpopulation reaches min_size + generation_size, the worst by that fitness
// (clones first) are removed until min_size remain.
#pragma once

#include <cstddef>
#include <memory>
#include <utility>
#include <vector>

#include "core/common/rng.h"
#include "core/dispatch/search/cost_evaluator.h"
#include "core/dispatch/search/individual.h"

namespace lifeline::dispatch::search {

struct PopulationParams {
  int min_size = 25;
  int generation_size = 40;
  int elite = 4;  // members whose rank by cost alone keeps them safe
  int close = 5;  // closest members averaged for the diversity contribution
};

class Population {
 public:
  explicit Population(const PopulationParams& params);

  void Add(Individual individual, const CostEvaluator& cost);
  // Binary tournament on biased fitness over both subpopulations; the population is not empty.
  const Individual& Select(Rng& rng, const CostEvaluator& cost);
  std::size_t Size() const { return feasible_.Size() + infeasible_.Size(); }
  void Clear();

 private:
  struct Member {
    Individual individual;
    double fitness = 0;
    std::vector<std::pair<double, const Member*>> closest;  // ascending distance
  };

  class SubPopulation {
   public:
    explicit SubPopulation(const PopulationParams& params) : params_(params) {}
    void Add(Individual individual, const CostEvaluator& cost);
    void UpdateFitness(const CostEvaluator& cost);
    std::size_t Size() const { return members_.size(); }
    const Member& At(std::size_t index) const { return *members_[index]; }
    void Clear() { members_.clear(); }

   private:
    double AverageClosest(const Member& member) const;
    void RemoveWorst(const CostEvaluator& cost);

    PopulationParams params_;
    std::vector<std::unique_ptr<Member>> members_;
  };

  const Member& Pick(Rng& rng) const;

  PopulationParams params_;
  SubPopulation feasible_;
  SubPopulation infeasible_;
};

}  // namespace lifeline::dispatch::search
