// A synthetic "demo city" dispatch day for the benchmark: 40 technicians from 4 service
// stations in a 30 km × 25 km city, 600 jobs with 2-hour appointment windows between 8:00 and
// 17:00, each needing one of four skills, every technician with two skills and a 30-minute
// lunch break between 11:30 and 13:30. Generated from a fixed seed so runs are comparable.
#pragma once

#include <cstdint>

#include "core/dispatch/model.h"
#include "core/dispatch/travel_matrix.h"

namespace lifeline::bench {

struct DemoDay {
  dispatch::Problem problem;
  dispatch::EuclideanTravel travel;  // kilometres; minutes at 30 km/h with a 1.3 detour factor
};

DemoDay MakeDemoDay(std::uint64_t seed);

}  // namespace lifeline::bench
