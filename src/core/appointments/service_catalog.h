// The catalog of home services customers book (预约上门服务): 开栓, 维修, 改线, 安检, 阀管改造,
// 旧改施工, 报警器安装, per utility where the utility offers it. Each service says how long the
// visit takes, which work-order category the booking creates, and whether it is bookable online
// or needs papers first — then a guidance text (where to go, what to bring, phone, hours) is
// answered instead of slots. Design: docs/design/appointments.md ("Service catalog").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/customers/customer.h"

namespace lifeline {

// Where to go and what to bring when a service cannot be booked online.
struct ServiceGuidance {
  std::string where;               // "所在区营业厅（临江大道88号）"
  std::vector<std::string> bring;  // "户主身份证原件", "房产证或购房合同"
  std::string phone;               // "96777"
  std::string hours;               // "周一至周五 08:30–17:30"
  std::string note;                // anything else people should know
};

struct HomeService {
  std::string code;  // "<utility>.<kind>": "gas.activation"
  std::string
      kind;  // activation, repair, rerouting, inspection, valve_pipe, renovation, alarm_install
  Utility utility = Utility::kGas;
  std::string name;  // "燃气开栓通气"
  int duration_minutes = 60;
  std::string category;  // the work-order category the booking creates: "gas.business.activation"
  bool bookable = true;  // false: needs papers first, `guidance` says how
  std::optional<ServiceGuidance> guidance{};
};

class ServiceCatalog {
 public:
  explicit ServiceCatalog(std::vector<HomeService> services) : services_(std::move(services)) {}
  const std::vector<HomeService>& all() const { return services_; }
  const HomeService* Find(std::string_view code) const;

 private:
  std::vector<HomeService> services_;
};

// The service kinds, in the order the catalog lists them.
inline constexpr std::string_view kServiceKinds[] = {
    "activation", "repair", "rerouting", "inspection", "valve_pipe", "renovation", "alarm_install"};

// The built-in catalog, in Chinese; every category it names is in DefaultCategoryTree().
const ServiceCatalog& DefaultServiceCatalog();

}  // namespace lifeline
