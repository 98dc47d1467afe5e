#include "core/workorders/category_catalog.h"

#include <map>
#include <string>

#include "core/common/utf8.h"

namespace lifeline {

namespace {

constexpr std::size_t kMaxCodeBytes = 100;
constexpr std::size_t kMaxNameChars = 30;

bool IsCodePart(std::string_view part) {
  if (part.empty()) return false;
  for (char c : part) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

bool IsCode(std::string_view code) {
  if (code.empty() || code.size() > kMaxCodeBytes) return false;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = code.find('.', start);
    if (!IsCodePart(code.substr(start, dot - start))) return false;
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

std::string At(std::size_t i, std::string_view field) {
  return "items[" + std::to_string(i) + "]." + std::string(field);
}

}  // namespace

std::shared_ptr<const CategoryTree> CategoryCatalog::Current() const {
  std::lock_guard lock(mutex_);
  return current_;
}

std::shared_ptr<const CategoryTree> CategoryCatalog::Replace(std::vector<Category> stored) {
  auto tree = stored.empty() ? std::make_shared<const CategoryTree>(DefaultCategoryTree())
                             : std::make_shared<const CategoryTree>(std::move(stored));
  std::lock_guard lock(mutex_);
  current_ = tree;
  return tree;
}

void CategoryCatalog::Invalidate() {
  std::lock_guard lock(mutex_);
  current_.reset();
}

Result<std::vector<Category>> ValidateCategories(std::vector<Category> categories) {
  if (categories.empty()) {
    return Fail(Error::Invalid("items", "the tree needs at least one category"));
  }
  if (categories.size() > kMaxCategories) {
    return Fail(Error::Invalid("items", "at most 2000 categories"));
  }
  std::map<std::string, std::size_t, std::less<>> index;  // code → position
  for (std::size_t i = 0; i < categories.size(); ++i) {
    Category& c = categories[i];
    if (!IsCode(c.code)) {
      return Fail(Error::Invalid(At(i, "code"),
                                 "a code is lowercase letters, digits and _ "
                                 "joined by dots: " +
                                     c.code));
    }
    if (index.contains(c.code)) {
      return Fail(Error::Invalid(At(i, "code"), "the code " + c.code + " appears twice"));
    }
    const std::string parent(ParentCode(c.code));
    if (!c.parent.empty() && c.parent != parent) {
      return Fail(Error::Invalid(At(i, "parent"), "the parent of " + c.code + " is " +
                                                      (parent.empty() ? "none" : parent)));
    }
    c.parent = parent;
    const std::size_t name_chars = DecodeUtf8(c.name).size();
    if (name_chars == 0 || name_chars > kMaxNameChars) {
      return Fail(Error::Invalid(At(i, "name"), "a name is 1 to 30 characters"));
    }
    if (!parent.empty()) {
      auto found = index.find(parent);
      if (found == index.end()) {
        return Fail(Error::Invalid(At(i, "parent"),
                                   "the parent " + parent + " must be listed before " + c.code));
      }
      const Category& up = categories[found->second];
      if (c.utility && c.utility != up.utility) {
        return Fail(Error::Invalid(At(i, "utility"), "a child has its root's utility"));
      }
      c.utility = up.utility;
    }
    index.emplace(c.code, i);
  }
  return categories;
}

}  // namespace lifeline
