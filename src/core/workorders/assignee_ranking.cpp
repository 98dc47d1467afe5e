#include "core/workorders/assignee_ranking.h"

#include <algorithm>
#include <tuple>

#include "core/dispatch/field/suggestion.h"

namespace lifeline {

namespace {

int OpenOf(std::int64_t user_id, std::span<const AssigneeLoad> loads) {
  const auto it = std::ranges::find(loads, user_id, &AssigneeLoad::user_id);
  return it == loads.end() ? 0 : it->open_orders;
}

std::string Reason(const AssigneeSuggestion& s, bool emergency = false) {
  std::string text = s.name + "：";
  if (s.travel_minutes) text += "约 " + std::to_string(*s.travel_minutes) + " 分钟可到，";
  text += "在办 " + std::to_string(s.open_orders) + " 单";
  if (s.trade) {
    text += "，技能 " + std::string(dispatch::TradeLabel(*s.trade)) + " " +
            std::to_string(s.skill_level) + " 级";
  }
  return text + dispatch::SuggestionRemarks(emergency && s.open_orders > 0, s.on_shift, s.in_time);
}

dispatch::JobPriority JobPriorityOf(Priority priority) {
  switch (priority) {
    case Priority::kEmergency:
      return dispatch::JobPriority::kEmergency;
    case Priority::kUrgent:
      return dispatch::JobPriority::kUrgent;
    case Priority::kNormal:
      break;
  }
  return dispatch::JobPriority::kNormal;
}

}  // namespace

std::vector<std::int64_t> UnitSubtree(std::span<const OrgUnit> units, std::int64_t root) {
  std::vector<std::int64_t> found{root};
  // Units are few (tens); a pass per level is simplest and needs no ordering of `units`.
  for (std::size_t seen = 0; seen < found.size(); ++seen) {
    for (const OrgUnit& unit : units) {
      if (unit.parent_id == found[seen]) found.push_back(unit.id);
    }
  }
  return found;
}

std::optional<std::int64_t> BranchServing(std::span<const OrgUnit> units,
                                          std::int64_t district_id) {
  for (const OrgUnit& unit : units) {
    if (unit.kind == OrgUnitKind::kBranch &&
        std::ranges::find(unit.area_district_ids, district_id) != unit.area_district_ids.end()) {
      return unit.id;
    }
  }
  return std::nullopt;
}

std::vector<dispatch::Technician> MembersOf(std::span<const dispatch::Technician> technicians,
                                            std::span<const std::int64_t> unit_ids) {
  std::vector<dispatch::Technician> members;
  for (const dispatch::Technician& t : technicians) {
    if (std::ranges::find(unit_ids, t.team_id) != unit_ids.end()) members.push_back(t);
  }
  return members;
}

std::vector<AssigneeSuggestion> RankAssignees(std::span<const dispatch::Technician> candidates,
                                              std::optional<dispatch::Trade> trade,
                                              std::span<const AssigneeLoad> loads) {
  std::vector<AssigneeSuggestion> ranked;
  for (const dispatch::Technician& t : candidates) {
    const int level = trade ? dispatch::LevelIn(t, *trade) : 0;
    if (!t.on_duty || (trade && level == 0)) continue;
    AssigneeSuggestion s;
    s.user_id = t.user_id;
    s.name = t.name;
    s.org_unit_id = t.team_id;
    s.open_orders = OpenOf(t.user_id, loads);
    s.trade = trade;
    s.skill_level = level;
    s.reason = Reason(s);
    ranked.push_back(std::move(s));
  }
  std::ranges::sort(ranked, [](const AssigneeSuggestion& a, const AssigneeSuggestion& b) {
    return std::tuple(a.open_orders, -a.skill_level, a.user_id) <
           std::tuple(b.open_orders, -b.skill_level, b.user_id);
  });
  return ranked;
}

std::vector<AssigneeSuggestion> RankForOrder(std::span<const dispatch::Technician> candidates,
                                             const OrderNeed& need,
                                             std::span<const AssigneeLoad> loads) {
  if (!need.trade || !need.location) return RankAssignees(candidates, need.trade, loads);
  // Each open order is taken as an hour of work still ahead, as on the dispatch board.
  constexpr int kMinutesPerOpenOrder = 60;
  std::vector<dispatch::TechnicianLoad> ahead;
  for (const AssigneeLoad& load : loads) {
    ahead.push_back({load.user_id, load.open_orders, load.open_orders * kMinutesPerOpenOrder});
  }
  const dispatch::JobNeed job{.location = *need.location,
                              .trade = *need.trade,
                              .priority = JobPriorityOf(need.priority),
                              .arrive_by_minute = need.arrive_by_minute};
  const auto ranked = dispatch::RankTechnicians(job, candidates, ahead, need.now_minute, {},
                                                dispatch::OffShift::kRankLast);
  std::vector<AssigneeSuggestion> out;
  for (const dispatch::Suggestion& r : ranked) {
    const auto tech = std::ranges::find(candidates, r.user_id, &dispatch::Technician::user_id);
    AssigneeSuggestion s;
    s.user_id = r.user_id;
    s.name = r.name;
    s.org_unit_id = tech->team_id;
    s.open_orders = r.jobs_left;
    s.trade = need.trade;
    s.skill_level = r.skill_level;
    s.travel_minutes = r.travel_minutes;
    s.on_shift = r.on_shift;
    s.in_time = r.in_time;
    s.reason = Reason(s, need.priority == Priority::kEmergency);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace lifeline
