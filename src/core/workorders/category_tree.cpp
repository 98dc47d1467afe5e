#include "core/workorders/category_tree.h"

#include <algorithm>

namespace lifeline {

namespace {

using enum Priority;
using dispatch::Trade;

// The trade each part of the built-in tree needs, by code prefix (the longest wins). Desk
// work (billing, transfers, attitude complaints, the general root) needs none.
struct TradeRule {
  std::string_view prefix;
  Trade trade;
};
constexpr TradeRule kDefaultTrades[] = {
    {"water.quality", Trade::kPipeRepair},
    {"water.pressure", Trade::kPipeRepair},
    {"water.leak", Trade::kPipeRepair},
    {"water.meter", Trade::kMeter},
    {"water.business.installation", Trade::kPipeRepair},
    {"heat.temperature", Trade::kHeatValve},
    {"heat.leak", Trade::kPipeRepair},
    {"heat.equipment", Trade::kHeatValve},
    {"heat.equipment.meter", Trade::kMeter},
    {"heat.business.installation", Trade::kHeatValve},
    {"gas.safety", Trade::kGasSafety},
    {"gas.supply", Trade::kGasSafety},
    {"gas.meter", Trade::kMeter},
    {"gas.business.activation", Trade::kGasSafety},
    {"gas.business.rerouting", Trade::kGasSafety},
    {"gas.business.inspection", Trade::kGasSafety},
    {"gas.business.alarm_install", Trade::kGasSafety},
};

// Only the node a rule names carries the trade; its children inherit it (TradeFor).
std::optional<Trade> DefaultTrade(std::string_view code) {
  for (const TradeRule& rule : kDefaultTrades) {
    if (rule.prefix == code) return rule.trade;
  }
  return std::nullopt;
}

struct Leaf {
  std::string_view code;
  std::string_view name;
  Priority priority;
  bool visit;
};

struct Branch {
  std::string_view code;
  std::string_view name;
  std::vector<Leaf> leaves;
};

struct Root {
  std::string_view code;
  std::string_view name;
  std::optional<Utility> utility;
  std::vector<Branch> branches;
};

std::vector<Root> DefaultRoots() {
  return {
      {"water",
       "供水",
       Utility::kWater,
       {{"quality",
         "水质",
         {{"yellow", "水黄", kUrgent, true},
          {"turbid", "浑浊", kUrgent, true},
          {"odour", "异味", kUrgent, true}}},
        {"pressure", "水压", {{"low", "水压低", kNormal, true}, {"none", "无水", kUrgent, true}}},
        {"leak",
         "漏水",
         {{"burst", "管道爆裂", kEmergency, true},
          {"before_meter", "表前漏水", kUrgent, true},
          {"valve", "阀门井盖", kUrgent, true}}},
        {"meter",
         "水表",
         {{"fault", "水表故障", kNormal, true},
          {"frozen", "水表冻裂", kUrgent, true},
          {"reading", "抄表异议", kNormal, false}}},
        {"business",
         "业务",
         {{"billing", "水费账单", kNormal, false},
          {"installation", "报装开户", kNormal, true},
          {"transfer", "过户更名", kNormal, false}}},
        {"service",
         "服务",
         {{"attitude", "服务态度", kNormal, false},
          {"construction", "施工扰民", kNormal, false}}}}},
      {"heat",
       "供热",
       Utility::kHeat,
       {{"temperature",
         "室温不达标",
         {{"cold", "暖气不热", kUrgent, true},
          {"uneven", "上热下凉", kNormal, true},
          {"room", "个别房间不热", kNormal, true}}},
        {"leak",
         "漏水",
         {{"radiator", "暖气片漏水", kEmergency, true}, {"pipe", "管道漏水", kEmergency, true}}},
        {"equipment",
         "设备",
         {{"valve", "阀门故障", kNormal, true}, {"meter", "热计量表", kNormal, true}}},
        {"business",
         "业务",
         {{"billing", "热费缴纳", kNormal, false},
          {"suspend", "报停启用", kNormal, false},
          {"installation", "供热报装", kNormal, true}}},
        {"service", "服务", {{"attitude", "服务态度", kNormal, false}}}}},
      {"gas",
       "燃气",
       Utility::kGas,
       {{"safety",
         "安全",
         {{"leak", "燃气泄漏", kEmergency, true},
          {"smell", "有燃气味", kEmergency, true},
          {"alarm", "报警器报警", kEmergency, true}}},
        {"supply", "供气", {{"none", "无气", kUrgent, true}, {"low", "火小气压低", kNormal, true}}},
        {"meter",
         "燃气表",
         {{"fault", "表具故障", kNormal, true}, {"card", "IC卡充值", kNormal, false}}},
        {"business",
         "业务",
         {{"activation", "开栓通气", kNormal, true},
          {"rerouting", "改管", kNormal, true},
          {"inspection", "安检预约", kNormal, true},
          {"alarm_install", "报警器安装", kNormal, true}}},
        {"service", "服务", {{"attitude", "服务态度", kNormal, false}}}}},
      {"general",
       "综合",
       std::nullopt,
       {{"consultation", "咨询", {}},
        {"suggestion", "建议", {}},
        {"praise", "表扬", {}},
        {"other", "其他", {}}}},
  };
}

// A branch's own visit flag: it needs a visit when any of its leaves does, so an agent who
// picks "水质" without a leaf still gets an arrival deadline.
bool AnyVisit(const std::vector<Leaf>& leaves) {
  return std::ranges::any_of(leaves, &Leaf::visit);
}

Priority MostUrgent(const std::vector<Leaf>& leaves) {
  Priority most = kNormal;
  for (const Leaf& leaf : leaves) most = std::min(most, leaf.priority);
  return most;
}

std::vector<Category> Flatten(const std::vector<Root>& roots) {
  std::vector<Category> out;
  for (const Root& root : roots) {
    out.push_back(
        {std::string(root.code), std::string(root.name), "", root.utility, kNormal, false});
    for (const Branch& branch : root.branches) {
      const std::string code = std::string(root.code) + "." + std::string(branch.code);
      out.push_back({code, std::string(branch.name), std::string(root.code), root.utility,
                     MostUrgent(branch.leaves), AnyVisit(branch.leaves)});
      for (const Leaf& leaf : branch.leaves) {
        out.push_back({code + "." + std::string(leaf.code), std::string(leaf.name), code,
                       root.utility, leaf.priority, leaf.visit});
      }
    }
  }
  for (Category& category : out) category.trade = DefaultTrade(category.code);
  return out;
}

}  // namespace

const Category* CategoryTree::Find(std::string_view code) const {
  auto found = std::ranges::find(categories_, code, &Category::code);
  return found == categories_.end() ? nullptr : &*found;
}

std::string CategoryTree::Path(std::string_view code) const {
  std::string path;
  for (const Category* node = Find(code); node != nullptr; node = Find(node->parent)) {
    path = path.empty() ? node->name : node->name + " › " + path;
    if (node->parent.empty()) break;
  }
  return path;
}

std::optional<dispatch::Trade> CategoryTree::TradeFor(std::string_view code) const {
  for (const Category* node = Find(code); node != nullptr; node = Find(node->parent)) {
    if (node->trade) return node->trade;
    if (node->parent.empty()) break;
  }
  return std::nullopt;
}

bool NeedsVisit(const CategoryTree& tree, std::string_view code) {
  const Category* category = tree.Find(code);
  return category != nullptr && category->site_visit;
}

std::string_view ParentCode(std::string_view code) {
  const auto dot = code.rfind('.');
  return dot == std::string_view::npos ? std::string_view{} : code.substr(0, dot);
}

const CategoryTree& DefaultCategoryTree() {
  static const CategoryTree tree(Flatten(DefaultRoots()));
  return tree;
}

}  // namespace lifeline
