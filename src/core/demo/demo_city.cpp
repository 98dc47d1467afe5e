#include "core/demo/demo_city.h"

#include <array>
#include <string>
#include <vector>

#include "core/common/rng.h"
#include "core/demo/billing_history.h"
#include "core/demo/city_layout.h"
#include "core/demo/people.h"

namespace lifeline::demo {

namespace {

constexpr std::array<DistrictPlan, 8> kDistricts{{
    {"laocheng", "老城区", {0.0, 0.0}, 1.5},
    {"jiangbei", "江北区", {-6.0, 8.0}, 1.2},
    {"jiangnan", "江南区", {2.0, -7.0}, 1.3},
    {"xincheng", "新城区", {9.0, 2.0}, 1.0},
    {"donghu", "东湖区", {8.0, 11.0}, 0.9},
    {"gaoxin", "高新区", {-11.0, -4.0}, 0.8},
    {"xishan", "西山区", {-15.0, 6.0}, 0.7},
    {"lingang", "临港区", {16.0, -8.0}, 0.6},
}};

constexpr double kBusinessShare = 0.04;
constexpr double kSecondHomeShare = 0.03;
constexpr double kSecondMobileShare = 0.22;
constexpr double kLandlineShare = 0.03;
constexpr double kSharedPhoneShare = 0.02;  // a relative's number, shared with another customer
constexpr std::string_view kRegionCodePrefix = "3209";

std::string RegionCode(std::size_t district_index) {
  const int code = static_cast<int>(district_index) + 2;
  return std::string(kRegionCodePrefix) + (code < 10 ? "0" : "") + std::to_string(code);
}

std::string PremiseAddress(const PremiseSlot& slot, bool shop) {
  const CommunityPlan& c = *slot.community;
  std::string address(kCityName);
  address += Districts()[c.district_index].name;
  address += c.street;
  address += c.name;
  address += std::to_string(slot.building_number) + "栋";
  if (shop) {
    address += "商铺" + std::to_string(slot.unit_number * 100 + slot.room) + "号";
  } else {
    address += std::to_string(slot.unit_number) + "单元" +
               std::to_string(slot.floor * 100 + slot.room) + "室";
  }
  return address;
}

class CityGenerator {
 public:
  CityGenerator(const DemoCityOptions& options, CitySink& sink)
      : options_(options),
        sink_(sink),
        rng_(options.seed),
        calendar_(MakeBillingCalendar(options.as_of)) {}

  Result<DemoCitySummary> Run() {
    const std::int64_t households =
        options_.customers + static_cast<std::int64_t>(options_.customers * 0.05) + 10;
    layout_ = PlanCity(households, rng_);
    if (auto s = sink_.AddNodes(layout_.nodes); !s) return Fail(s.error());
    if (auto s = sink_.AddFeeds(layout_.feeds); !s) return Fail(s.error());
    summary_.nodes = static_cast<std::int64_t>(layout_.nodes.size());
    summary_.communities = static_cast<std::int64_t>(layout_.communities.size());

    PremiseSlots slots(layout_);
    for (std::int64_t i = 0; i < options_.customers; ++i) {
      if (auto s = AddCustomer(i, slots); !s) return Fail(s.error());
      if (static_cast<int>(customers_.size()) >= options_.batch_size) {
        if (auto s = Flush(); !s) return Fail(s.error());
      }
    }
    if (auto s = Flush(); !s) return Fail(s.error());
    return summary_;
  }

 private:
  Status AddCustomer(std::int64_t index, PremiseSlots& slots) {
    Customer customer;
    customer.id = index + 1;
    customer.created_at = options_.as_of;
    const bool business = rng_.Chance(kBusinessShare);
    customer.kind = business ? CustomerKind::kBusiness : CustomerKind::kResident;
    auto premise = NextPremise(slots, business);
    if (!premise) return Fail(premise.error());
    const std::string region = RegionCode(premise->community->district_index);
    if (business) {
      customer.name = CompanyName(rng_);
      customer.id_number = CreditCode(rng_, region);
    } else {
      customer.name = PersonName(rng_);
      // Ages skew older, as account holders do.
      const int birth_year =
          static_cast<int>(rng_.Chance(0.2) ? rng_.Between(1938, 1955) : rng_.Between(1956, 2004));
      customer.id_number = ResidentIdNumber(rng_, region, birth_year);
    }
    AddPhones(customer, index);
    AddAccountsAt(customer, *premise, business);
    if (!business && rng_.Chance(kSecondHomeShare)) {
      auto second = NextPremise(slots, false);
      if (!second) return Fail(second.error());
      AddAccountsAt(customer, *second, false);
    }
    customers_.push_back(std::move(customer));
    return Ok();
  }

  void AddPhones(Customer& customer, std::int64_t index) {
    customer.phones.push_back(MobileNumber(index));
    if (rng_.Chance(kSecondMobileShare)) {
      customer.phones.push_back(MobileNumber(options_.customers + index));
    }
    if (rng_.Chance(kLandlineShare)) customer.phones.push_back(LandlineNumber(index));
    if (index > 0 && rng_.Chance(kSharedPhoneShare)) {
      customer.phones.push_back(MobileNumber(index - 1));  // the previous customer's relative
    }
  }

  Result<PremiseSlot> NextPremise(PremiseSlots& slots, bool shop) {
    PremiseSlot slot;
    if (!slots.Next(slot)) return Fail(Error::Internal("demo city ran out of households"));
    Premise premise;
    premise.id = ++premise_id_;
    premise.unit_id = slot.unit_id;
    premise.building_id = slot.building_id;
    premise.community_id = slot.community->node_id;
    premise.district_id = slot.community->district_id;
    premise.room = std::to_string(slot.floor * 100 + slot.room);
    premise.address = PremiseAddress(slot, shop);
    premises_.push_back(std::move(premise));
    return slot;
  }

  void AddAccountsAt(Customer& customer, const PremiseSlot& slot, bool business) {
    const Premise& premise = premises_.back();
    const std::size_t first = customer.accounts.size();
    HouseholdServices services{slot.community->heated, slot.community->piped_gas, business};
    AddHouseholdAccounts(customer, premise.id, services, calendar_, sequences_, rng_);
    for (std::size_t a = first; a < customer.accounts.size(); ++a) {
      customer.accounts[a].address = premise.address;
      customer.accounts[a].district_id = premise.district_id;
    }
  }

  Status Flush() {
    if (auto s = sink_.AddPremises(premises_); !s) return s;
    if (auto s = sink_.AddCustomers(customers_); !s) return s;
    summary_.premises += static_cast<std::int64_t>(premises_.size());
    summary_.customers += static_cast<std::int64_t>(customers_.size());
    for (const Customer& c : customers_) {
      summary_.accounts += static_cast<std::int64_t>(c.accounts.size());
      for (const Account& a : c.accounts) {
        summary_.meters += static_cast<std::int64_t>(a.meters.size());
        summary_.bills += static_cast<std::int64_t>(a.recent_bills.size());
      }
    }
    premises_.clear();
    customers_.clear();
    return Ok();
  }

  const DemoCityOptions& options_;
  CitySink& sink_;
  Rng rng_;
  BillingCalendar calendar_;
  CityLayout layout_;
  AccountSequences sequences_;
  std::int64_t premise_id_ = 0;
  std::vector<Premise> premises_;
  std::vector<Customer> customers_;
  DemoCitySummary summary_;
};

}  // namespace

std::span<const DistrictPlan> Districts() {
  return kDistricts;
}

Result<DemoCitySummary> GenerateDemoCity(const DemoCityOptions& options, CitySink& sink) {
  if (options.customers < 1 || options.customers > 1'000'000) {
    return Fail(Error::Invalid("customers", "customers must be between 1 and 1,000,000"));
  }
  return CityGenerator(options, sink).Run();
}

}  // namespace lifeline::demo
