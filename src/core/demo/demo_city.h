// The demo city, 临江市: districts, supply zones, heat substations, gas regulator stations,
// communities down to households, and customers with accounts, meters and bills. Deterministic:
// the same options give the same city, row for row. It is the demo, the test fixture and the
// benchmark data, so it aims to look like a real utility's books (see docs/design/demo-city.md).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "core/common/error.h"
#include "core/common/time.h"
#include "core/ports/city_sink.h"
#include "core/topology/topology.h"

namespace lifeline::demo {

inline constexpr std::string_view kCityName = "临江市";

struct DemoCityOptions {
  std::int64_t customers = 20'000;
  std::uint64_t seed = 20261115;  // the night the heating season opens
  TimeMs as_of = 0;               // bills and readings are dated relative to this day
  int batch_size = 5'000;         // customers per sink call
};

struct DistrictPlan {
  std::string_view code;
  std::string_view name;
  Point center;
  double weight;  // share of the city's households
};

std::span<const DistrictPlan> Districts();

struct DemoCitySummary {
  std::int64_t nodes = 0;
  std::int64_t communities = 0;
  std::int64_t premises = 0;
  std::int64_t customers = 0;
  std::int64_t accounts = 0;
  std::int64_t meters = 0;
  std::int64_t bills = 0;
};

[[nodiscard]] Result<DemoCitySummary> GenerateDemoCity(const DemoCityOptions& options,
                                                       CitySink& sink);

}  // namespace lifeline::demo
