#include "adapters/storage/repositories/report_row_sums.h"

#include <algorithm>
#include <limits>

namespace lifeline::storage {

namespace {

constexpr std::int64_t kNoBucket = std::numeric_limits<std::int64_t>::min();

void AddFlags(ReportCounters& c, std::int64_t flags, std::int64_t resolve_ms,
              std::int64_t satisfaction) {
  const auto bit = [flags](ReportOrderFlag flag) -> std::int64_t { return (flags & flag) != 0; };
  c.created += 1;
  c.resolved += bit(kFlagResolved);
  c.closed += bit(kFlagClosed);
  c.cancelled += bit(kFlagCancelled);
  c.merged += bit(kFlagMerged);
  c.response_due += bit(kFlagResponseDue);
  c.response_met += bit(kFlagResponseMet);
  c.arrival_due += bit(kFlagArrivalDue);
  c.arrival_met += bit(kFlagArrivalMet);
  c.resolution_due += bit(kFlagResolutionDue);
  c.resolution_met += bit(kFlagResolutionMet);
  c.resolve_ms_sum += bit(kFlagResolved) * resolve_ms;
  c.rated += bit(kFlagRated);
  c.satisfaction_sum += bit(kFlagRated) * satisfaction;
  c.satisfied += bit(kFlagSatisfied);
  c.unsatisfied += bit(kFlagUnsatisfied);
}

}  // namespace

std::size_t ReportRowSums::KeyIndex(const Row& order) {
  ReportKeyValue key;
  if (order.IsNull(0)) {
    if (none_) return *none_;
    key.none = true;
    none_ = keys_.size();
  } else if (text_key_) {
    const std::string_view code = order.Text(0);
    if (auto it = codes_.find(code); it != codes_.end()) return it->second;
    key.code = std::string(code);
    codes_.emplace(key.code, keys_.size());
  } else {
    const std::int64_t number = order.Int(0);
    if (auto it = numbers_.find(number); it != numbers_.end()) return it->second;
    key.number = number;
    numbers_.emplace(number, keys_.size());
  }
  keys_.push_back(std::move(key));
  return keys_.size() - 1;
}

void ReportRowSums::Add(const Row& order) {
  const std::size_t key = KeyIndex(order);
  const std::int64_t bucket = order.IsNull(1) ? kNoBucket : order.Int(1);
  ReportRow& row = rows_[{key, bucket}];
  const std::int64_t flags = order.Int(2);
  AddFlags(row.counters, flags, (flags & kFlagResolved) != 0 ? order.Int(3) : 0,
           (flags & kFlagRated) != 0 ? order.Int(4) : 0);
}

std::vector<ReportRow> ReportRowSums::Rows() const {
  std::vector<ReportRow> rows;
  rows.reserve(rows_.size());
  for (const auto& [slot, sums] : rows_) {
    ReportRow row = sums;
    row.key = keys_[slot.first];
    if (slot.second != kNoBucket) row.bucket = slot.second;
    rows.push_back(std::move(row));
  }
  return rows;
}

void CategoryTally::Add(std::string_view category) {
  if (auto it = orders_.find(category); it != orders_.end()) {
    ++it->second;
  } else {
    orders_.emplace(std::string(category), 1);
  }
}

std::vector<CategoryCount> CategoryTally::Top(std::int64_t limit) const {
  std::vector<CategoryCount> all;
  all.reserve(orders_.size());
  for (const auto& [category, orders] : orders_) all.push_back({category, orders});
  std::ranges::sort(all, [](const CategoryCount& a, const CategoryCount& b) {
    return a.orders != b.orders ? a.orders > b.orders : a.category < b.category;
  });
  if (static_cast<std::int64_t>(all.size()) > limit) all.resize(static_cast<std::size_t>(limit));
  return all;
}

void CallerTally::Add(const Row& order) {
  if (!order.IsNull(0)) {
    customers_.push_back(order.Int(0));
    return;
  }
  const std::string_view phone = order.Text(1);
  if (auto it = phones_.find(phone); it != phones_.end()) {
    ++it->second;
  } else {
    phones_.emplace(std::string(phone), 1);
  }
}

RepeatCallerSummary CallerTally::Repeaters(std::int64_t top) {
  RepeatCallerSummary summary;
  std::vector<CallerCount> callers;
  const auto count = [&](std::optional<std::int64_t> customer_id, std::int64_t orders) {
    if (orders < 2) return;
    ++summary.callers;
    summary.orders += orders;
    callers.push_back({customer_id, orders});
  };
  std::ranges::sort(customers_);
  for (std::size_t first = 0, end = 0; first < customers_.size(); first = end) {
    while (end < customers_.size() && customers_[end] == customers_[first]) ++end;
    count(customers_[first], static_cast<std::int64_t>(end - first));
  }
  for (const auto& [phone, orders] : phones_) count(std::nullopt, orders);
  // Only the first `top` are listed, so only they are put in order.
  const auto listed =
      std::min(callers.size(), static_cast<std::size_t>(std::max<std::int64_t>(top, 0)));
  std::ranges::partial_sort(callers, callers.begin() + static_cast<std::ptrdiff_t>(listed),
                            [](const CallerCount& a, const CallerCount& b) {
                              if (a.orders != b.orders) return a.orders > b.orders;
                              if (a.customer_id.has_value() != b.customer_id.has_value()) {
                                return a.customer_id.has_value();
                              }
                              return a.customer_id < b.customer_id;
                            });
  callers.resize(listed);
  summary.top = std::move(callers);
  return summary;
}

}  // namespace lifeline::storage
