#include "core/dispatch/field/technician.h"

#include <array>

#include "core/common/enum_codes.h"

namespace lifeline::dispatch {

namespace {

constexpr std::array kAllTrades{Trade::kPipeRepair, Trade::kMeter, Trade::kGasSafety,
                                Trade::kHeatValve};

}  // namespace

std::string_view TradeCode(Trade trade) {
  switch (trade) {
    case Trade::kPipeRepair:
      return "pipe_repair";
    case Trade::kMeter:
      return "meter";
    case Trade::kGasSafety:
      return "gas_safety";
    case Trade::kHeatValve:
      return "heat_valve";
  }
  return "pipe_repair";
}

std::optional<Trade> ParseTrade(std::string_view code) {
  return ParseEnumCode(kAllTrades, code, TradeCode);
}

std::string_view TradeLabel(Trade trade) {
  switch (trade) {
    case Trade::kPipeRepair:
      return "管道维修";
    case Trade::kMeter:
      return "表务";
    case Trade::kGasSafety:
      return "燃气安检";
    case Trade::kHeatValve:
      return "热力阀门";
  }
  return "管道维修";
}

int LevelIn(const Technician& technician, Trade trade) {
  for (const TradeSkill& skill : technician.skills) {
    if (skill.trade == trade) return skill.level;
  }
  return 0;
}

}  // namespace lifeline::dispatch
