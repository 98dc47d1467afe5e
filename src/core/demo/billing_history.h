// Accounts of a demo household: which utilities it takes, its meters, and its recent bills with
// a realistic share of late payers. Amounts follow typical tariffs of a mid-sized Chinese city
// (water 3.45 元/m³, gas 2.98 元/m³, heating 25 元/m² per season).
#pragma once

#include <cstdint>

#include "core/common/civil_time.h"
#include "core/common/rng.h"
#include "core/customers/customer.h"

namespace lifeline::demo {

struct BillingCalendar {
  LocalDate today;
  LocalDate last_month;    // the latest billed month
  LocalDate month_before;  // the one before it
  TimeMs now = 0;
};

BillingCalendar MakeBillingCalendar(TimeMs as_of);

// Hands out ids and account numbers in sequence, so the city is reproducible.
struct AccountSequences {
  std::int64_t account_id = 0;
  std::int64_t meter_id = 0;
  std::int64_t bill_id = 0;
  std::int64_t water_no = 0;
  std::int64_t heat_no = 0;
  std::int64_t gas_no = 0;
};

struct HouseholdServices {
  bool heated = true;
  bool piped_gas = true;
  bool business = false;
};

// Appends the household's accounts at `premise_id` to `customer`.
void AddHouseholdAccounts(Customer& customer, std::int64_t premise_id,
                          const HouseholdServices& services, const BillingCalendar& calendar,
                          AccountSequences& sequences, Rng& rng);

}  // namespace lifeline::demo
