#include "core/customers/customer.h"

#include "core/common/enum_codes.h"

namespace lifeline {

std::string_view UtilityCode(Utility utility) {
  switch (utility) {
    case Utility::kWater:
      return "water";
    case Utility::kHeat:
      return "heat";
    case Utility::kGas:
      return "gas";
  }
  return "water";
}

std::optional<Utility> ParseUtility(std::string_view code) {
  return ParseEnumCode(std::array{Utility::kWater, Utility::kHeat, Utility::kGas}, code,
                       UtilityCode);
}

std::string_view CustomerKindCode(CustomerKind kind) {
  switch (kind) {
    case CustomerKind::kResident:
      return "resident";
    case CustomerKind::kBusiness:
      return "business";
  }
  return "resident";
}

std::optional<CustomerKind> ParseCustomerKind(std::string_view code) {
  return ParseEnumCode(std::array{CustomerKind::kResident, CustomerKind::kBusiness}, code,
                       CustomerKindCode);
}

std::string_view AccountStatusCode(AccountStatus status) {
  switch (status) {
    case AccountStatus::kActive:
      return "active";
    case AccountStatus::kSuspended:
      return "suspended";
    case AccountStatus::kClosed:
      return "closed";
  }
  return "active";
}

std::optional<AccountStatus> ParseAccountStatus(std::string_view code) {
  return ParseEnumCode(
      std::array{AccountStatus::kActive, AccountStatus::kSuspended, AccountStatus::kClosed}, code,
      AccountStatusCode);
}

}  // namespace lifeline
