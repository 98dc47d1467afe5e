// Work-order reports on both backends, against a hand-computed fixture: eight orders with
// known times in and around November 2026 (local time, UTC+8). Every figure below was worked
// out by hand from the table in FixtureOrders(); docs/design/reports.md defines them.
#include <gmock/gmock.h>

#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "adapters/storage/sql_city_loader.h"
#include "core/demo/demo_city.h"
#include "core/reports/duration_histogram.h"
#include "core/reports/report_service.h"
#include "tests/contract/backend_test.h"

namespace lifeline::testing {
namespace {

using ::testing::ElementsAre;

constexpr TimeMs kM = kMinuteMs;
constexpr TimeMs kH = kHourMs;

TimeMs Local(int month, int day, int hour, int minute = 0) {
  return FromLocalDate({2026, month, day}, hour * kH + minute * kM);
}

// The figures recomputed in C++, order by order, from the definitions in docs/design/reports.md:
// what any statement, index or shape of SQL must keep answering.
struct Expected {
  ReportCounters counts;
  std::map<std::int64_t, std::int64_t> buckets;  // resolve-time bucket → orders resolved in time
};

std::array<std::int64_t, 16> Fields(const ReportCounters& c) {
  return {c.created,     c.resolved,         c.closed,         c.cancelled,
          c.merged,      c.response_due,     c.response_met,   c.arrival_due,
          c.arrival_met, c.resolution_due,   c.resolution_met, c.resolve_ms_sum,
          c.rated,       c.satisfaction_sum, c.satisfied,      c.unsatisfied};
}

bool Before(const std::optional<TimeMs>& at, TimeMs end) {
  return at && *at < end;
}

bool InScope(const WorkOrder& o, const ReportScope& s) {
  const auto id_matches = [](const std::optional<std::int64_t>& value, std::int64_t filter) {
    if (filter == 0) return true;
    if (filter == kReportNoneId) return !value.has_value();
    return value == filter;
  };
  if (o.created_at < s.from || o.created_at >= s.to) return false;
  if (s.type && o.type != *s.type) return false;
  if (!s.category.empty() && o.category != s.category &&
      !o.category.starts_with(s.category + ".")) {
    return false;
  }
  if (s.restricted && o.district_id &&
      std::ranges::find(s.district_ids, *o.district_id) == s.district_ids.end()) {
    return false;
  }
  return id_matches(o.district_id, s.district_id) && id_matches(o.department_id, s.department_id) &&
         id_matches(o.assignee_id, s.assignee_id) &&
         (s.created_by == 0 || o.created_by == s.created_by) &&
         (s.customer_id == 0 || o.customer_id == s.customer_id);
}

std::string KeyOf(const WorkOrder& o, ReportKey key, TimeMs utc_offset) {
  const auto id = [](const std::optional<std::int64_t>& v) {
    return v ? std::to_string(*v) : std::string("none");
  };
  switch (key) {
    case ReportKey::kType:
      return std::string(WorkOrderTypeCode(o.type));
    case ReportKey::kCategory:
      return o.category;
    case ReportKey::kDistrict:
      return id(o.district_id);
    case ReportKey::kDepartment:
      return id(o.department_id);
    case ReportKey::kAgent:
      return std::to_string(o.created_by);
    case ReportKey::kAssignee:
      return id(o.assignee_id);
    case ReportKey::kLocalDay:
      return std::to_string((o.created_at + utc_offset) / kDayMs);
  }
  return "";
}

void Count(const WorkOrder& o, TimeMs end, Expected& e) {
  ReportCounters& c = e.counts;
  const bool resolved = Before(o.resolved_at, end);
  const bool closed_in_time = Before(o.closed_at, end);
  const auto met = [&](const std::optional<TimeMs>& done, const std::optional<TimeMs>& due) {
    return due && Before(done, end) && *done <= *due;
  };
  c.created += 1;
  c.resolved += resolved;
  c.closed += o.state == WorkOrderState::kClosed && closed_in_time;
  c.cancelled += o.state == WorkOrderState::kCancelled && closed_in_time;
  c.merged += o.state == WorkOrderState::kMerged && closed_in_time;
  c.response_due += o.due_response_at.has_value();
  c.response_met += met(o.responded_at, o.due_response_at);
  c.arrival_due += o.due_arrival_at.has_value();
  c.arrival_met += met(o.arrived_at, o.due_arrival_at);
  c.resolution_due += o.due_resolution_at.has_value();
  c.resolution_met += met(o.resolved_at, o.due_resolution_at);
  if (resolved) {
    c.resolve_ms_sum += *o.resolved_at - o.created_at;
    e.buckets[DurationBucketOf(*o.resolved_at - o.created_at)] += 1;
  }
  if (closed_in_time && o.satisfaction) {
    c.rated += 1;
    c.satisfaction_sum += *o.satisfaction;
    c.satisfied += *o.satisfaction >= 4;
    c.unsatisfied += *o.satisfaction <= 2;
  }
}

// The repeat callers counted one by one: per customer, else per contact phone, the callers
// with two or more orders in the scope, most orders first, then customers by id, then the
// unrecognised; the first `top` listed.
RepeatCallerSummary CountCallers(const std::vector<WorkOrder>& orders, const ReportScope& scope,
                                 std::int64_t top) {
  std::map<std::int64_t, std::int64_t> customers;
  std::map<std::string, std::int64_t> phones;
  for (const WorkOrder& o : orders) {
    if (!InScope(o, scope)) continue;
    if (o.customer_id) {
      ++customers[*o.customer_id];
    } else if (!o.contact_phone.empty()) {
      ++phones[o.contact_phone];
    }
  }
  std::vector<CallerCount> callers;  // customers by id, then the phones
  for (const auto& [customer, n] : customers) callers.push_back({customer, n});
  for (const auto& [phone, n] : phones) callers.push_back({std::nullopt, n});
  std::erase_if(callers, [](const CallerCount& c) { return c.orders < 2; });
  std::ranges::stable_sort(callers, std::greater{}, &CallerCount::orders);
  RepeatCallerSummary summary;
  for (const CallerCount& c : callers) {
    ++summary.callers;
    summary.orders += c.orders;
    if (std::ssize(summary.top) < top) summary.top.push_back(c);
  }
  return summary;
}

// The top categories counted one by one: most orders first, ties by code.
std::vector<std::string> CountCategories(const std::vector<WorkOrder>& orders,
                                         const ReportScope& scope, std::int64_t top) {
  std::map<std::string, std::int64_t> counts;
  for (const WorkOrder& o : orders) {
    if (InScope(o, scope)) ++counts[o.category];
  }
  std::vector<std::pair<std::string, std::int64_t>> sorted(counts.begin(), counts.end());
  std::ranges::stable_sort(sorted, std::greater{}, &std::pair<std::string, std::int64_t>::second);
  std::vector<std::string> out;
  for (const auto& [category, n] : sorted) {
    if (std::ssize(out) < top) out.push_back(category + ":" + std::to_string(n));
  }
  return out;
}

// "customer:orders" (or "phone:orders") per listed caller, readable in a failure message.
std::vector<std::string> Listed(const RepeatCallerSummary& summary) {
  std::vector<std::string> out;
  for (const CallerCount& c : summary.top) {
    out.push_back((c.customer_id ? std::to_string(*c.customer_id) : std::string("phone")) + ":" +
                  std::to_string(c.orders));
  }
  return out;
}

class ReportContract : public BackendTest {
 protected:
  void SetUp() override {
    storage::SqlCityLoader loader(database.db(), services.cipher);
    ASSERT_TRUE(demo::GenerateDemoCity({.customers = 20, .as_of = services.clock.NowMs()}, loader)
                    .has_value());
    ASSERT_TRUE(loader.Finish().has_value());
    ASSERT_TRUE(services.store
                    .Read([&](StoreSession& session) -> Status {
                      auto districts = session.Topology().ListNodes(NodeKind::kDistrict);
                      if (!districts) return Fail(districts.error());
                      for (const TopologyNode& d : *districts) districts_.push_back(d.id);
                      return Ok();
                    })
                    .has_value());
    ASSERT_GE(districts_.size(), 3u);
    company_ = services.AddCompany("rpt-co");
    manager_ = Manager(DataScope::Everything());
    services.clock.Set(Local(12, 10, 12));
    Insert(FixtureOrders());
  }

  Principal Manager(DataScope scope) const {
    Principal p;
    p.user_id = 1;
    p.username = "manager";
    p.role = Role::kManager;
    p.org_unit_id = company_.id;
    p.permissions = RolePermissions(Role::kManager);
    p.scope = std::move(scope);
    return p;
  }

  WorkOrder Order(int n, WorkOrderType type, std::string category, std::int64_t district,
                  TimeMs created) const {
    WorkOrder o;
    o.tracking_code = "RPTFIXTURE" + std::to_string(n);
    o.type = type;
    o.category = std::move(category);
    o.state = WorkOrderState::kAccepted;
    o.title = "fixture " + std::to_string(n);
    o.district_id = district;
    o.created_by = 100 + n % 2;  // agents 100 and 101
    o.created_at = o.updated_at = created;
    return o;
  }

  // The fixture. A, B, C are three districts; X is customer 1 (two orders: a repeat caller).
  //  n  type          category                district created (local)  what happened
  //  1  repair        water.leak.burst        A   11-02 10:00  resp +3m/5m, arr +50m/60m,
  //                                                            resolved +90m/24h, closed, 5
  //  2  repair        water.quality.yellow    A   11-03 09:00  resp +40m/30m, arr +5h/4h,
  //                                                            resolved +30h/24h, closed, 2
  //  3  complaint     water.service.attitude  B   11-10 06:00  resp +1h/2h, resolved +4h/72h
  //  4  repair        heat.temperature.cold   B   11-20 20:00  resp +10m/30m, arr due 2h, open
  //  5  repair        heat.temperature.cold   A   11-25 08:00  resp due 30m, arr due 2h,
  //                                                            cancelled +1h
  //  6  repair        heat.temperature.cold   A   11-28 18:00  resp +10m/30m, arr +1h/2h,
  //                                                            resolved 12-02 (after the
  //                                                            period, late), closed 12-03, 4
  //  7  repair        water.leak.burst        A   10-31 23:00  outside the period
  //  8  consultation  general.consultation    C   11-15 11:00  resolved on the call +10m/2h,
  //                                                            closed +1m
  std::vector<WorkOrder> FixtureOrders() const {
    const std::int64_t a = districts_[0], b = districts_[1], c = districts_[2];
    std::vector<WorkOrder> orders;
    WorkOrder o1 = Order(1, WorkOrderType::kRepair, "water.leak.burst", a, Local(11, 2, 10));
    o1.customer_id = 1;
    Met(o1, 3 * kM, 5 * kM, 50 * kM, 60 * kM, 90 * kM, 24 * kH);
    Close(o1, o1.created_at + 26 * kH, 5);
    orders.push_back(o1);
    WorkOrder o2 = Order(2, WorkOrderType::kRepair, "water.quality.yellow", a, Local(11, 3, 9));
    o2.customer_id = 1;
    Met(o2, 40 * kM, 30 * kM, 5 * kH, 4 * kH, 30 * kH, 24 * kH);
    Close(o2, o2.created_at + 50 * kH, 2);
    orders.push_back(o2);
    WorkOrder o3 =
        Order(3, WorkOrderType::kComplaint, "water.service.attitude", b, Local(11, 10, 6));
    o3.due_response_at = o3.created_at + 2 * kH;
    o3.responded_at = o3.created_at + kH;
    o3.due_resolution_at = o3.created_at + 72 * kH;
    o3.resolved_at = o3.created_at + 4 * kH;
    o3.state = WorkOrderState::kResolved;
    orders.push_back(o3);
    WorkOrder o4 = Order(4, WorkOrderType::kRepair, "heat.temperature.cold", b, Local(11, 20, 20));
    o4.due_response_at = o4.created_at + 30 * kM;
    o4.responded_at = o4.created_at + 10 * kM;
    o4.due_arrival_at = o4.created_at + 2 * kH;
    o4.due_resolution_at = o4.created_at + 24 * kH;
    o4.state = WorkOrderState::kEnRoute;
    orders.push_back(o4);
    WorkOrder o5 = Order(5, WorkOrderType::kRepair, "heat.temperature.cold", a, Local(11, 25, 8));
    o5.due_response_at = o5.created_at + 30 * kM;
    o5.due_arrival_at = o5.created_at + 2 * kH;
    o5.due_resolution_at = o5.created_at + 24 * kH;
    o5.state = WorkOrderState::kCancelled;
    o5.closed_at = o5.created_at + kH;
    orders.push_back(o5);
    WorkOrder o6 = Order(6, WorkOrderType::kRepair, "heat.temperature.cold", a, Local(11, 28, 18));
    o6.due_response_at = o6.created_at + 30 * kM;
    o6.responded_at = o6.created_at + 10 * kM;
    o6.due_arrival_at = o6.created_at + 2 * kH;
    o6.arrived_at = o6.created_at + kH;
    o6.due_resolution_at = o6.created_at + 24 * kH;
    o6.resolved_at = Local(12, 2, 9);
    Close(o6, Local(12, 3, 9), 4);
    orders.push_back(o6);
    WorkOrder o7 = Order(7, WorkOrderType::kRepair, "water.leak.burst", a, Local(10, 31, 23));
    orders.push_back(o7);
    WorkOrder o8 =
        Order(8, WorkOrderType::kConsultation, "general.consultation", c, Local(11, 15, 11));
    o8.customer_id = 2;
    o8.due_response_at = o8.created_at + 2 * kH;
    o8.responded_at = o8.resolved_at = o8.created_at + 10 * kM;
    o8.due_resolution_at = o8.created_at + 72 * kH;
    o8.state = WorkOrderState::kClosed;
    o8.closed_at = o8.created_at + 11 * kM;
    orders.push_back(o8);
    return orders;
  }

  // More callers, for the repeat callers and the top categories: customers 2–20 with 0–3 more
  // orders, ten callers known only by their phone (4, 3 and 2 orders) and one calling once,
  // mostly in November and every fifth in early December, over twelve categories — so that the
  // top 20 callers and the top 10 categories are cut among ties.
  std::vector<WorkOrder> CallerOrders() const {
    static constexpr std::array<std::string_view, 12> kCategories{
        "water.leak.burst",        "water.leak.valve",        "water.meter.fault",
        "water.pressure.low",      "water.quality.yellow",    "heat.temperature.cold",
        "heat.temperature.uneven", "heat.leak.pipe",          "gas.safety.leak",
        "gas.supply.none",         "gas.business.inspection", "general.consultation"};
    std::vector<WorkOrder> orders;
    int n = 100;
    const auto add = [&](std::optional<std::int64_t> customer, std::string phone) {
      const TimeMs created = n % 5 == 0 ? Local(12, 1 + n % 9, 10) : Local(11, 1 + n % 30, 10);
      WorkOrder o = Order(n, WorkOrderType::kRepair, std::string(kCategories[n % 12]),
                          districts_[static_cast<std::size_t>(n) % 3], created);
      o.customer_id = customer;
      o.contact_phone = std::move(phone);
      orders.push_back(std::move(o));
      ++n;
    };
    for (std::int64_t customer = 2; customer <= 20; ++customer) {
      for (std::int64_t i = 0; i < customer % 4; ++i) add(customer, "");
    }
    for (int phone = 0; phone <= 10; ++phone) {
      const int calls = phone == 0 ? 4 : phone == 1 ? 3 : phone == 10 ? 1 : 2;
      for (int i = 0; i < calls; ++i) add(std::nullopt, "1391234" + std::to_string(1000 + phone));
    }
    return orders;
  }

  static void Met(WorkOrder& o, TimeMs responded, TimeMs response_due, TimeMs arrived,
                  TimeMs arrival_due, TimeMs resolved, TimeMs resolution_due) {
    o.responded_at = o.created_at + responded;
    o.due_response_at = o.created_at + response_due;
    o.arrived_at = o.created_at + arrived;
    o.due_arrival_at = o.created_at + arrival_due;
    o.resolved_at = o.created_at + resolved;
    o.due_resolution_at = o.created_at + resolution_due;
  }

  static void Close(WorkOrder& o, TimeMs at, int satisfaction) {
    o.state = WorkOrderState::kClosed;
    o.closed_at = at;
    o.satisfaction = satisfaction;
    o.callback_reached = true;
  }

  void Insert(const std::vector<WorkOrder>& orders) {
    ASSERT_TRUE(services.store
                    .Write([&](StoreSession& session) -> Status {
                      for (const WorkOrder& o : orders) {
                        auto id = session.WorkOrders().Insert(o);
                        if (!id) return Fail(id.error());
                        ids_.push_back(*id);
                      }
                      return Ok();
                    })
                    .has_value());
  }

  ReportRequest November(ReportGroupBy group_by = ReportGroupBy::kNone) const {
    ReportRequest r;
    r.period = ReportPeriod::kMonth;
    r.from = LocalDate{2026, 11, 17};  // any day in the month
    r.group_by = group_by;
    return r;
  }

  WorkOrderReport Run(const ReportRequest& request) {
    auto report = reports_.Run(manager_, request);
    EXPECT_TRUE(report.has_value()) << (report ? "" : report.error().message);
    return report ? *report : WorkOrderReport{};
  }

  const ReportGroup& Group(const WorkOrderReport& report, const std::string& key) {
    for (const ReportGroup& g : report.groups) {
      if (g.key == key) return g;
    }
    ADD_FAILURE() << "no group " << key;
    static const ReportGroup kNone;
    return kNone;
  }

  std::vector<std::int64_t> Drilled(const ReportRequest& request, ReportDrill drill) {
    auto page = reports_.Drill(manager_, request, drill, 0, 50);
    EXPECT_TRUE(page.has_value()) << (page ? "" : page.error().message);
    std::vector<std::int64_t> numbers;  // fixture numbers, newest first
    if (!page) return numbers;
    for (const ReportOrderRow& row : page->items) {
      for (std::size_t i = 0; i < ids_.size(); ++i) {
        if (ids_[i] == row.id) numbers.push_back(static_cast<std::int64_t>(i) + 1);
      }
    }
    EXPECT_EQ(page->total, static_cast<std::int64_t>(numbers.size()));
    return numbers;
  }

  OrgUnit company_;
  Principal manager_;
  std::vector<std::int64_t> districts_;
  std::vector<std::int64_t> ids_;
  ReportService reports_{services.store, services.clock};
};

TEST_P(ReportContract, TotalsForTheMonthMatchTheHandComputedFigures) {
  const WorkOrderReport report = Run(November());
  const ReportFigures& t = report.total;
  EXPECT_EQ(report.range.from, Local(11, 1, 0));
  EXPECT_EQ(report.range.to, Local(12, 1, 0));
  EXPECT_EQ(t.counts.created, 7);
  EXPECT_EQ(t.counts.resolved, 4);  // 1, 2, 3, 8; 6 only after the month
  EXPECT_EQ(t.counts.closed, 3);    // 1, 2, 8
  EXPECT_EQ(t.counts.cancelled, 1);
  EXPECT_EQ(t.counts.merged, 0);
  EXPECT_EQ(t.open_at_end, 2);  // 4 and 6
  EXPECT_NEAR(*t.completion_rate, 4.0 / 6.0, 1e-9);
  EXPECT_EQ(t.counts.response_due, 7);
  EXPECT_EQ(t.counts.response_met, 5);  // all but 2 (late) and 5 (never)
  EXPECT_EQ(t.counts.arrival_due, 5);   // 1, 2, 4, 5, 6
  EXPECT_EQ(t.counts.arrival_met, 2);   // 1, 6
  EXPECT_NEAR(*t.arrival_on_time, 0.4, 1e-9);
  EXPECT_EQ(t.counts.resolution_due, 7);
  EXPECT_EQ(t.counts.resolution_met, 3);  // 1, 3, 8
  // Resolve times 10 min, 90 min, 4 h, 30 h: mean 535 min; p90 is the 4th of 4.
  EXPECT_EQ(*t.mean_resolve_ms, 535 * kM);
  EXPECT_EQ(*t.p90_resolve_ms, 30 * kH);
  EXPECT_EQ(t.counts.rated, 2);  // 1 (5) and 2 (2); 6 was closed after the month
  EXPECT_NEAR(*t.satisfaction_mean, 3.5, 1e-9);
  EXPECT_NEAR(*t.satisfied_share, 0.5, 1e-9);
  EXPECT_EQ(t.counts.unsatisfied, 1);
  EXPECT_TRUE(report.groups.empty());
}

TEST_P(ReportContract, ByDistrictSplitsTheFiguresAndTheirPercentiles) {
  const WorkOrderReport report = Run(November(ReportGroupBy::kDistrict));
  ASSERT_EQ(report.groups.size(), 3u);
  const ReportGroup& a = Group(report, std::to_string(districts_[0]));
  EXPECT_EQ(a.figures.counts.created, 4);  // 1, 2, 5, 6
  EXPECT_EQ(a.figures.counts.resolved, 2);
  EXPECT_EQ(a.figures.open_at_end, 1);
  EXPECT_EQ(*a.figures.mean_resolve_ms, 945 * kM);
  EXPECT_EQ(*a.figures.p90_resolve_ms, 30 * kH);
  EXPECT_FALSE(a.label.empty());
  const ReportGroup& b = Group(report, std::to_string(districts_[1]));
  EXPECT_EQ(b.figures.counts.created, 2);
  EXPECT_EQ(*b.figures.p90_resolve_ms, 4 * kH);
  EXPECT_EQ(report.groups.front().key, std::to_string(districts_[0])) << "most orders first";
}

TEST_P(ReportContract, ByCategoryRollsUpToTheChosenDepth) {
  ReportRequest request = November(ReportGroupBy::kCategory);
  request.category_depth = 1;
  WorkOrderReport report = Run(request);
  EXPECT_EQ(Group(report, "water").figures.counts.created, 3);
  EXPECT_EQ(Group(report, "heat").figures.counts.created, 3);
  EXPECT_EQ(Group(report, "general").figures.counts.created, 1);
  request.category_depth = 2;
  report = Run(request);
  EXPECT_EQ(Group(report, "heat.temperature").figures.counts.created, 3);
  EXPECT_EQ(Group(report, "water.leak").figures.counts.created, 1);
  EXPECT_EQ(Group(report, "water.leak").label, "供水 › 漏水");
}

TEST_P(ReportContract, WeeksRunFromMondayInLocalTimeWithEmptyWeeksKept) {
  const WorkOrderReport report = Run(November(ReportGroupBy::kWeek));
  std::vector<std::string> keys;
  std::vector<std::int64_t> created;
  for (const ReportGroup& g : report.groups) {
    keys.push_back(g.key);
    created.push_back(g.figures.counts.created);
  }
  EXPECT_THAT(keys, ElementsAre("2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16",
                                "2026-11-23", "2026-11-30"));
  EXPECT_THAT(created, ElementsAre(0, 2, 2, 1, 2, 0));
}

TEST_P(ReportContract, DaysAreLocalDays) {
  const WorkOrderReport report = Run(November(ReportGroupBy::kDay));
  ASSERT_EQ(report.groups.size(), 30u);
  // Order 3 came in at 06:00 local on the 10th, which is still the 9th in UTC.
  EXPECT_EQ(Group(report, "2026-11-10").figures.counts.created, 1);
  EXPECT_EQ(Group(report, "2026-11-09").figures.counts.created, 0);
}

TEST_P(ReportContract, TopCategoriesAndRepeatCallers) {
  const WorkOrderReport report = Run(November());
  ASSERT_GE(report.top_categories.size(), 2u);
  EXPECT_EQ(report.top_categories[0].code, "heat.temperature.cold");
  EXPECT_EQ(report.top_categories[0].orders, 3);
  EXPECT_EQ(report.top_categories[1].code, "general.consultation") << "ties by code";
  EXPECT_EQ(report.repeat_callers.callers, 1);
  EXPECT_EQ(report.repeat_callers.orders, 2);
  ASSERT_EQ(report.repeat_callers.top.size(), 1u);
  EXPECT_EQ(report.repeat_callers.top[0].customer_id, 1);
}

TEST_P(ReportContract, EveryFigureDrillsDownToItsOrders) {
  const ReportRequest month = November();
  EXPECT_THAT(Drilled(month, {}), ElementsAre(8, 6, 5, 4, 3, 2, 1));  // newest id first
  EXPECT_THAT(Drilled(month, {.metric = ReportMetric::kResolved}), ElementsAre(8, 3, 2, 1));
  EXPECT_THAT(Drilled(month, {.metric = ReportMetric::kOpen}), ElementsAre(6, 4));
  EXPECT_THAT(Drilled(month, {.metric = ReportMetric::kResponseMissed}), ElementsAre(5, 2));
  EXPECT_THAT(Drilled(month, {.metric = ReportMetric::kArrivalMet}), ElementsAre(6, 1));
  EXPECT_THAT(Drilled(month, {.metric = ReportMetric::kResolutionMissed}), ElementsAre(6, 5, 4, 2));
  EXPECT_THAT(Drilled(month, {.metric = ReportMetric::kUnsatisfied}), ElementsAre(2));
  EXPECT_THAT(Drilled(month, {.metric = ReportMetric::kCancelled}), ElementsAre(5));
  const ReportRequest by_district = November(ReportGroupBy::kDistrict);
  EXPECT_THAT(
      Drilled(by_district, {.group = std::to_string(districts_[0]), .metric = ReportMetric::kOpen}),
      ElementsAre(6));
  const ReportRequest by_category = November(ReportGroupBy::kCategory);
  EXPECT_THAT(Drilled(by_category, {.group = "water", .metric = ReportMetric::kClosed}),
              ElementsAre(2, 1));
  const ReportRequest by_week = November(ReportGroupBy::kWeek);
  EXPECT_THAT(Drilled(by_week, {.group = "2026-11-23"}), ElementsAre(6, 5));
  const ReportRequest by_assignee = November(ReportGroupBy::kAssignee);
  EXPECT_EQ(Drilled(by_assignee, {.group = "none"}).size(), 7u);
}

TEST_P(ReportContract, ExportVisitsEveryRowInPagesAndRefusesTooMany) {
  std::vector<std::int64_t> seen;
  ASSERT_TRUE(reports_
                  .Export(manager_, November(), {}, 100,
                          [&](const ReportOrderRow& row) -> Status {
                            seen.push_back(row.id);
                            return Ok();
                          })
                  .has_value());
  EXPECT_EQ(seen.size(), 7u);
  Status refused = reports_.Export(manager_, November(), {}, 6,
                                   [](const ReportOrderRow&) -> Status { return Ok(); });
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().field, "from");
}

TEST_P(ReportContract, ABranchSeesOnlyItsDistricts) {
  auto report = reports_.Run(Manager(DataScope::Districts({districts_[0], districts_[1]})),
                             November(ReportGroupBy::kDistrict));
  ASSERT_TRUE(report.has_value());
  EXPECT_EQ(report->total.counts.created, 6) << "order 8 lies in district C";
  EXPECT_EQ(report->groups.size(), 2u);
}

TEST_P(ReportContract, FiltersNarrowTheOrders) {
  ReportRequest request = November();
  request.filters.category = "heat";
  EXPECT_EQ(Run(request).total.counts.created, 3);
  request.filters.category.clear();
  request.filters.type = WorkOrderType::kComplaint;
  EXPECT_EQ(Run(request).total.counts.created, 1);
  request.filters.type.reset();
  request.filters.created_by = 100;                 // the even fixture numbers
  EXPECT_EQ(Run(request).total.counts.created, 4);  // 2, 4, 6, 8
}

TEST_P(ReportContract, WithoutReportsReadTheAnswerIs403) {
  Principal agent = manager_;
  agent.role = Role::kAgent;
  agent.permissions = RolePermissions(Role::kAgent);
  auto refused = reports_.Run(agent, November());
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
}

// Every grouping key × a dozen filter shapes × two period ends (one with an order resolved and
// closed after it), against the figures counted one by one in C++: the statements' shapes, the
// covering index and the resolve-time buckets must not change a single number. The same for the
// top categories and the repeat callers (with more callers, so that ties are cut).
TEST_P(ReportContract, EveryKeyAndFilterShapeMatchesTheOrdersCountedOneByOne) {
  std::vector<WorkOrder> orders = FixtureOrders();
  const std::vector<WorkOrder> callers = CallerOrders();
  Insert(callers);
  orders.insert(orders.end(), callers.begin(), callers.end());
  const std::int64_t a = districts_[0], b = districts_[1];
  std::vector<ReportScope> scopes;
  for (const auto& [from, to] : {std::pair{Local(11, 1, 0), Local(12, 1, 0)},
                                 std::pair{Local(10, 1, 0), Local(12, 10, 0)}}) {
    const ReportScope all{.from = from, .to = to};
    scopes.push_back(all);
    ReportScope s = all;
    s.type = WorkOrderType::kRepair;
    scopes.push_back(s);
    for (std::string category : {"heat", "water.leak", "water.leak.burst"}) {
      s = all;
      s.category = category;
      scopes.push_back(s);
    }
    for (std::int64_t district : {a, kReportNoneId}) {
      s = all;
      s.district_id = district;
      scopes.push_back(s);
    }
    s = all;
    s.department_id = s.assignee_id = kReportNoneId;
    scopes.push_back(s);
    s = all;
    s.created_by = 100;
    s.customer_id = 1;
    scopes.push_back(s);
    s = all;
    s.restricted = true;
    s.district_ids = {a, b};
    scopes.push_back(s);
    s.type = WorkOrderType::kRepair;
    s.district_id = a;
    s.category = "water";
    scopes.push_back(s);
  }
  const ReportScope& widest = scopes[scopes.size() / 2];  // October to 10 December, unfiltered
  ASSERT_GT(CountCallers(orders, widest, kTopCallers).callers, kTopCallers) << "a cut top 20";
  constexpr std::array kKeys{ReportKey::kType,       ReportKey::kCategory, ReportKey::kDistrict,
                             ReportKey::kDepartment, ReportKey::kAgent,    ReportKey::kAssignee,
                             ReportKey::kLocalDay};
  for (const ReportScope& scope : scopes) {
    for (ReportKey key : kKeys) {
      std::map<std::string, Expected> expected, actual;
      for (const WorkOrder& o : orders) {
        if (InScope(o, scope)) Count(o, scope.to, expected[KeyOf(o, key, scope.utc_offset)]);
      }
      ASSERT_TRUE(services.store
                      .Read([&](StoreSession& session) -> Status {
                        auto rows = session.Reports().Aggregate(scope, key);
                        if (!rows) return Fail(rows.error());
                        for (const ReportRow& row : *rows) {
                          const std::string k = row.key.none ? "none"
                                                : !row.key.code.empty()
                                                    ? row.key.code
                                                    : std::to_string(row.key.number);
                          Expected& e = actual[k];
                          e.counts.Add(row.counters);
                          if (row.bucket && row.counters.resolved > 0) {
                            e.buckets[*row.bucket] += row.counters.resolved;
                          }
                        }
                        return Ok();
                      })
                      .has_value());
      const std::string where = "key " + std::to_string(static_cast<int>(key)) + ", scope " +
                                std::to_string(&scope - scopes.data());
      ASSERT_EQ(actual.size(), expected.size()) << where;
      for (const auto& [k, e] : expected) {
        EXPECT_EQ(Fields(actual[k].counts), Fields(e.counts)) << where << ", group " << k;
        EXPECT_EQ(actual[k].buckets, e.buckets) << where << ", group " << k;
      }
    }
    const std::string where = "scope " + std::to_string(&scope - scopes.data());
    ASSERT_TRUE(services.store
                    .Read([&](StoreSession& session) -> Status {
                      auto top = session.Reports().TopCategories(scope, kTopCategories);
                      if (!top) return Fail(top.error());
                      std::vector<std::string> listed;
                      for (const CategoryCount& c : *top) {
                        listed.push_back(c.category + ":" + std::to_string(c.orders));
                      }
                      EXPECT_EQ(listed, CountCategories(orders, scope, kTopCategories)) << where;
                      auto repeat = session.Reports().RepeatCallers(scope, kTopCallers);
                      if (!repeat) return Fail(repeat.error());
                      const RepeatCallerSummary expected = CountCallers(orders, scope, kTopCallers);
                      EXPECT_EQ(repeat->callers, expected.callers) << where;
                      EXPECT_EQ(repeat->orders, expected.orders) << where;
                      EXPECT_EQ(Listed(*repeat), Listed(expected)) << where;
                      return Ok();
                    })
                    .has_value());
  }
}

LIFELINE_ON_BOTH_BACKENDS(ReportContract);

}  // namespace
}  // namespace lifeline::testing
