// A field technician as dispatch sees them: skills with levels, a working day, a home depot, a
// van, and where they are now. Design: docs/design/dispatch.md ("The product layer").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/time.h"
#include "core/dispatch/travel_matrix.h"

namespace lifeline::dispatch {

// The trades of a water, heating and gas utility's repair crews.
enum class Trade { kPipeRepair, kMeter, kGasSafety, kHeatValve };

std::string_view TradeCode(Trade trade);  // pipe_repair, meter, gas_safety, heat_valve
std::optional<Trade> ParseTrade(std::string_view code);
// 管道维修, 表务, 燃气安检, 热力阀门
std::string_view TradeLabel(Trade trade);

struct TradeSkill {
  Trade trade = Trade::kPipeRepair;
  int level = 1;  // 1 (can do it) to 5 (the crew's expert)
};

// Minutes from local midnight.
struct DayWindow {
  int start_minute = 8 * 60;
  int end_minute = 17 * 60 + 30;
};

struct Technician {
  std::int64_t user_id = 0;
  std::string name;
  std::int64_t team_id = 0;  // the org unit (team) they belong to
  std::vector<TradeSkill> skills;
  DayWindow shift;
  std::optional<DayWindow> break_window{};  // when the break may start
  int break_minutes = 0;
  Point depot;                      // km on the city plane
  std::int64_t van_capacity = 20;   // parts units
  std::optional<Point> position{};  // last reported while on duty
  TimeMs position_at = 0;
  bool on_duty = true;  // false: ill or on leave today
};

// The skill level for `trade`, 0 when the technician lacks it.
int LevelIn(const Technician& technician, Trade trade);

}  // namespace lifeline::dispatch
