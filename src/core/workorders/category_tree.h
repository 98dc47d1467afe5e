// The work-order category tree (工单分类): one root per utility plus 综合, codes joined by dots
// ("water.quality.yellow"). Each node suggests a priority and says whether the job needs a
// visit. Design: docs/design/work-orders.md ("Category tree").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/customers/customer.h"
#include "core/dispatch/field/technician.h"
#include "core/workorders/work_order.h"

namespace lifeline {

struct Category {
  std::string code;                  // "water.quality.yellow"
  std::string name;                  // "水黄"
  std::string parent;                // "water.quality"; empty for a root
  std::optional<Utility> utility{};  // none for 综合
  Priority suggested_priority = Priority::kNormal;
  bool site_visit = false;  // the job needs someone on site, so it has an arrival deadline
  // The trade a technician needs for the job; none: inherited from the nearest ancestor that
  // names one (and none at all for desk work such as billing questions).
  std::optional<dispatch::Trade> trade{};
};

class CategoryTree {
 public:
  explicit CategoryTree(std::vector<Category> categories) : categories_(std::move(categories)) {}

  const std::vector<Category>& all() const { return categories_; }
  const Category* Find(std::string_view code) const;
  // "供水 › 水质 › 水黄"
  std::string Path(std::string_view code) const;
  // The trade the job needs: the node's own, else the nearest ancestor's.
  std::optional<dispatch::Trade> TradeFor(std::string_view code) const;

 private:
  std::vector<Category> categories_;  // parents before children
};

// The code one level up: "water.quality.yellow" → "water.quality"; empty for a root.
std::string_view ParentCode(std::string_view code);

// Whether orders of `code` need a visit; false for a code the tree does not hold.
bool NeedsVisit(const CategoryTree& tree, std::string_view code);

// The built-in tree, in Chinese.
const CategoryTree& DefaultCategoryTree();

}  // namespace lifeline
