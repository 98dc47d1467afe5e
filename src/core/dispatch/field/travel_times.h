// Where a day plan's travel times come from: straight-line estimates by default, a routing
// server's table when the utility runs one (adapters/routing). Kilometres and minutes.
#pragma once

#include <cmath>
#include <memory>
#include <span>

#include "core/common/error.h"
#include "core/dispatch/travel_matrix.h"

namespace lifeline::dispatch {

struct TravelModel {
  double detour_factor = 1.35;  // road distance over straight-line distance, typical of a city
  double speed_kmh = 25;        // a van in city traffic

  double RoadKm(Point from, Point to) const {
    return std::hypot(to.x - from.x, to.y - from.y) * detour_factor;
  }
  double MinutesFor(double road_km) const { return road_km / speed_kmh * 60; }
  double Minutes(Point from, Point to) const { return MinutesFor(RoadKm(from, to)); }
};

class TravelTimes {
 public:
  virtual ~TravelTimes() = default;
  // Distances in km and durations in minutes between every pair of `points` (km on the city
  // plane). kUnavailable when the source cannot answer.
  virtual Result<std::unique_ptr<TravelMatrix>> Between(std::span<const Point> points) = 0;
};

class StraightLineTravelTimes final : public TravelTimes {
 public:
  explicit StraightLineTravelTimes(TravelModel model = {}) : model_(model) {}
  Result<std::unique_ptr<TravelMatrix>> Between(std::span<const Point> points) override {
    return std::unique_ptr<TravelMatrix>(
        std::make_unique<EuclideanTravel>(std::vector<Point>(points.begin(), points.end()),
                                          model_.detour_factor, model_.speed_kmh / 60.0));
  }

 private:
  TravelModel model_;
};

}  // namespace lifeline::dispatch
