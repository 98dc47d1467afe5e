#include "core/demo/demo_technicians.h"

namespace lifeline::demo {

using dispatch::Trade;

dispatch::Technician DemoTechnicianProfile(std::int64_t user_id, int index, dispatch::Point depot,
                                           bool gas_emergency) {
  dispatch::Technician t;
  t.user_id = user_id;
  if (gas_emergency) {
    t.skills = {{Trade::kGasSafety, 3 + index % 3}, {Trade::kPipeRepair, 2}};
  }
  // Every crew member repairs pipes; the other trades are spread so that each team of five
  // has at least one of each.
  if (!gas_emergency) {
    t.skills.push_back({Trade::kPipeRepair, 1 + index % 5});
    if (index % 2 == 0) t.skills.push_back({Trade::kMeter, 1 + (index / 2) % 4});
    if (index % 5 == 1 || index % 5 == 3) t.skills.push_back({Trade::kGasSafety, 2 + index % 3});
    if (index % 5 == 2 || index % 5 == 4) t.skills.push_back({Trade::kHeatValve, 1 + index % 4});
  }
  t.shift = {8 * 60, 17 * 60 + 30};
  t.break_window = dispatch::DayWindow{11 * 60 + 30, 13 * 60};
  t.break_minutes = 60;
  t.depot = depot;
  t.van_capacity = 20;
  // Spread around the depot, up to 2 km away, as if already out on the first job.
  t.position = dispatch::Point{depot.x + 0.8 * (index % 5 - 2), depot.y + 0.6 * (index % 3 - 1)};
  t.on_duty = true;
  return t;
}

}  // namespace lifeline::demo
