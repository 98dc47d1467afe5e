#include "demo_day.h"

#include <cmath>
#include <utility>
#include <vector>

#include "core/common/rng.h"

namespace lifeline::bench {
namespace {

using dispatch::Break;
using dispatch::Job;
using dispatch::Point;
using dispatch::SkillSet;
using dispatch::Vehicle;

constexpr double kWidthKm = 30;
constexpr double kHeightKm = 25;
constexpr int kStations = 4;
constexpr int kTechnicians = 40;
constexpr int kJobs = 600;
constexpr int kCommunities = 60;
constexpr double kDetour = 1.3;
constexpr double kKmPerMinute = 0.5;  // 30 km/h through city traffic
constexpr double kDayStart = 8 * 60;  // minutes since midnight
constexpr double kDayEnd = 18 * 60;

// Skill bits: 0 pipe repair (管道维修), 1 meters (表务), 2 gas safety (燃气安检),
// 3 heating valves (热力阀门); jobs need them in roughly these proportions.
constexpr double kSkillShare[] = {0.35, 0.30, 0.20, 0.15};

double Clamp(double value, double lo, double hi) {
  return value < lo ? lo : (value > hi ? hi : value);
}

}  // namespace

DemoDay MakeDemoDay(std::uint64_t seed) {
  Rng rng(seed);
  const auto uniform = [&](double lo, double hi) { return lo + (hi - lo) * rng.Unit(); };
  // Box–Muller: jobs gather around residential communities.
  const auto gaussian = [&] {
    return std::sqrt(-2 * std::log(1 - rng.Unit())) * std::cos(2 * 3.141592653589793 * rng.Unit());
  };

  std::vector<Point> points = {{7, 6}, {22, 7}, {8, 19}, {23, 18}};  // service stations
  std::vector<Point> communities;
  for (int c = 0; c < kCommunities; ++c) {
    communities.push_back({uniform(1, kWidthKm - 1), uniform(1, kHeightKm - 1)});
  }

  dispatch::Problem problem;
  // Technicians: ten per station, two skills each, cycling through the six pairs so every
  // skill is well covered.
  const std::pair<unsigned, unsigned> pairs[] = {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}};
  for (int t = 0; t < kTechnicians; ++t) {
    Vehicle vehicle;
    vehicle.start_location = vehicle.end_location = static_cast<std::size_t>(t % kStations);
    vehicle.shift = {kDayStart, kDayEnd};
    vehicle.capacity = 25;  // parts kits in the van
    const auto [a, b] = pairs[t % 6];
    vehicle.skills = SkillSet::Of({a, b});
    vehicle.rest_break = Break{{11.5 * 60, 13.5 * 60}, 30};
    problem.vehicles.push_back(vehicle);
  }

  for (int j = 0; j < kJobs; ++j) {
    Job job;
    Point where;
    if (rng.Chance(0.8)) {
      const Point& centre = communities[rng.Below(communities.size())];
      where = {Clamp(centre.x + 0.8 * gaussian(), 0, kWidthKm),
               Clamp(centre.y + 0.8 * gaussian(), 0, kHeightKm)};
    } else {
      where = {uniform(0, kWidthKm), uniform(0, kHeightKm)};
    }
    job.location = points.size();
    points.push_back(where);
    // Appointment slots open on the hour from 8:00 to 15:00 and last two hours.
    const double open = kDayStart + 60.0 * static_cast<double>(rng.Below(8));
    job.window = {open, open + 120};
    job.service_duration = uniform(15, 30);
    job.demand = 1;
    double pick = rng.Unit();
    unsigned skill = 0;
    while (skill < 3 && pick >= kSkillShare[skill]) pick -= kSkillShare[skill++];
    job.skills = SkillSet::Of({skill});
    problem.jobs.push_back(job);
  }
  return {std::move(problem), dispatch::EuclideanTravel(std::move(points), kDetour, kKmPerMinute)};
}

}  // namespace lifeline::bench
