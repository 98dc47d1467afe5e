#include "core/dispatch/search/instance.h"

#include <algorithm>
#include <utility>

namespace lifeline::dispatch::search {
namespace {

bool SameClass(const Vehicle& a, const Vehicle& b) {
  const auto same_break = [](const std::optional<Break>& x, const std::optional<Break>& y) {
    if (x.has_value() != y.has_value()) return false;
    return !x || (x->window.earliest == y->window.earliest &&
                  x->window.latest == y->window.latest && x->duration == y->duration);
  };
  return a.start_location == b.start_location && a.end_location == b.end_location &&
         a.shift.earliest == b.shift.earliest && a.shift.latest == b.shift.latest &&
         a.capacity == b.capacity && a.skills == b.skills && a.fixed_cost == b.fixed_cost &&
         same_break(a.rest_break, b.rest_break);
}

// Renumbers `used` so that places close to each other get close numbers: a nearest-neighbour
// chain through them. Moves mostly look up distances between neighbours, and with this order
// those entries share cache lines; on the 600-job demo day the matrix no longer fits in cache.
void OrderForLocality(std::vector<LocationIndex>& used, const TravelMatrix& travel) {
  if (used.size() < 3) return;
  std::vector<LocationIndex> ordered{used.front()};
  std::vector<bool> taken(used.size(), false);
  taken[0] = true;
  std::size_t current = 0;
  for (std::size_t step = 1; step < used.size(); ++step) {
    std::size_t next = used.size();
    for (std::size_t candidate = 0; candidate < used.size(); ++candidate) {
      if (taken[candidate]) continue;
      if (next == used.size() || travel.Distance(used[current], used[candidate]) <
                                     travel.Distance(used[current], used[next])) {
        next = candidate;
      }
    }
    taken[next] = true;
    ordered.push_back(used[next]);
    current = next;
  }
  used = std::move(ordered);
}

}  // namespace

Instance::Instance(const Problem& problem, const TravelMatrix& travel,
                   std::span<const std::size_t> jobs, std::span<const std::size_t> vehicles) {
  // Only the locations in use enter the matrix: the product's TravelMatrix may know thousands.
  std::vector<int> compact(travel.Size(), -1);
  std::vector<LocationIndex> used;
  const auto use = [&](LocationIndex location) {
    if (compact[location] < 0) {
      compact[location] = 0;
      used.push_back(location);
    }
  };
  for (std::size_t job_index : jobs) use(problem.jobs[job_index].location);
  for (std::size_t vehicle_index : vehicles) {
    use(problem.vehicles[vehicle_index].start_location);
    use(problem.vehicles[vehicle_index].end_location);
  }
  OrderForLocality(used, travel);
  for (std::size_t i = 0; i < used.size(); ++i) compact[used[i]] = static_cast<int>(i);
  const auto compact_index = [&](LocationIndex location) { return compact[location]; };

  for (std::size_t job_index : jobs) {
    const Job& job = problem.jobs[job_index];
    clients_.push_back({job_index, compact_index(job.location), job.window.earliest,
                        job.window.latest, job.service_duration, job.demand,
                        job.unassigned_penalty});
    max_demand_ = std::max(max_demand_, job.demand);
  }

  std::vector<bool> pinned(problem.vehicles.size(), false);
  for (std::size_t job_index : jobs) {
    if (problem.jobs[job_index].pinned_vehicle)
      pinned[*problem.jobs[job_index].pinned_vehicle] = true;
  }
  for (std::size_t vehicle_index : vehicles) {
    const dispatch::Vehicle& vehicle = problem.vehicles[vehicle_index];
    VehicleData data;
    data.vehicle = vehicle_index;
    data.start_location = compact_index(vehicle.start_location);
    data.end_location = compact_index(vehicle.end_location);
    data.shift_earliest = vehicle.shift.earliest;
    data.shift_latest = vehicle.shift.latest;
    data.capacity = vehicle.capacity;
    data.fixed_cost = vehicle.fixed_cost;
    data.balance_weight = problem.balance_weight;
    data.has_break = vehicle.rest_break.has_value();
    data.vehicle_class = -1;
    if (!pinned[vehicle_index]) {
      for (const VehicleData& earlier : vehicles_) {
        if (!pinned[earlier.vehicle] && SameClass(problem.vehicles[earlier.vehicle], vehicle)) {
          data.vehicle_class = earlier.vehicle_class;
          break;
        }
      }
    }
    if (data.vehicle_class < 0) data.vehicle_class = num_classes_++;
    vehicles_.push_back(data);
  }

  locations_ = used.size();
  distance_.resize(locations_ * locations_);
  for (std::size_t i = 0; i < locations_; ++i) {
    for (std::size_t j = 0; j < locations_; ++j) {
      const double distance = i == j ? 0.0 : travel.Distance(used[i], used[j]);
      distance_[i * locations_ + j] = distance;
      max_distance_ = std::max(max_distance_, distance);
    }
  }
  // A separate time matrix only when some duration differs from its distance (never for
  // Solomon): it halves the memory the search walks through.
  for (std::size_t i = 0; i < locations_; ++i) {
    for (std::size_t j = 0; j < locations_; ++j) {
      const double time = i == j ? 0.0 : travel.Duration(used[i], used[j]);
      if (same_time_ && time != distance_[i * locations_ + j]) {
        same_time_ = false;
        time_ = distance_;
      }
      if (!same_time_) time_[i * locations_ + j] = time;
    }
  }

  const std::size_t n = clients_.size();
  compatible_.assign(vehicles_.size() * n, 0);
  for (std::size_t v = 0; v < vehicles_.size(); ++v) {
    const dispatch::Vehicle& vehicle = problem.vehicles[vehicles_[v].vehicle];
    for (std::size_t c = 0; c < n; ++c) {
      const Job& job = problem.jobs[clients_[c].job];
      const bool ok = vehicle.skills.Covers(job.skills) &&
                      (!job.pinned_vehicle || *job.pinned_vehicle == vehicles_[v].vehicle);
      compatible_[v * n + c] = ok ? 1 : 0;
      all_compatible_ = all_compatible_ && ok;
    }
  }

  for (const ClientData& client : clients_) {
    node_segments_.push_back(Segment::Stop(client.location, client.earliest, client.latest,
                                           client.service, client.demand));
  }
  for (const VehicleData& data : vehicles_) {
    const dispatch::Vehicle& vehicle = problem.vehicles[data.vehicle];
    // A vehicle without a break still owns a node number; its segment is never used.
    node_segments_.push_back(vehicle.rest_break
                                 ? Segment::Break(vehicle.rest_break->window.earliest,
                                                  vehicle.rest_break->window.latest,
                                                  vehicle.rest_break->duration)
                                 : Segment{});
    start_segments_.push_back(
        Segment::Stop(data.start_location, data.shift_earliest, data.shift_latest, 0, 0));
    end_segments_.push_back(
        Segment::Stop(data.end_location, data.shift_earliest, data.shift_latest, 0, 0));
  }
}

}  // namespace lifeline::dispatch::search
