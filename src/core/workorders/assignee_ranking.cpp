#include "core/workorders/assignee_ranking.h"

#include <algorithm>
#include <tuple>

namespace lifeline {

namespace {

int OpenOf(std::int64_t user_id, std::span<const AssigneeLoad> loads) {
  const auto it = std::ranges::find(loads, user_id, &AssigneeLoad::user_id);
  return it == loads.end() ? 0 : it->open_orders;
}

std::string Reason(const AssigneeSuggestion& s) {
  std::string text = s.name + "：在办 " + std::to_string(s.open_orders) + " 单";
  if (s.trade) {
    text += "，技能 " + std::string(dispatch::TradeLabel(*s.trade)) + " " +
            std::to_string(s.skill_level) + " 级";
  }
  return text;
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

}  // namespace lifeline
