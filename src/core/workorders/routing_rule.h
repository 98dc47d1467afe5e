// Routing rules (区域绑定, 职能分组): which department or branch a new work order goes to, by
// its category and district. A rule names a category code prefix ("gas.safety" covers every
// code under it) and optionally a district; the most specific matching rule wins — the longest
// category prefix first, then a district rule over a city-wide one. Pure functions, so the
// precedence is tested without a database. Design: docs/design/work-orders.md ("Routing").
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.h"
#include "core/workorders/category_tree.h"

namespace lifeline {

struct RoutingRule {
  std::int64_t id = 0;
  std::string category;                       // a code in the category tree, used as a prefix
  std::optional<std::int64_t> district_id{};  // none: the whole city
  std::int64_t org_unit_id = 0;               // the department or branch that takes the order
  bool auto_assign = false;                   // also assign the first suggested person
};

inline constexpr std::size_t kMaxRoutingRules = 2000;

// `prefix` covers `code`: equal, or `code` lies under it ("gas" covers "gas.safety.leak", not
// "gasworks").
bool CoversCategory(std::string_view prefix, std::string_view code);

// The most specific rule for an order of `category` in `district_id`, or null.
const RoutingRule* MatchRoutingRule(std::span<const RoutingRule> rules, std::string_view category,
                                    std::optional<std::int64_t> district_id);

// Checks that need no database: every category in the tree, no two rules for the same
// category and district. Errors name "items[i].field". Org units and districts are checked by
// the service against the store.
Status ValidateRoutingRules(std::span<const RoutingRule> rules, const CategoryTree& tree);

}  // namespace lifeline
