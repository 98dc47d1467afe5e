#include "core/dispatch/travel_matrix.h"

#include <cmath>
#include <string>
#include <utility>

namespace lifeline::dispatch {

EuclideanTravel::EuclideanTravel(std::vector<Point> points, double detour_factor, double speed)
    : points_(std::move(points)), detour_factor_(detour_factor), speed_(speed) {}

double EuclideanTravel::Distance(std::size_t from, std::size_t to) const {
  const Point& a = points_[from];
  const Point& b = points_[to];
  return detour_factor_ * std::hypot(a.x - b.x, a.y - b.y);
}

double EuclideanTravel::Duration(std::size_t from, std::size_t to) const {
  return Distance(from, to) / speed_;
}

Result<TableTravel> TableTravel::Create(std::size_t size, std::vector<double> distances,
                                        std::vector<double> durations) {
  if (distances.size() != size * size) {
    return Fail(Error::Invalid("distances", "expected size × size entries"));
  }
  if (durations.size() != size * size) {
    return Fail(Error::Invalid("durations", "expected size × size entries"));
  }
  for (std::size_t i = 0; i < distances.size(); ++i) {
    if (!std::isfinite(distances[i]) || distances[i] < 0) {
      return Fail(
          Error::Invalid("distances", "entry " + std::to_string(i) + " is negative or not finite"));
    }
    if (!std::isfinite(durations[i]) || durations[i] < 0) {
      return Fail(
          Error::Invalid("durations", "entry " + std::to_string(i) + " is negative or not finite"));
    }
  }
  return TableTravel(size, std::move(distances), std::move(durations));
}

}  // namespace lifeline::dispatch
