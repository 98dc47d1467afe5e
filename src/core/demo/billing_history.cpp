#include "core/demo/billing_history.h"

#include <string>

namespace lifeline::demo {

namespace {

constexpr std::int64_t kWaterFenPerM3 = 345;
constexpr std::int64_t kBusinessWaterFenPerM3 = 520;
constexpr std::int64_t kGasFenPerM3 = 298;
constexpr std::int64_t kHeatFenPerM2 = 2'500;
constexpr int kBillDueDay = 25;  // a month's bill is due on the 25th of the next month
constexpr double kWaterTakeUp = 1.0;
constexpr double kHeatTakeUp = 0.92;
constexpr double kGasTakeUp = 0.85;
constexpr double kLatePayerShare = 0.06;
constexpr double kHeatArrearsShare = 0.07;

std::string AccountNumber(char utility_digit, std::int64_t sequence) {
  std::string digits = std::to_string(sequence);
  return std::string(1, utility_digit) + std::string(9 - digits.size(), '0') + digits;
}

std::string MeterSerial(std::string_view prefix, int year, std::int64_t id) {
  std::string digits = std::to_string(id);
  return std::string(prefix) + std::to_string(year) + std::string(8 - digits.size(), '0') + digits;
}

TimeMs DueDate(LocalDate billed_month) {
  LocalDate next = AddMonths(billed_month, 1);
  next.day = kBillDueDay;
  return FromLocalDate(next, 18 * kHourMs);
}

// The bill for `month`: paid unless the account is a late payer, in which case overdue bills
// stay open; a bill not yet due is paid by some households already.
Bill MonthlyBill(Account& account, LocalDate month, std::int64_t usage_milli,
                 std::int64_t fen_per_unit, bool late_payer, const BillingCalendar& calendar,
                 AccountSequences& seq, Rng& rng) {
  Bill bill;
  bill.id = ++seq.bill_id;
  bill.account_id = account.id;
  bill.period = MonthCode(month);
  bill.usage = usage_milli;
  bill.amount_fen = usage_milli * fen_per_unit / 1000;
  bill.due_at = DueDate(month);
  const bool overdue = bill.due_at <= calendar.now;
  const bool paid = overdue ? !late_payer : rng.Chance(0.6);
  bill.paid_fen = paid ? bill.amount_fen : 0;
  if (overdue && !paid) account.arrears_fen += bill.amount_fen;
  return bill;
}

Account NewAccount(Customer& customer, std::int64_t premise_id, Utility utility,
                   std::string account_no, AccountSequences& seq, Rng& rng) {
  Account account;
  account.id = ++seq.account_id;
  account.account_no = std::move(account_no);
  account.customer_id = customer.id;
  account.premise_id = premise_id;
  account.utility = utility;
  const double status = rng.Unit();
  account.status = status < 0.97   ? AccountStatus::kActive
                   : status < 0.99 ? AccountStatus::kSuspended
                                   : AccountStatus::kClosed;
  account.opened_at =
      FromLocalDate({static_cast<int>(rng.Between(1998, 2025)),
                     static_cast<int>(rng.Between(1, 12)), static_cast<int>(rng.Between(1, 28))},
                    10 * kHourMs);
  return account;
}

Meter NewMeter(const Account& account, std::string model, std::string_view serial_prefix,
               std::int64_t reading, const BillingCalendar& calendar, AccountSequences& seq,
               Rng& rng) {
  Meter meter;
  meter.id = ++seq.meter_id;
  meter.account_id = account.id;
  meter.model = std::move(model);
  meter.serial = MeterSerial(serial_prefix, static_cast<int>(rng.Between(2012, 2025)), meter.id);
  meter.last_reading = reading;
  meter.last_read_at = FromLocalDate({calendar.today.year, calendar.today.month, 1}, 9 * kHourMs);
  return meter;
}

void AddWater(Customer& customer, std::int64_t premise_id, const HouseholdServices& services,
              const BillingCalendar& calendar, AccountSequences& seq, Rng& rng) {
  Account account = NewAccount(customer, premise_id, Utility::kWater,
                               AccountNumber('1', ++seq.water_no), seq, rng);
  const bool late = rng.Chance(kLatePayerShare);
  const std::int64_t price = services.business ? kBusinessWaterFenPerM3 : kWaterFenPerM3;
  const auto usage = [&] {
    return services.business ? rng.Between(20'000, 200'000) : rng.Between(5'000, 18'000);
  };
  const std::int64_t before_usage = usage();
  const std::int64_t last_usage = usage();
  account.recent_bills.push_back(
      MonthlyBill(account, calendar.last_month, last_usage, price, late, calendar, seq, rng));
  account.recent_bills.push_back(
      MonthlyBill(account, calendar.month_before, before_usage, price, late, calendar, seq, rng));
  const std::string model = services.business ? "DN25 工商业水表"
                            : rng.Chance(0.3) ? "DN15 NB-IoT智能水表"
                                              : "DN15 机械水表";
  account.meters.push_back(NewMeter(account, model, "SW",
                                    rng.Between(50'000, 3'000'000) + before_usage + last_usage,
                                    calendar, seq, rng));
  customer.accounts.push_back(std::move(account));
}

void AddGas(Customer& customer, std::int64_t premise_id, const HouseholdServices& services,
            const BillingCalendar& calendar, AccountSequences& seq, Rng& rng) {
  Account account =
      NewAccount(customer, premise_id, Utility::kGas, AccountNumber('3', ++seq.gas_no), seq, rng);
  const bool card_meter = !services.business && rng.Chance(0.45);
  std::int64_t billed = 0;
  if (card_meter) {
    // Prepaid IC-card meters are topped up at the counter: a balance, no monthly bills.
    account.balance_fen = rng.Between(0, 50'000);
  } else {
    const bool late = rng.Chance(kLatePayerShare / 2);
    const bool winter = calendar.last_month.month >= 11 || calendar.last_month.month <= 3;
    for (LocalDate month : {calendar.last_month, calendar.month_before}) {
      const std::int64_t usage = services.business ? rng.Between(100'000, 900'000)
                                 : winter          ? rng.Between(15'000, 40'000)
                                                   : rng.Between(6'000, 20'000);
      billed += usage;
      account.recent_bills.push_back(
          MonthlyBill(account, month, usage, kGasFenPerM3, late, calendar, seq, rng));
    }
  }
  const std::string model = services.business ? "G10 工商业燃气表"
                            : card_meter      ? "G2.5 IC卡燃气表"
                                              : "G2.5 物联网燃气表";
  account.meters.push_back(
      NewMeter(account, model, "SG", rng.Between(100'000, 4'000'000) + billed, calendar, seq, rng));
  customer.accounts.push_back(std::move(account));
}

void AddHeat(Customer& customer, std::int64_t premise_id, const HouseholdServices& services,
             const BillingCalendar& calendar, AccountSequences& seq, Rng& rng) {
  Account account =
      NewAccount(customer, premise_id, Utility::kHeat, AccountNumber('2', ++seq.heat_no), seq, rng);
  // Heating is billed per season by floor area, due before the season opens on 15 November.
  const int season_start =
      calendar.today.month >= 9 ? calendar.today.year : calendar.today.year - 1;
  const std::int64_t area_m2 = services.business ? rng.Between(100, 800) : rng.Between(55, 140);
  Bill bill;
  bill.id = ++seq.bill_id;
  bill.account_id = account.id;
  bill.period = std::to_string(season_start) + "-" + std::to_string(season_start + 1);
  bill.usage = area_m2 * 1000;
  bill.amount_fen = area_m2 * kHeatFenPerM2;
  bill.due_at = FromLocalDate({season_start, 11, 15});
  const bool overdue = bill.due_at <= calendar.now;
  const bool paid = overdue ? !rng.Chance(kHeatArrearsShare) : rng.Chance(0.7);
  bill.paid_fen = paid ? bill.amount_fen : 0;
  if (overdue && !paid) account.arrears_fen += bill.amount_fen;
  account.recent_bills.push_back(bill);
  if (rng.Chance(0.35)) {
    account.meters.push_back(NewMeter(account, "DN20 超声波热量表", "SH",
                                      rng.Between(1'000'000, 40'000'000), calendar, seq, rng));
  }
  customer.accounts.push_back(std::move(account));
}

}  // namespace

BillingCalendar MakeBillingCalendar(TimeMs as_of) {
  BillingCalendar calendar;
  calendar.now = as_of;
  calendar.today = ToLocalDate(as_of);
  calendar.last_month = AddMonths(calendar.today, -1);
  calendar.month_before = AddMonths(calendar.today, -2);
  return calendar;
}

void AddHouseholdAccounts(Customer& customer, std::int64_t premise_id,
                          const HouseholdServices& services, const BillingCalendar& calendar,
                          AccountSequences& sequences, Rng& rng) {
  if (rng.Chance(kWaterTakeUp)) AddWater(customer, premise_id, services, calendar, sequences, rng);
  if (services.heated && rng.Chance(kHeatTakeUp)) {
    AddHeat(customer, premise_id, services, calendar, sequences, rng);
  }
  if (services.piped_gas && rng.Chance(kGasTakeUp)) {
    AddGas(customer, premise_id, services, calendar, sequences, rng);
  }
}

}  // namespace lifeline::demo
