// The built-in home-service catalog. Which services need papers follows common practice of
// Chinese utilities: work that changes the installation (改线, 旧改施工, a new water account) is
// applied for at the business hall with proof of ownership; visits to an existing installation
// (开栓, 维修, 安检, 阀管改造, 报警器安装) are booked directly.
#include "core/appointments/service_catalog.h"

#include <algorithm>

namespace lifeline {

namespace {

constexpr std::string_view kHotline = "96777";
constexpr std::string_view kHallHours = "周一至周六 08:30–17:30（法定节假日除外）";

ServiceGuidance Hall(std::vector<std::string> bring, std::string note) {
  return {.where = "用户地址所在区的营业厅（地址见“营业网点”公告），或由物业/社区统一申报",
          .bring = std::move(bring),
          .phone = std::string(kHotline),
          .hours = std::string(kHallHours),
          .note = std::move(note)};
}

HomeService Online(std::string kind, Utility utility, std::string name, int minutes,
                   std::string category) {
  std::string code = std::string(UtilityCode(utility)) + "." + kind;
  return {.code = std::move(code),
          .kind = std::move(kind),
          .utility = utility,
          .name = std::move(name),
          .duration_minutes = minutes,
          .category = std::move(category),
          .bookable = true,
          .guidance = std::nullopt};
}

HomeService Papers(std::string kind, Utility utility, std::string name, int minutes,
                   std::string category, ServiceGuidance guidance) {
  HomeService service =
      Online(std::move(kind), utility, std::move(name), minutes, std::move(category));
  service.bookable = false;
  service.guidance = std::move(guidance);
  return service;
}

std::vector<HomeService> BuiltIn() {
  using enum Utility;
  const std::vector<std::string> owner_papers{"户主身份证原件", "房产证或购房合同",
                                              "近期缴费凭证或户号"};
  return {
      Papers("activation", kWater, "供水开户通水", 60, "water.business.installation",
             Hall(owner_papers, "新房首次通水需先办理开户，受理后工作人员电话预约上门时间。")),
      Online("repair", kWater, "供水设施维修", 120, "water.leak"),
      Papers("rerouting", kWater, "供水管线改线", 180, "water.business.installation",
             Hall({"户主身份证原件", "房产证或购房合同", "改线位置示意图"},
                  "改线涉及表前管道，需现场勘查后出具方案与费用。")),
      Papers("renovation", kWater, "老旧小区改造供水施工", 240, "water.business.installation",
             Hall({"社区或物业出具的改造通知", "户主身份证复印件"},
                  "旧改施工按小区统一排期，由社区或物业汇总申报。")),
      Online("activation", kHeat, "供热开栓（报停后启用）", 60, "heat.business.suspend"),
      Online("repair", kHeat, "供热设施维修", 120, "heat.equipment"),
      Online("valve_pipe", kHeat, "供热阀门管道改造", 120, "heat.equipment.valve"),
      Papers("renovation", kHeat, "老旧小区改造供热施工", 240, "heat.business.installation",
             Hall({"社区或物业出具的改造通知", "户主身份证复印件"},
                  "旧改施工按小区统一排期，由社区或物业汇总申报。")),
      Online("activation", kGas, "燃气开栓通气", 60, "gas.business.activation"),
      Online("repair", kGas, "燃气表具维修", 90, "gas.meter.fault"),
      Papers("rerouting", kGas, "燃气管道改线", 180, "gas.business.rerouting",
             Hall({"户主身份证原件", "房产证或购房合同", "改线位置示意图"},
                  "燃气改管须由燃气公司专业人员施工，严禁私自改动；受理后安排现场勘查。")),
      Online("inspection", kGas, "燃气入户安检", 30, "gas.business.inspection"),
      Online("valve_pipe", kGas, "燃气阀门及软管改造", 90, "gas.business.rerouting"),
      Papers("renovation", kGas, "老旧小区改造燃气施工", 240, "gas.business.rerouting",
             Hall({"社区或物业出具的改造通知", "户主身份证复印件"},
                  "旧改施工按小区统一排期，由社区或物业汇总申报。")),
      Online("alarm_install", kGas, "燃气报警器安装", 60, "gas.business.alarm_install"),
  };
}

}  // namespace

const HomeService* ServiceCatalog::Find(std::string_view code) const {
  auto it = std::ranges::find(services_, code, &HomeService::code);
  return it == services_.end() ? nullptr : &*it;
}

const ServiceCatalog& DefaultServiceCatalog() {
  static const ServiceCatalog catalog(BuiltIn());
  return catalog;
}

}  // namespace lifeline
