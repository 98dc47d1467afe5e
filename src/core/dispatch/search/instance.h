// The problem compiled for the search: the jobs worth planning (clients) and the usable vehicles
// renumbered densely, a dense distance/time matrix over only the locations they use, each
// stop's segment precomputed, and the skill/pin compatibility as a lookup table.
//
// Node numbering inside routes: clients are 0 … N−1; the break of vehicle v is node N + v.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "core/dispatch/model.h"
#include "core/dispatch/search/segment.h"
#include "core/dispatch/travel_matrix.h"

namespace lifeline::dispatch::search {

using Node = int;

struct ClientData {
  std::size_t job = 0;  // index into Problem::jobs
  int location = 0;     // index into this instance's matrix
  double earliest = 0;
  double latest = 0;
  double service = 0;
  std::int64_t demand = 0;
  double penalty = 0;  // cost of leaving it unassigned
};

struct VehicleData {
  std::size_t vehicle = 0;  // index into Problem::vehicles
  int start_location = 0;
  int end_location = 0;
  double shift_earliest = 0;
  double shift_latest = 0;
  std::int64_t capacity = 0;
  double fixed_cost = 0;
  double balance_weight = 0;  // Problem::balance_weight, per route: × working time²
  bool has_break = false;
  // Vehicles of one class are interchangeable: same depots, shift, capacity, skills, break and
  // cost, and no job pinned to them. Crossover and insertion exploit that symmetry.
  int vehicle_class = 0;
};

class Instance {
 public:
  // `jobs` and `vehicles` select (by index into the problem) what the search plans with.
  Instance(const Problem& problem, const TravelMatrix& travel, std::span<const std::size_t> jobs,
           std::span<const std::size_t> vehicles);

  int NumClients() const { return static_cast<int>(clients_.size()); }
  int NumVehicles() const { return static_cast<int>(vehicles_.size()); }
  int NumNodes() const { return NumClients() + NumVehicles(); }
  int NumClasses() const { return num_classes_; }

  const ClientData& Client(int client) const { return clients_[static_cast<std::size_t>(client)]; }
  const VehicleData& Vehicle(int vehicle) const {
    return vehicles_[static_cast<std::size_t>(vehicle)];
  }

  bool IsBreak(Node node) const { return node >= NumClients(); }
  Node BreakNode(int vehicle) const { return NumClients() + vehicle; }

  double Distance(int from, int to) const { return distance_[Cell(from, to)]; }
  double Time(int from, int to) const { return (same_time_ ? distance_ : time_)[Cell(from, to)]; }

  // Whether `vehicle` has the skills for `client` and is the one it is pinned to, if any.
  bool CanServe(int vehicle, int client) const {
    return compatible_[static_cast<std::size_t>(vehicle) * clients_.size() +
                       static_cast<std::size_t>(client)] != 0;
  }
  bool AllCompatible() const { return all_compatible_; }

  // The segment of one stop: a client, a break node, or a vehicle's start or end depot.
  const Segment& NodeSegment(Node node) const {
    return node_segments_[static_cast<std::size_t>(node)];
  }
  const Segment& StartSegment(int vehicle) const {
    return start_segments_[static_cast<std::size_t>(vehicle)];
  }
  const Segment& EndSegment(int vehicle) const {
    return end_segments_[static_cast<std::size_t>(vehicle)];
  }

  // Whether two vehicles end their routes the same way (place and shift), so that a route tail
  // including the end depot can move from one to the other unchanged.
  bool SameEnd(int a, int b) const {
    const VehicleData& x = Vehicle(a);
    const VehicleData& y = Vehicle(b);
    return x.end_location == y.end_location && x.shift_earliest == y.shift_earliest &&
           x.shift_latest == y.shift_latest;
  }

  // The largest distance in the matrix, for scaling the initial penalties.
  double MaxDistance() const { return max_distance_; }
  std::int64_t MaxDemand() const { return max_demand_; }

 private:
  std::size_t Cell(int from, int to) const {
    return static_cast<std::size_t>(from) * locations_ + static_cast<std::size_t>(to);
  }

  std::vector<ClientData> clients_;
  std::vector<VehicleData> vehicles_;
  std::size_t locations_ = 0;
  std::vector<double> distance_;
  std::vector<double> time_;  // empty when every duration equals its distance
  bool same_time_ = true;
  std::vector<std::uint8_t> compatible_;  // vehicle-major
  bool all_compatible_ = true;
  std::vector<Segment> node_segments_;
  std::vector<Segment> start_segments_;
  std::vector<Segment> end_segments_;
  int num_classes_ = 0;
  double max_distance_ = 0;
  std::int64_t max_demand_ = 0;
};

}  // namespace lifeline::dispatch::search
