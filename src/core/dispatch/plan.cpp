#include "core/dispatch/plan.h"

#include "core/common/enum_codes.h"

namespace lifeline::dispatch {

std::string_view UnassignedReasonCode(UnassignedReason reason) {
  switch (reason) {
    case UnassignedReason::kNoSkilledVehicle:
      return "no_skilled_vehicle";
    case UnassignedReason::kNoVehicleOnShift:
      return "no_vehicle_on_shift";
    case UnassignedReason::kDemandExceedsCapacity:
      return "demand_exceeds_capacity";
    case UnassignedReason::kInvalidWindow:
      return "invalid_window";
    case UnassignedReason::kWindowUnreachable:
      return "window_unreachable";
    case UnassignedReason::kNoRoomInPlan:
      return "no_room_in_plan";
  }
  return "no_room_in_plan";
}

std::optional<UnassignedReason> ParseUnassignedReason(std::string_view code) {
  return ParseEnumCode(kAllUnassignedReasons, code, &UnassignedReasonCode);
}

}  // namespace lifeline::dispatch
