#include "core/dispatch/search/schedule.h"

#include <algorithm>

namespace lifeline::dispatch::search {

RoutePlan ScheduleRoute(const Instance& instance, const Route& route) {
  const VehicleData& vehicle = route.VehicleInfo();
  RoutePlan plan;
  plan.vehicle = vehicle.vehicle;
  // The earliest departure that needs no waiting later on (Vidal et al.'s E of the whole route):
  // a technician leaves as late as the first appointment allows, never later than needed.
  plan.departure = std::max(route.Whole().timing.earliest, vehicle.shift_earliest);
  double time = plan.departure;
  int here = vehicle.start_location;
  for (const Node node : route.Visits()) {
    Stop stop;
    const Segment& segment = instance.NodeSegment(node);
    if (instance.IsBreak(node)) {
      stop.kind = StopKind::kBreak;
      stop.arrival = time;
      stop.start = std::max(time, segment.break_timing.earliest);
      stop.end = stop.start + segment.break_timing.duration;
    } else {
      const ClientData& client = instance.Client(node);
      stop.kind = StopKind::kJob;
      stop.job = client.job;
      stop.arrival = time + instance.Time(here, client.location);
      stop.start = std::max(stop.arrival, client.earliest);
      stop.end = stop.start + client.service;
      plan.distance += instance.Distance(here, client.location);
      plan.load += client.demand;
      here = client.location;
    }
    time = stop.end;
    plan.stops.push_back(stop);
  }
  plan.distance += instance.Distance(here, vehicle.end_location);
  plan.return_time = time + instance.Time(here, vehicle.end_location);
  return plan;
}

}  // namespace lifeline::dispatch::search
