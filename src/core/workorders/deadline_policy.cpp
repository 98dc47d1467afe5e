#include "core/workorders/deadline_policy.h"

#include <algorithm>
#include <set>
#include <utility>

namespace lifeline {

namespace {

constexpr std::int64_t kHour = 60;
constexpr std::int64_t kWorkingDay = 9 * kHour;          // 08:30–17:30
constexpr std::int64_t kMaxMinutes = 90LL * 24 * kHour;  // 90 days

DeadlineRule Clock(std::int64_t minutes) {
  return {minutes, false};
}

DeadlineRule Business(std::int64_t minutes) {
  return {minutes, true};
}

// Arrival on site for emergencies and urgent jobs differs by utility; see the design page.
std::int64_t ArrivalMinutes(std::string_view root, Priority priority) {
  if (priority == Priority::kEmergency) return root == "gas" ? 30 : 60;
  if (priority == Priority::kUrgent) return root == "heat" ? 2 * kHour : 4 * kHour;
  return 24 * kHour;
}

std::int64_t ResolutionMinutes(std::string_view root, Priority priority) {
  if (priority == Priority::kEmergency) return root == "heat" ? 48 * kHour : 24 * kHour;
  return 24 * kHour;
}

Status ValidateRule(const DeadlineRule& rule, const std::string& field) {
  if (rule.minutes <= 0 || rule.minutes > kMaxMinutes) {
    return Fail(Error::Invalid(field, "a deadline must be between 1 minute and 90 days"));
  }
  return Ok();
}

std::string_view RootOf(std::string_view category) {
  return category.substr(0, category.find('.'));
}

}  // namespace

DeadlinePolicy DefaultPolicy(std::string_view root, Priority priority) {
  DeadlinePolicy policy;
  policy.category = std::string(root);
  policy.priority = priority;
  switch (priority) {
    case Priority::kEmergency:
      policy.response = Clock(5);
      break;
    case Priority::kUrgent:
      policy.response = Clock(30);
      break;
    case Priority::kNormal:
      policy.response = Clock(2 * kHour);
      break;
  }
  policy.arrival = Clock(ArrivalMinutes(root, priority));
  policy.resolution = priority == Priority::kNormal ? Business(3 * kWorkingDay)
                                                    : Clock(ResolutionMinutes(root, priority));
  return policy;
}

DeadlinePolicy PolicyFor(const DeadlineSettings& settings, std::string_view category,
                         Priority priority) {
  for (std::string_view code = category; !code.empty(); code = ParentCode(code)) {
    for (const DeadlinePolicy& policy : settings.policies) {
      if (policy.category == code && policy.priority == priority) return policy;
    }
  }
  return DefaultPolicy(RootOf(category), priority);
}

Status ValidateSettings(const DeadlineSettings& settings, const CategoryTree& tree) {
  if (auto s = ValidateCalendar(settings.calendar); !s) return s;
  std::set<std::pair<std::string, Priority>> seen;
  for (std::size_t i = 0; i < settings.policies.size(); ++i) {
    const DeadlinePolicy& policy = settings.policies[i];
    const std::string at = "policies[" + std::to_string(i) + "]";
    if (tree.Find(policy.category) == nullptr) {
      return Fail(Error::Invalid(at + ".category", "unknown category: " + policy.category));
    }
    if (!seen.emplace(policy.category, policy.priority).second) {
      return Fail(Error::Invalid(at, "two policies for " + policy.category + " and " +
                                         std::string(PriorityCode(policy.priority))));
    }
    if (auto s = ValidateRule(policy.response, at + ".response"); !s) return s;
    if (auto s = ValidateRule(policy.arrival, at + ".arrival"); !s) return s;
    if (auto s = ValidateRule(policy.resolution, at + ".resolution"); !s) return s;
  }
  return Ok();
}

Deadlines ComputeDeadlines(TimeMs start, const DeadlinePolicy& policy, bool site_visit,
                           const BusinessCalendar& calendar) {
  auto due = [&](const DeadlineRule& rule) {
    const CountingRule counting{rule.business_time ? &calendar : nullptr};
    return AddCounted(start, rule.minutes * kMinuteMs, counting);
  };
  Deadlines deadlines;
  deadlines.response = due(policy.response);
  if (site_visit) deadlines.arrival = due(policy.arrival);
  deadlines.resolution = due(policy.resolution);
  return deadlines;
}

TimeMs ShiftForPause(TimeMs due, TimeMs paused_at, TimeMs resumed_at, const DeadlineRule& rule,
                     const BusinessCalendar& calendar) {
  if (due <= paused_at || resumed_at <= paused_at) return due;
  const CountingRule counting{rule.business_time ? &calendar : nullptr};
  const TimeMs left = CountedBetween(paused_at, due, counting);
  return AddCounted(resumed_at, left, counting);
}

}  // namespace lifeline
