// Where travel distances and times come from. The solver asks a TravelMatrix once for every
// pair of locations and keeps its own dense copy, so an implementation may be slow (a call
// per pair) but must be pure: the same pair always gives the same answer.
//
// Two implementations cover the product: straight-line estimates (Solomon uses plain Euclidean
// distance with time equal to distance; the product scales kilometres by a detour factor and
// divides by a speed), and tables fetched from a routing server (an OSRM `table` response).
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

#include "core/common/error.h"

namespace lifeline::dispatch {

class TravelMatrix {
 public:
  virtual ~TravelMatrix() = default;
  virtual std::size_t Size() const = 0;
  // Both are non-negative and finite for every pair of indices below Size().
  virtual double Distance(std::size_t from, std::size_t to) const = 0;
  virtual double Duration(std::size_t from, std::size_t to) const = 0;
};

struct Point {
  double x = 0;
  double y = 0;
};

// Straight-line travel: distance = detour × |a - b|, duration = distance / speed. With the
// defaults (detour 1, speed 1) this is the Solomon convention, unrounded.
class EuclideanTravel final : public TravelMatrix {
 public:
  explicit EuclideanTravel(std::vector<Point> points, double detour_factor = 1.0,
                           double speed = 1.0);

  std::size_t Size() const override { return points_.size(); }
  double Distance(std::size_t from, std::size_t to) const override;
  double Duration(std::size_t from, std::size_t to) const override;

 private:
  std::vector<Point> points_;
  double detour_factor_;
  double speed_;
};

// Row-major square tables, e.g. from a routing server.
class TableTravel final : public TravelMatrix {
 public:
  // kInvalidArgument unless both tables hold size² finite, non-negative entries.
  [[nodiscard]] static Result<TableTravel> Create(std::size_t size, std::vector<double> distances,
                                                  std::vector<double> durations);

  std::size_t Size() const override { return size_; }
  double Distance(std::size_t from, std::size_t to) const override {
    return distances_[from * size_ + to];
  }
  double Duration(std::size_t from, std::size_t to) const override {
    return durations_[from * size_ + to];
  }

 private:
  TableTravel(std::size_t size, std::vector<double> distances, std::vector<double> durations)
      : size_(size), distances_(std::move(distances)), durations_(std::move(durations)) {}

  std::size_t size_;
  std::vector<double> distances_;
  std::vector<double> durations_;
};

}  // namespace lifeline::dispatch
