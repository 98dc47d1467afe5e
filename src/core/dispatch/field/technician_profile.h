// What a dispatcher may set of a technician's dispatch profile — trades and levels, the working
// day and its break, the depot, the van — and the checks that keep a plan possible: each error
// names the field. Design: docs/design/dispatch.md ("The product layer", "Profiles").
#pragma once

#include <optional>
#include <vector>

#include "core/common/error.h"
#include "core/dispatch/field/technician.h"

namespace lifeline::dispatch {

struct ProfileEdit {
  std::vector<TradeSkill> skills;
  DayWindow shift;
  std::optional<DayWindow> break_window{};  // when the break may start; none: no break
  int break_minutes = 0;
  Point depot;
  std::int64_t van_capacity = 20;
};

inline constexpr double kMaxDepotKm = 200;  // as far as a position may be
inline constexpr int kMaxBreakMinutes = 180;
inline constexpr std::int64_t kMaxVanCapacity = 100'000;

// kInvalidArgument naming the field (skills[1].trade, shift_end_minute, break_minutes, …).
[[nodiscard]] Status CheckProfile(const ProfileEdit& edit);

// `technician` with the edit applied; duty and position are theirs, not the profile's.
Technician WithProfile(Technician technician, const ProfileEdit& edit);

}  // namespace lifeline::dispatch
