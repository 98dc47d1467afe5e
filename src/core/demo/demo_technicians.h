// The demo crews' dispatch profiles: deterministic trades and levels, the usual working day
// (08:00–17:30, an hour's break starting 11:30–13:00), a depot at their branch's district
// centre, and a starting position near it.
#pragma once

#include <cstdint>

#include "core/dispatch/field/technician.h"

namespace lifeline::demo {

// `index` counts the demo technicians from 0 (tech01 is 0). The gas emergency crew all have
// gas safety at a high level.
dispatch::Technician DemoTechnicianProfile(std::int64_t user_id, int index, dispatch::Point depot,
                                           bool gas_emergency = false);

}  // namespace lifeline::demo
