#include "core/dispatch/field/position_tracking.h"

namespace lifeline::dispatch {

std::string_view TrackingCode(Tracking tracking) {
  switch (tracking) {
    case Tracking::kOn:
      return "on";
    case Tracking::kOffDuty:
      return "off_duty";
    case Tracking::kOutsideShift:
      return "outside_shift";
  }
  return "outside_shift";
}

Tracking TrackingAt(const Technician& technician, int local_minute, bool on_a_job) {
  if (!technician.on_duty) return Tracking::kOffDuty;
  if (on_a_job) return Tracking::kOn;
  const bool at_work = local_minute >= technician.shift.start_minute - kTrackedBeforeShiftMinutes &&
                       local_minute <= technician.shift.end_minute + kTrackedAfterShiftMinutes;
  return at_work ? Tracking::kOn : Tracking::kOutsideShift;
}

}  // namespace lifeline::dispatch
