// Adds up a report's per-order rows, for SQLite: into (group, resolve-time bucket) rows, into
// orders per category, into orders per caller.
//
// SQLite has no hash aggregation: its GROUP BY sorts every order of the period first, which was
// most of a yearly report's time (docs/design/reports.md, "Speed"). So on SQLite the database
// evaluates each order's figures in one pass over the covering index — the same predicates the
// PostgreSQL GROUP BY counts, packed into one integer of flags — and they are added up here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "adapters/storage/db.h"
#include "core/ports/report_repository.h"

namespace lifeline::storage {

// The bits of a per-order row's flags; sql_report_repository.cpp writes the same numbers.
enum ReportOrderFlag : std::int64_t {
  kFlagResolved = 1,
  kFlagClosed = 2,
  kFlagCancelled = 4,
  kFlagMerged = 8,
  kFlagResponseDue = 16,
  kFlagResponseMet = 32,
  kFlagArrivalDue = 64,
  kFlagArrivalMet = 128,
  kFlagResolutionDue = 256,
  kFlagResolutionMet = 512,
  kFlagRated = 1024,
  kFlagSatisfied = 2048,
  kFlagUnsatisfied = 4096,
};

// Looks strings up by string_view, without making a std::string per row.
struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

class ReportRowSums {
 public:
  explicit ReportRowSums(bool text_key) : text_key_(text_key) {}

  // One order: its key, resolve-time bucket (null while unresolved), flags, resolve time in
  // milliseconds and satisfaction, in that order.
  void Add(const Row& order);
  std::vector<ReportRow> Rows() const;

 private:
  struct SlotHash {
    std::size_t operator()(const std::pair<std::size_t, std::int64_t>& s) const {
      return std::hash<std::int64_t>{}(s.second) * 31 + s.first;
    }
  };

  std::size_t KeyIndex(const Row& order);

  bool text_key_;
  std::unordered_map<std::string, std::size_t, TextHash, std::equal_to<>> codes_;
  std::unordered_map<std::int64_t, std::size_t> numbers_;
  std::optional<std::size_t> none_;
  std::vector<ReportKeyValue> keys_;
  // (key index, bucket or kNoBucket) → the row being added up
  std::unordered_map<std::pair<std::size_t, std::int64_t>, ReportRow, SlotHash> rows_;
};

// Orders per category; the top ones as the SQL orders them: most first, ties by code.
class CategoryTally {
 public:
  void Add(std::string_view category);
  std::vector<CategoryCount> Top(std::int64_t limit) const;

 private:
  std::unordered_map<std::string, std::int64_t, TextHash, std::equal_to<>> orders_;
};

// Orders per caller (the customer, else the contact phone's blind index); the callers with two
// or more counted, and the first `top` of them: most orders first, then customers by id, then
// the unrecognised.
class CallerTally {
 public:
  // An order's customer_id and contact_phone_idx, in that order.
  void Add(const Row& order);
  RepeatCallerSummary Repeaters(std::int64_t top);

 private:
  // Sorted and counted at the end: a year has a few hundred thousand customers, and counting
  // them in a hash map (a node per customer) took a fifth of a yearly report's time.
  std::vector<std::int64_t> customers_;
  std::unordered_map<std::string, std::int64_t, TextHash, std::equal_to<>> phones_;
};

}  // namespace lifeline::storage
