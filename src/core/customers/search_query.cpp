#include "core/customers/search_query.h"

#include <algorithm>

#include "core/customers/phone_number.h"

namespace lifeline {

namespace {

constexpr std::size_t kMaxQueryBytes = 100;
constexpr std::size_t kAccountNoLength = 10;
constexpr std::size_t kIdNumberLength = 18;

bool IsAsciiDigit(char c) {
  return c >= '0' && c <= '9';
}

std::string_view Trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

std::optional<std::string> AsIdNumber(std::string_view text) {
  if (text.size() != kIdNumberLength) return std::nullopt;
  if (!std::all_of(text.begin(), text.end() - 1, IsAsciiDigit)) return std::nullopt;
  const char last = text.back();
  if (!IsAsciiDigit(last) && last != 'X' && last != 'x') return std::nullopt;
  std::string id(text);
  id.back() = last == 'x' ? 'X' : last;
  return id;
}

}  // namespace

Result<SearchPlan> PlanSearch(std::string_view query) {
  const std::string_view text = Trim(query);
  if (text.empty()) return Fail(Error::Invalid("q", "type a number, a name or an address"));
  if (text.size() > kMaxQueryBytes) return Fail(Error::Invalid("q", "search text too long"));
  SearchPlan plan;
  if (auto id = AsIdNumber(text)) {
    plan.id_number = std::move(id);
    return plan;
  }
  if (std::ranges::all_of(text, IsAsciiDigit) && text.size() == kAccountNoLength) {
    plan.account_no = std::string(text);
  }
  if (auto phone = NormalizePhone(text)) {
    plan.phone = std::move(*phone);
    return plan;
  }
  if (plan.account_no) return plan;
  if (std::ranges::any_of(text, [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
    plan.name = std::string(text);
    plan.address = true;
  }
  // Latin letters and digits that are none of the above: neither a name nor an address here.
  if (!plan.name)
    return Fail(Error::Invalid("q", "not a phone, account or ID number, name or address"));
  return plan;
}

}  // namespace lifeline
