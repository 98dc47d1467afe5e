// The penalised objective the search optimises. Following Vidal et al. (2013) the search may
// pass through infeasible plans: excess load and time warp are priced by weights that the
// PenaltyManager tunes, so the search can cross infeasible regions to reach better feasible
// ones. Only the distance, fixed costs, the balance term and unassigned penalties are the real
// objective.
#pragma once

#include <algorithm>
#include <cstdint>

#include "core/dispatch/search/instance.h"
#include "core/dispatch/search/segment.h"

namespace lifeline::dispatch::search {

// Time warp below this is rounding noise, not lateness (the checker allows 1e-6 per stop).
inline constexpr double kWarpTolerance = 1e-7;

// A move must save more than this to count, so rounding noise cannot make the search cycle.
inline constexpr double kImprovement = 1e-9;

struct CostBreakdown {
  double distance = 0;
  double fixed = 0;
  double balance = 0;  // Σ balance_weight × route working time² (Problem::balance_weight)
  std::int64_t load_excess = 0;
  double time_warp = 0;
  double unassigned_penalty = 0;

  bool Feasible() const { return load_excess == 0 && time_warp <= kWarpTolerance; }
  // The real objective, meaningful for feasible plans.
  double Objective() const { return distance + fixed + balance + unassigned_penalty; }
};

class CostEvaluator {
 public:
  CostEvaluator(double load_penalty, double warp_penalty)
      : load_penalty_(load_penalty), warp_penalty_(warp_penalty) {}

  double LoadPenalty() const { return load_penalty_; }
  double WarpPenalty() const { return warp_penalty_; }

  // The penalised cost of a whole route (depot to depot) that serves at least one client.
  double RouteCost(const Segment& whole, const VehicleData& vehicle) const {
    const std::int64_t excess = std::max<std::int64_t>(whole.load - vehicle.capacity, 0);
    return whole.distance + vehicle.fixed_cost + BalanceCost(whole, vehicle) +
           load_penalty_ * static_cast<double>(excess) + warp_penalty_ * whole.timing.time_warp;
  }

  static double BalanceCost(const Segment& whole, const VehicleData& vehicle) {
    return vehicle.balance_weight * whole.work * whole.work;
  }

  // RouteCost with the time warp and the balance term taken as zero: a lower bound from
  // distance and load alone.
  double RouteCostBound(const Span& whole, const VehicleData& vehicle) const {
    const std::int64_t excess = std::max<std::int64_t>(whole.load - vehicle.capacity, 0);
    return whole.distance + vehicle.fixed_cost + load_penalty_ * static_cast<double>(excess);
  }

  double Penalised(const CostBreakdown& cost) const {
    return cost.Objective() + load_penalty_ * static_cast<double>(cost.load_excess) +
           warp_penalty_ * cost.time_warp;
  }

 private:
  double load_penalty_;
  double warp_penalty_;
};

}  // namespace lifeline::dispatch::search
