#include "core/demo/demo_history.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "core/common/rng.h"
#include "core/demo/demo_work_orders.h"
#include "core/reports/report_period.h"
#include "core/workorders/deadline_policy.h"
#include "core/workorders/tracking_code.h"

namespace lifeline::demo {

namespace {

struct UtilityWeights {
  double water = 0;
  double heat = 0;
  double gas = 0;
  double total() const { return water + heat + gas; }
};

// Days since the heating season started on 15 November (negative before it).
int DaysIntoHeating(LocalDate day) {
  const int year = day.month >= 11 ? day.year : day.year - 1;
  return static_cast<int>(DayNumberOf(day) - DayNumberOf({year, 11, 15}));
}

bool InHeatingSeason(LocalDate day) {
  const int into = DaysIntoHeating(day);
  return into >= 0 && into < 121;  // to mid-March
}

bool InSummer(LocalDate day) {
  return day.month == 7 || day.month == 8;
}

UtilityWeights WeightsOf(LocalDate day) {
  UtilityWeights w{.water = 0.45, .heat = 0.05, .gas = 0.30};
  if (InHeatingSeason(day)) {
    const int into = DaysIntoHeating(day);
    // The first cold radiators of the season: a sharp peak that settles in three weeks.
    w.heat = 0.55 + 2.5 * std::exp(-into / 7.0);
  }
  if (InSummer(day)) w.water += 0.35;  // pressure complaints on hot evenings, top floors
  return w;
}

double MeanTotalWeight() {
  static const double mean = [] {
    double sum = 0;
    for (std::int64_t d = DayNumberOf({2025, 1, 1}); d < DayNumberOf({2026, 1, 1}); ++d) {
      sum += WeightsOf(DateOfDayNumber(d)).total();
    }
    return sum / 365.0;
  }();
  return mean;
}

constexpr std::array kTypes{
    WorkOrderType::kRepair,       WorkOrderType::kRepair,    WorkOrderType::kRepair,
    WorkOrderType::kRepair,       WorkOrderType::kRepair,    WorkOrderType::kRepair,
    WorkOrderType::kRepair,       WorkOrderType::kComplaint, WorkOrderType::kConsultation,
    WorkOrderType::kConsultation, WorkOrderType::kHelp,      WorkOrderType::kTransfer12345,
    WorkOrderType::kSuggestion,   WorkOrderType::kPraise};

constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kColdRadiators{{
    {"heat.temperature.cold", "暖气不热"},
    {"heat.temperature.cold", "家里暖气温度上不来"},
    {"heat.temperature.uneven", "暖气上热下凉"},
    {"heat.temperature.room", "卧室暖气不热"},
}};

DemoCategory CategoryFor(Utility utility, WorkOrderType type, LocalDate day, Rng& rng) {
  if (type == WorkOrderType::kRepair) {
    if (utility == Utility::kHeat && InHeatingSeason(day) && rng.Chance(0.7)) {
      const auto& pick = kColdRadiators[rng.Below(kColdRadiators.size())];
      return {std::string(pick.first), std::string(pick.second)};
    }
    if (utility == Utility::kWater && InSummer(day) && rng.Chance(0.5)) {
      return {"water.pressure.low", "水压小，楼上没水"};
    }
  }
  return DemoCategoryFor(utility, type, rng);
}

// The local time of day an order comes in: mostly 08:00–22:00, peaking in the evening.
TimeMs TimeOfDay(Rng& rng) {
  if (rng.Chance(0.08)) return rng.Between(0, 8 * 60) * kMinuteMs;
  const std::int64_t a = rng.Between(8 * 60, 22 * 60);
  const std::int64_t b = rng.Between(8 * 60, 22 * 60);
  return ((a + b) / 2) * kMinuteMs;
}

TimeMs Minutes(Rng& rng, std::int64_t lo, std::int64_t hi) {
  return rng.Between(lo, hi) * kMinuteMs;
}

struct Staffing {
  const HistoryStaff& staff;
  std::map<std::int64_t, std::vector<const HistoryPerson*>> by_district;

  explicit Staffing(const HistoryStaff& s) : staff(s) {
    for (const HistoryPerson& t : s.technicians) {
      for (std::int64_t d : t.district_ids) by_district[d].push_back(&t);
    }
  }
  const HistoryPerson& TechnicianFor(std::int64_t district, Rng& rng) const {
    auto found = by_district.find(district);
    if (found != by_district.end() && !found->second.empty()) {
      return *found->second[rng.Below(found->second.size())];
    }
    return staff.technicians[rng.Below(staff.technicians.size())];
  }
};

// Walks one order through the loop, step by step, until a step would lie after `now`.
class Walker {
 public:
  Walker(HistoricOrder& out, TimeMs now) : out_(out), now_(now), at_(out.order.created_at) {}

  // False (and nothing recorded) when the step would happen after now.
  bool Step(TimeMs after, const HistoryPerson& who, std::string_view action, WorkOrderState to) {
    if (at_ + after > now_) return false;
    at_ += after;
    WorkOrderTransition t;
    t.order_id = out_.order.id;
    t.at = at_;
    t.actor_id = who.user_id;
    t.actor_name = who.name;
    t.action = std::string(action);
    t.from_state = out_.order.state;
    t.to_state = to;
    t.department_id = out_.order.department_id;
    t.assignee_id = out_.order.assignee_id;
    out_.transitions.push_back(std::move(t));
    out_.order.state = to;
    out_.order.updated_at = at_;
    return true;
  }
  TimeMs at() const { return at_; }
  WorkOrderTransition& last() { return out_.transitions.back(); }

 private:
  HistoricOrder& out_;
  TimeMs now_;
  TimeMs at_;
};

int Satisfaction(Rng& rng) {
  const double u = rng.Unit();
  if (u < 0.55) return 5;
  if (u < 0.80) return 4;
  if (u < 0.90) return 3;
  if (u < 0.96) return 2;
  return 1;
}

void CloseAfterCallback(Walker& walk, WorkOrder& o, const HistoryPerson& agent, Rng& rng) {
  if (!walk.Step(Minutes(rng, 60, 30 * 60), agent, "start_callback", WorkOrderState::kCallback)) {
    return;
  }
  if (!walk.Step(Minutes(rng, 2, 20), agent, "close", WorkOrderState::kClosed)) return;
  o.closed_at = walk.at();
  if (rng.Chance(0.12)) {
    o.callback_reached = false;
    return;
  }
  o.callback_reached = true;
  o.satisfaction = Satisfaction(rng);
  o.needs_review = *o.satisfaction <= 2;
  walk.last().satisfaction = o.satisfaction;
}

void Walk(HistoricOrder& h, const Staffing& staffing, const HistoryPerson& agent, bool site_visit,
          bool busy, TimeMs now, Rng& rng) {
  WorkOrder& o = h.order;
  Walker walk(h, now);
  walk.Step(0, agent, "create", WorkOrderState::kAccepted);
  const bool answers_itself = !NeedsCallback(o.type);
  if (!site_visit && (answers_itself || rng.Chance(0.3))) {  // 一次办结 on the call
    if (!walk.Step(Minutes(rng, 3, 20), agent, "resolve", WorkOrderState::kResolved)) return;
    o.responded_at = o.resolved_at = walk.at();
    if (answers_itself) {
      if (walk.Step(Minutes(rng, 1, 5), agent, "close", WorkOrderState::kClosed)) {
        o.closed_at = walk.at();
      }
      return;
    }
    CloseAfterCallback(walk, o, agent, rng);
    return;
  }
  const HistoryPerson& dispatcher = staffing.staff.dispatcher;
  if (rng.Chance(0.03)) {
    if (walk.Step(Minutes(rng, 10, 360), dispatcher, "cancel", WorkOrderState::kCancelled)) {
      o.closed_at = walk.at();
      walk.last().note = "客户表示已自行解决";
    }
    return;
  }
  const double slow = busy ? 1.6 : 1.0;
  const auto scaled = [&](std::int64_t lo, std::int64_t hi) {
    return static_cast<TimeMs>(static_cast<double>(Minutes(rng, lo, hi)) * slow);
  };
  const HistoryPerson& tech = staffing.TechnicianFor(*o.district_id, rng);
  o.department_id = tech.org_unit_id;
  const TimeMs response = rng.Chance(0.08) ? scaled(30, 240) : scaled(2, 25);
  if (!walk.Step(response, dispatcher, "dispatch", WorkOrderState::kDispatched)) return;
  o.responded_at = walk.at();
  o.assignee_id = tech.user_id;
  if (!walk.Step(scaled(2, 30), dispatcher, "assign", WorkOrderState::kAssigned)) return;
  if (site_visit) {
    if (!walk.Step(scaled(5, 60), tech, "depart", WorkOrderState::kEnRoute)) return;
    const TimeMs travel = rng.Chance(0.1) ? scaled(120, 600) : scaled(15, 90);
    if (!walk.Step(travel, tech, "arrive", WorkOrderState::kOnSite)) return;
    o.arrived_at = walk.at();
  }
  const TimeMs work = rng.Chance(0.12) ? scaled(24 * 60, 5 * 24 * 60) : scaled(20, 300);
  if (!walk.Step(work, tech, "resolve", WorkOrderState::kResolved)) return;
  o.resolved_at = walk.at();
  CloseAfterCallback(walk, o, agent, rng);
}

int BreachesOf(const WorkOrder& o, TimeMs now) {
  int bits = 0;
  const auto check = [&](const std::optional<TimeMs>& due, const std::optional<TimeMs>& met,
                         int bit) {
    if (!due) return;
    if (met ? *met > *due : (*due < now && IsOpen(o.state))) bits |= bit;
  };
  check(o.due_response_at, o.responded_at, kBreachResponse);
  check(o.due_arrival_at, o.arrived_at, kBreachArrival);
  check(o.due_resolution_at, o.resolved_at, kBreachResolution);
  return bits;
}

struct Pools {
  std::array<std::vector<const HistoryAccount*>, 3> by_utility;
  const std::vector<HistoryAccount>& all;

  explicit Pools(const std::vector<HistoryAccount>& accounts) : all(accounts) {
    for (const HistoryAccount& a : accounts) {
      by_utility[static_cast<std::size_t>(a.utility)].push_back(&a);
    }
  }
  const HistoryAccount& Pick(Utility utility, Rng& rng) const {
    const auto& pool = by_utility[static_cast<std::size_t>(utility)];
    if (pool.empty()) return all[rng.Below(all.size())];
    return *pool[rng.Below(pool.size())];
  }
};

Utility PickUtility(const UtilityWeights& w, Rng& rng) {
  const double u = rng.Unit() * w.total();
  if (u < w.water) return Utility::kWater;
  if (u < w.water + w.heat) return Utility::kHeat;
  return Utility::kGas;
}

}  // namespace

double SeasonalWeight(LocalDate day) {
  return WeightsOf(day).total() / MeanTotalWeight();
}

Result<HistorySummary> GenerateHistory(const HistoryPlan& plan,
                                       const std::vector<HistoryAccount>& accounts,
                                       const HistoryStaff& staff, SecureRandom& random,
                                       WorkOrderHistorySink& sink) {
  HistorySummary summary;
  if (accounts.empty() || plan.days <= 0) return summary;
  if (staff.agents.empty() || staff.technicians.empty()) {
    return Fail(Error::Internal("history needs demo agents and technicians"));
  }
  Rng rng(plan.seed);
  const Pools pools(accounts);
  const Staffing staffing(staff);
  const CategoryTree& tree = DefaultCategoryTree();
  const DeadlineSettings settings;
  const double per_day =
      plan.orders_per_account_year * static_cast<double>(accounts.size()) / 365.0;
  const std::int64_t today = LocalDayNumber(plan.now, kChinaUtcOffset);
  std::vector<HistoricOrder> batch;
  double carry = 0;
  std::int64_t id = plan.first_id;
  for (std::int64_t day = today - plan.days + 1; day <= today; ++day) {
    const LocalDate date = DateOfDayNumber(day);
    const UtilityWeights weights = WeightsOf(date);
    const bool busy = InHeatingSeason(date) && DaysIntoHeating(date) < 21;
    carry += per_day * weights.total() / MeanTotalWeight() * (0.9 + 0.2 * rng.Unit());
    const auto count = static_cast<std::int64_t>(carry);
    carry -= static_cast<double>(count);
    std::vector<TimeMs> times;
    for (std::int64_t i = 0; i < count; ++i) {
      times.push_back(day * kDayMs - kChinaUtcOffset + TimeOfDay(rng) + rng.Between(0, 59'999));
    }
    std::sort(times.begin(), times.end());  // ids in creation order, as the service gives them
    for (TimeMs created : times) {
      if (created > plan.now) break;
      const HistoryAccount& account = pools.Pick(PickUtility(weights, rng), rng);
      HistoricOrder h;
      WorkOrder& o = h.order;
      o.id = id++;
      o.tracking_code = NewTrackingCode(random);
      o.type = kTypes[rng.Below(kTypes.size())];
      const DemoCategory category = CategoryFor(account.utility, o.type, date, rng);
      const Category* node = tree.Find(category.code);
      o.category = category.code;
      o.priority = node != nullptr ? node->suggested_priority : Priority::kNormal;
      o.title = category.title;
      o.customer_id = account.customer_id;
      o.account_id = account.account_id;
      o.district_id = account.district_id;
      const HistoryPerson& agent = staff.agents[rng.Below(staff.agents.size())];
      o.created_by = agent.user_id;
      o.created_at = o.updated_at = created;
      const bool visit = node != nullptr && node->site_visit;
      const Deadlines due = ComputeDeadlines(created, PolicyFor(settings, o.category, o.priority),
                                             visit, settings.calendar);
      o.due_response_at = due.response;
      o.due_arrival_at = due.arrival;
      o.due_resolution_at = due.resolution;
      Walk(h, staffing, agent, visit, busy, plan.now, rng);
      o.breached = BreachesOf(o, plan.now);
      summary.transitions += static_cast<std::int64_t>(h.transitions.size());
      batch.push_back(std::move(h));
      ++summary.orders;
      if (batch.size() >= plan.batch) {
        if (auto s = sink.AddOrders(batch); !s) return Fail(s.error());
        batch.clear();
      }
    }
  }
  if (!batch.empty()) {
    if (auto s = sink.AddOrders(batch); !s) return Fail(s.error());
  }
  return summary;
}

}  // namespace lifeline::demo
