// Adapts the prices of excess load and time warp so that a target share of the local search's
// results is feasible (Vidal et al. 2012, 2013; Cordeau, Laporte & Mercier 2001). Too few
// feasible results: penalties rise and push the search back; too many: they fall and let it
// cut through infeasible regions, which is what finds the shortest feasible routes.
#pragma once

#include <cstdint>

#include "core/dispatch/search/cost_evaluator.h"
#include "core/dispatch/search/instance.h"

namespace lifeline::dispatch::search {

struct PenaltyParams {
  // Measured: HGS-CVRP's starting value of 1 leaves the first solutions hundreds of time units
  // late on Solomon, and their local searches take about twice as long to finish.
  double initial_warp_penalty = 6;
  double target_feasible = 0.2;
  int update_every = 100;  // local search results between adjustments
  double increase = 1.2;
  double decrease = 0.85;
  double repair_booster = 10;  // multiplier for the repair pass of infeasible offspring
  double min_penalty = 0.1;
  double max_penalty = 100000;
};

class PenaltyManager {
 public:
  PenaltyManager(const Instance& instance, const PenaltyParams& params);

  CostEvaluator Evaluator() const { return {load_penalty_, warp_penalty_}; }
  CostEvaluator Boosted() const {
    return {load_penalty_ * params_.repair_booster, warp_penalty_ * params_.repair_booster};
  }

  // Records the outcome of one local search; adjusts the penalties every `update_every` calls.
  // Returns true when they changed.
  bool Register(const CostBreakdown& cost);

 private:
  double Adjust(double penalty, int feasible) const;

  PenaltyParams params_;
  double load_penalty_;
  double warp_penalty_;
  int registered_ = 0;
  int load_feasible_ = 0;
  int warp_feasible_ = 0;
};

}  // namespace lifeline::dispatch::search
