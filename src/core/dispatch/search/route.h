// One vehicle's route as the local search sees it: the visit sequence plus, for every position,
// the segment of the stop there and the concatenated prefix (start depot … position) and suffix
// (position … end depot). Moves read these to price a change in O(1); after a move changes the
// sequence, Update() rebuilds them in O(length).
//
// Positions: 0 is the start depot, 1 … Size() the visits, Size() + 1 the end depot.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/dispatch/search/cost_evaluator.h"
#include "core/dispatch/search/instance.h"
#include "core/dispatch/search/segment.h"

namespace lifeline::dispatch::search {

class Route {
 public:
  Route(const Instance& instance, int vehicle);

  int Vehicle() const { return vehicle_; }
  const VehicleData& VehicleInfo() const { return instance_->Vehicle(vehicle_); }

  int Size() const { return static_cast<int>(visits_.size()); }
  int NumClients() const { return num_clients_; }
  bool HasClients() const { return num_clients_ > 0; }
  std::span<const Node> Visits() const { return visits_; }
  Node At(int position) const { return visits_[static_cast<std::size_t>(position - 1)]; }
  // Position of this vehicle's break in the sequence, or 0 when it has none.
  int BreakPosition() const { return break_position_; }

  const Segment& SegmentAt(int position) const { return segments_[Index(position)]; }
  const Segment& Prefix(int position) const { return prefix_[Index(position)]; }
  const Segment& Suffix(int position) const { return suffix_[Index(position)]; }
  const Segment& Whole() const { return prefix_.back(); }
  // Stops from..to inclusive; empty when from > to. O(to − from).
  Segment Between(int from, int to) const;
  // Distance and load of the same stops in O(1), from compact prefix sums: the bound every move
  // checks first reads these small arrays rather than the full segments.
  Span SpanBetween(int from, int to) const {
    if (from > to) return {};
    const int first = located_after_[Index(from)];
    const int last = located_before_[Index(to)];
    if (first > last) return {};  // only the break
    // Prefix distances run from the start depot to the last located stop at or before each
    // position, so their difference is exactly the travel between `first` and `last`.
    return {location_[Index(first)], location_[Index(last)],
            prefix_distance_[Index(last)] - prefix_distance_[Index(first)],
            LoadThrough(to) - LoadThrough(from - 1)};
  }
  Span PrefixSpan(int position) const {
    return {location_.front(), location_[Index(located_before_[Index(position)])],
            prefix_distance_[Index(position)], LoadThrough(position)};
  }
  Span SuffixSpan(int position) const {
    return {location_[Index(located_after_[Index(position)])], location_.back(),
            prefix_distance_.back() - prefix_distance_[Index(located_after_[Index(position)])],
            load_through_.back() - LoadThrough(position - 1)};
  }

  // Penalised cost; an unused vehicle costs nothing.
  double Cost(const CostEvaluator& cost) const {
    return HasClients() ? cost.RouteCost(Whole(), VehicleInfo()) : 0.0;
  }
  // The cost a route of this vehicle would have if its whole sequence were `whole`.
  double CostIf(const Segment& whole, int num_clients, const CostEvaluator& cost) const {
    return num_clients > 0 ? cost.RouteCost(whole, VehicleInfo()) : 0.0;
  }
  // A lower bound on that cost knowing only distance and load (time warp taken as zero).
  double CostBoundIf(const Span& whole, int num_clients, const CostEvaluator& cost) const {
    return num_clients > 0 ? cost.RouteCostBound(whole, VehicleInfo()) : 0.0;
  }

  std::vector<Node>& MutableVisits() { return visits_; }
  // Rebuilds the cached segments after the visits changed.
  void Update();

 private:
  static std::size_t Index(int position) { return static_cast<std::size_t>(position); }
  std::int64_t LoadThrough(int position) const { return load_through_[Index(position + 1)]; }

  const Instance* instance_;
  int vehicle_;
  std::vector<Node> visits_;
  std::vector<Segment> segments_;
  std::vector<Segment> prefix_;
  std::vector<Segment> suffix_;
  // Positions of the nearest stop with a location at or before / at or after each position
  // (they differ from the position only at the break).
  std::vector<int> located_before_;
  std::vector<int> located_after_;
  std::vector<int> location_;            // by position; -1 at the break
  std::vector<double> prefix_distance_;  // = prefix_[p].distance
  // load_through_[p + 1] = prefix_[p].load; the leading 0 makes "through position −1" valid.
  std::vector<std::int64_t> load_through_;
  int num_clients_ = 0;
  int break_position_ = 0;
};

}  // namespace lifeline::dispatch::search
