// Deadlines per category × priority: response, arrival on site, resolution. Each counts clock
// time or business time; lookup walks up the category code to the built-in defaults, whose
// figures and sources are in docs/design/work-orders.md ("Default figures").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.h"
#include "core/common/time.h"
#include "core/workorders/business_calendar.h"
#include "core/workorders/category_tree.h"
#include "core/workorders/work_order.h"

namespace lifeline {

struct DeadlineRule {
  std::int64_t minutes = 0;
  bool business_time = false;  // count only the calendar's working hours
};

struct DeadlinePolicy {
  std::string category;  // a category code at any level
  Priority priority = Priority::kNormal;
  DeadlineRule response;
  DeadlineRule arrival;
  DeadlineRule resolution;
};

// What an administrator edits: the calendar and the policies that override the defaults.
struct DeadlineSettings {
  BusinessCalendar calendar;
  std::vector<DeadlinePolicy> policies;
};

// The built-in policy of a root category ("water", "heat", "gas", "general") and priority.
DeadlinePolicy DefaultPolicy(std::string_view root, Priority priority);

// The policy for `category` × `priority`: the configured one for the category, else for its
// parent, and so on up; the built-in default of its root last.
DeadlinePolicy PolicyFor(const DeadlineSettings& settings, std::string_view category,
                         Priority priority);

Status ValidateSettings(const DeadlineSettings& settings, const CategoryTree& tree);

struct Deadlines {
  std::optional<TimeMs> response;
  std::optional<TimeMs> arrival;  // none when the category needs no visit
  std::optional<TimeMs> resolution;
};

Deadlines ComputeDeadlines(TimeMs start, const DeadlinePolicy& policy, bool site_visit,
                           const BusinessCalendar& calendar);

// After a pause [paused_at, resumed_at): a deadline not yet due when the pause began moves by
// the counted time the pause took; one already past stays where it was (it was breached).
TimeMs ShiftForPause(TimeMs due, TimeMs paused_at, TimeMs resumed_at, const DeadlineRule& rule,
                     const BusinessCalendar& calendar);

}  // namespace lifeline
