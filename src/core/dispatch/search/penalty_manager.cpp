#include "core/dispatch/search/penalty_manager.h"

#include <algorithm>

namespace lifeline::dispatch::search {

PenaltyManager::PenaltyManager(const Instance& instance, const PenaltyParams& params)
    : params_(params),
      // A unit of excess load priced like the longest edge divided by the largest demand:
      // strong enough to matter, weak enough to be crossed (HGS-CVRP's starting point).
      load_penalty_(
          std::clamp(instance.MaxDemand() > 0
                         ? instance.MaxDistance() / static_cast<double>(instance.MaxDemand())
                         : 1.0,
                     params.min_penalty, 1000.0)),
      warp_penalty_(params.initial_warp_penalty) {}

double PenaltyManager::Adjust(double penalty, int feasible) const {
  const double share = static_cast<double>(feasible) / params_.update_every;
  if (share < params_.target_feasible - 0.05) {
    return std::min(penalty * params_.increase, params_.max_penalty);
  }
  if (share > params_.target_feasible + 0.05) {
    return std::max(penalty * params_.decrease, params_.min_penalty);
  }
  return penalty;
}

bool PenaltyManager::Register(const CostBreakdown& cost) {
  load_feasible_ += cost.load_excess == 0 ? 1 : 0;
  warp_feasible_ += cost.time_warp <= kWarpTolerance ? 1 : 0;
  if (++registered_ < params_.update_every) return false;
  load_penalty_ = Adjust(load_penalty_, load_feasible_);
  warp_penalty_ = Adjust(warp_penalty_, warp_feasible_);
  registered_ = load_feasible_ = warp_feasible_ = 0;
  return true;
}

}  // namespace lifeline::dispatch::search
