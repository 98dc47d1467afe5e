// 2-opt* (Potvin & Rousseau 1995): cut two routes after U and after V and swap the tails, so
// U's route continues with what followed V and vice versa. The strongest inter-route move for
// time windows, since both tails keep their direction. V may be a start depot (position 0),
// which hands V's whole route to U's vehicle after U.
//
// Breaks stay with their vehicle: a tail holding a break is not swapped.
#pragma once

#include "core/dispatch/search/node_operator.h"

namespace lifeline::dispatch::search {

class SwapTails final : public NodeOperator {
 public:
  double Evaluate(const WorkingSolution& solution, Place u, Place v,
                  const CostEvaluator& cost) const override;
  void Apply(WorkingSolution& solution, Place u, Place v) const override;
};

}  // namespace lifeline::dispatch::search
