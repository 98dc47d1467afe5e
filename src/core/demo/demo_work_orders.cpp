#include "core/demo/demo_work_orders.h"

#include <array>
#include <span>

namespace lifeline::demo {

namespace {

struct Pick {
  std::string_view code;
  std::string_view title;
};

constexpr std::array kWaterRepairs{
    Pick{"water.quality.yellow", "自来水发黄"},     Pick{"water.quality.turbid", "水质浑浊"},
    Pick{"water.pressure.low", "水压小，楼上没水"}, Pick{"water.leak.before_meter", "表前管道漏水"},
    Pick{"water.meter.fault", "水表不走字"},        Pick{"water.leak.burst", "路面冒水，疑似爆管"}};
constexpr std::array kHeatRepairs{
    Pick{"heat.temperature.cold", "暖气不热"}, Pick{"heat.temperature.uneven", "暖气上热下凉"},
    Pick{"heat.temperature.room", "卧室暖气不热"}, Pick{"heat.leak.radiator", "暖气片漏水"},
    Pick{"heat.equipment.valve", "暖气阀门拧不动"}};
constexpr std::array kGasRepairs{
    Pick{"gas.supply.low", "灶具火小"}, Pick{"gas.meter.fault", "燃气表不走"},
    Pick{"gas.supply.none", "家里没气了"}, Pick{"gas.safety.smell", "厨房有燃气味"},
    Pick{"gas.business.inspection", "预约入户安检"}};

constexpr std::array kTypes{WorkOrderType::kRepair,     WorkOrderType::kRepair,
                            WorkOrderType::kRepair,     WorkOrderType::kRepair,
                            WorkOrderType::kComplaint,  WorkOrderType::kConsultation,
                            WorkOrderType::kHelp,       WorkOrderType::kTransfer12345,
                            WorkOrderType::kSuggestion, WorkOrderType::kPraise};

std::span<const Pick> RepairsOf(Utility utility) {
  switch (utility) {
    case Utility::kWater:
      return kWaterRepairs;
    case Utility::kHeat:
      return kHeatRepairs;
    case Utility::kGas:
      return kGasRepairs;
  }
  return kWaterRepairs;
}

std::string RootOf(Utility utility) {
  return std::string(UtilityCode(utility));
}

// Older orders have come further: most of last month's are closed, today's are still moving.
DemoStage StageFor(TimeMs age, Rng& rng) {
  if (rng.Chance(0.04)) return DemoStage::kCancelled;
  if (age > 3 * kDayMs) return rng.Chance(0.85) ? DemoStage::kClosed : DemoStage::kResolved;
  return static_cast<DemoStage>(rng.Below(7));
}

}  // namespace

DemoCategory DemoCategoryFor(Utility utility, WorkOrderType type, Rng& rng) {
  switch (type) {
    case WorkOrderType::kComplaint:
      return {RootOf(utility) + ".service.attitude", "对上门维修人员服务态度不满"};
    case WorkOrderType::kConsultation:
      return {"general.consultation", "咨询缴费方式和营业时间"};
    case WorkOrderType::kSuggestion:
      return {"general.suggestion", "建议增加线上缴费渠道"};
    case WorkOrderType::kPraise:
      return {"general.praise", "表扬维修师傅处理及时"};
    default:
      break;
  }
  const Pick& pick = rng.Pick(RepairsOf(utility));
  return {std::string(pick.code), std::string(pick.title)};
}

std::vector<DemoWorkOrder> PlanDemoWorkOrders(std::int64_t count, std::int64_t customers,
                                              std::uint64_t seed) {
  Rng rng(seed);
  std::vector<DemoWorkOrder> plan;
  if (customers <= 0) return plan;
  for (std::int64_t i = 0; i < count; ++i) {
    DemoWorkOrder order;
    order.customer_index =
        static_cast<std::int64_t>(rng.Below(static_cast<std::uint64_t>(customers)));
    order.type = rng.Pick(std::span<const WorkOrderType>(kTypes));
    // Newest first in the plan would make ids run backwards in time: oldest first instead.
    order.age = (count - i) * (30 * kDayMs / count) + rng.Between(0, kHourMs);
    order.step_gap = rng.Between(5, 90) * kMinuteMs;
    order.stage = StageFor(order.age, rng);
    order.satisfaction =
        rng.Chance(0.1) ? static_cast<int>(rng.Between(1, 3)) : static_cast<int>(rng.Between(4, 5));
    plan.push_back(std::move(order));
  }
  return plan;
}

}  // namespace lifeline::demo
