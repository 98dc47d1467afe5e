#include "core/workorders/routing_rule.h"

#include <set>
#include <utility>

namespace lifeline {

bool CoversCategory(std::string_view prefix, std::string_view code) {
  if (prefix.empty() || !code.starts_with(prefix)) return false;
  return code.size() == prefix.size() || code[prefix.size()] == '.';
}

const RoutingRule* MatchRoutingRule(std::span<const RoutingRule> rules, std::string_view category,
                                    std::optional<std::int64_t> district_id) {
  const RoutingRule* best = nullptr;
  auto more_specific = [](const RoutingRule& a, const RoutingRule& b) {
    if (a.category.size() != b.category.size()) return a.category.size() > b.category.size();
    return a.district_id.has_value() && !b.district_id.has_value();
  };
  for (const RoutingRule& rule : rules) {
    if (!CoversCategory(rule.category, category)) continue;
    if (rule.district_id && rule.district_id != district_id) continue;
    if (best == nullptr || more_specific(rule, *best)) best = &rule;
  }
  return best;
}

Status ValidateRoutingRules(std::span<const RoutingRule> rules, const CategoryTree& tree) {
  if (rules.size() > kMaxRoutingRules) {
    return Fail(Error::Invalid("items", "at most 2000 routing rules"));
  }
  std::set<std::pair<std::string, std::int64_t>> seen;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const RoutingRule& rule = rules[i];
    const std::string at = "items[" + std::to_string(i) + "]";
    if (tree.Find(rule.category) == nullptr) {
      return Fail(Error::Invalid(at + ".category", "unknown category: " + rule.category));
    }
    if (!seen.emplace(rule.category, rule.district_id.value_or(0)).second) {
      return Fail(Error::Invalid(at + ".district_id",
                                 "two rules for " + rule.category + " in the same area"));
    }
  }
  return Ok();
}

}  // namespace lifeline
