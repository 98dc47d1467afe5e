// The effective category tree: the administrator's edited tree when one was saved, the
// built-in one otherwise. WorkOrderService holds one catalog as a cache — loaded from the store
// on first use, replaced when the service saves a new tree — and hands out immutable snapshots,
// so a request that started with one tree finishes with it while another request saves.
// Design: docs/design/work-orders.md ("Category tree").
#pragma once

#include <memory>
#include <mutex>
#include <vector>

#include "core/common/error.h"
#include "core/workorders/category_tree.h"

namespace lifeline {

class CategoryCatalog {
 public:
  // Null until loaded.
  std::shared_ptr<const CategoryTree> Current() const;
  // `stored` empty: the built-in tree.
  std::shared_ptr<const CategoryTree> Replace(std::vector<Category> stored);
  // Forget the cached tree: the next use loads it again (another node saved one).
  void Invalidate();

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<const CategoryTree> current_;
};

inline constexpr std::size_t kMaxCategories = 2000;

// An edited tree, as a whole: codes of lowercase letters, digits and '_' joined by dots and
// unique; each node's parent (the code one level up) present and listed before it; a name;
// a utility only on roots (children inherit the root's). Errors name "items[i].field".
// Returns the tree in storage order with parents filled in and utilities inherited.
Result<std::vector<Category>> ValidateCategories(std::vector<Category> categories);

}  // namespace lifeline
