// Whether a technician's position is tracked right now: only while they are at work. The phone
// asks before it watches its location, and the server refuses a position outside it.
// Design: docs/design/dispatch.md ("Live positions").
#pragma once

#include <string_view>

#include "core/dispatch/field/technician.h"

namespace lifeline::dispatch {

enum class Tracking {
  kOn,            // on duty and at work: within the shift's margins, or on a job
  kOffDuty,       // the dispatcher marked them off (ill, on leave)
  kOutsideShift,  // on duty, but not at work now
};

std::string_view TrackingCode(Tracking tracking);  // on, off_duty, outside_shift

// The drive out before the shift and a late finish after it.
inline constexpr int kTrackedBeforeShiftMinutes = 30;
inline constexpr int kTrackedAfterShiftMinutes = 60;

// `on_a_job`: a job of theirs is en route or on site — work, whatever the clock says.
Tracking TrackingAt(const Technician& technician, int local_minute, bool on_a_job);

}  // namespace lifeline::dispatch
