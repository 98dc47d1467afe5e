// (N, M)-exchange: swaps the N consecutive stops starting at U with the M consecutive stops
// starting at V, within a route or between two. With M = 0 it relocates the N stops to just
// after V (V may be the start depot). (1,0), (2,0), (1,1), (2,1) and (2,2) are the classic
// relocate, or-opt and swap neighbourhoods of HGS (Vidal et al. 2012, 2013).
//
// A vehicle's break never leaves its route: a segment holding it may only move within it.
#pragma once

#include "core/dispatch/search/node_operator.h"

namespace lifeline::dispatch::search {

class Exchange final : public NodeOperator {
 public:
  Exchange(int moved, int swapped) : moved_(moved), swapped_(swapped) {}

  double Evaluate(const WorkingSolution& solution, Place u, Place v,
                  const CostEvaluator& cost) const override;
  void Apply(WorkingSolution& solution, Place u, Place v) const override;

 private:
  bool Applicable(const WorkingSolution& solution, Place u, Place v) const;

  int moved_;    // N: stops taken from U's route
  int swapped_;  // M: stops taken from V's route in exchange (0 = relocation)
};

}  // namespace lifeline::dispatch::search
