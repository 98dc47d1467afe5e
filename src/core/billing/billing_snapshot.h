// What billing says about one account at one moment: the answer to "我家欠多少钱？".
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/common/time.h"

namespace lifeline {

struct BilledPeriod {
  std::string period;      // "2026-10", or a heating season "2026-2027"
  std::int64_t usage = 0;  // thousandths of the unit; 0 when the source does not say
  std::int64_t amount_fen = 0;
  std::int64_t paid_fen = 0;
  TimeMs due_at = 0;  // 0 when the source does not say
};

struct BillingSnapshot {
  std::string account_no;
  std::int64_t balance_fen = 0;
  std::int64_t arrears_fen = 0;
  std::vector<BilledPeriod> recent_bills;  // newest first
  std::string source;                      // "lifeline" or "external"
  TimeMs as_of = 0;
};

}  // namespace lifeline
