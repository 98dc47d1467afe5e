// Customers, their accounts (户号) and what is attached to an account: meters and bills.
// One account is one utility service at one premise; a household with water, heat and gas has
// three accounts, and one customer may hold accounts at several premises.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/time.h"

namespace lifeline {

enum class Utility { kWater, kHeat, kGas };
enum class CustomerKind { kResident, kBusiness };
enum class AccountStatus { kActive, kSuspended, kClosed };

std::string_view UtilityCode(Utility utility);
std::optional<Utility> ParseUtility(std::string_view code);
std::string_view CustomerKindCode(CustomerKind kind);
std::optional<CustomerKind> ParseCustomerKind(std::string_view code);
std::string_view AccountStatusCode(AccountStatus status);
std::optional<AccountStatus> ParseAccountStatus(std::string_view code);

struct Meter {
  std::int64_t id = 0;
  std::int64_t account_id = 0;
  std::string serial;  // "W20190412345"
  std::string model;   // "DN15 机械水表", "G2.5 IC卡燃气表", "DN20 超声波热量表"
  std::int64_t last_reading = 0;  // thousandths of the unit (m³ for water and gas, kWh for heat)
  TimeMs last_read_at = 0;
};

struct Bill {
  std::int64_t id = 0;
  std::int64_t account_id = 0;
  std::string period;           // "2026-10"
  std::int64_t usage = 0;       // thousandths of the unit
  std::int64_t amount_fen = 0;  // money is integer fen everywhere
  std::int64_t paid_fen = 0;
  TimeMs due_at = 0;
};

struct Account {
  std::int64_t id = 0;
  std::string account_no;  // 户号, as printed on the bill
  std::int64_t customer_id = 0;
  std::int64_t premise_id = 0;
  Utility utility = Utility::kWater;
  AccountStatus status = AccountStatus::kActive;
  std::int64_t balance_fen = 0;  // prepaid balance
  std::int64_t arrears_fen = 0;  // overdue and unpaid
  TimeMs opened_at = 0;
  // Filled in by reads that join them, empty otherwise.
  std::string address;
  std::int64_t district_id = 0;
  std::vector<Meter> meters;
  std::vector<Bill> recent_bills;
};

struct Customer {
  std::int64_t id = 0;
  CustomerKind kind = CustomerKind::kResident;
  std::string name;       // a person's name or a company's
  std::string id_number;  // 身份证 or 统一社会信用代码; personal data, encrypted at rest
  std::vector<std::string> phones;  // normalised; personal data, encrypted at rest
  TimeMs created_at = 0;
  std::vector<Account> accounts;
};

}  // namespace lifeline
