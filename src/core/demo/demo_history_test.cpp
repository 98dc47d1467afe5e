// The demo's year of history: the rate, the seasonal shape, and orders whose times agree with
// their states.
#include "core/demo/demo_history.h"

#include <gtest/gtest.h>

#include <map>

#include "core/reports/report_period.h"

namespace lifeline::demo {
namespace {

class CountingRandom final : public SecureRandom {
 public:
  std::string Token(int bytes) override {
    std::string out(static_cast<std::size_t>(bytes), 'a');
    std::uint64_t n = ++calls_;
    for (std::size_t i = 0; i < out.size() && n > 0; ++i, n /= 26) out[i] = 'a' + n % 26;
    return out;
  }

 private:
  std::uint64_t calls_ = 0;
};

class CollectingSink final : public WorkOrderHistorySink {
 public:
  Status AddOrders(std::span<const HistoricOrder> orders) override {
    all.insert(all.end(), orders.begin(), orders.end());
    return Ok();
  }
  std::vector<HistoricOrder> all;
};

HistoryStaff Staff() {
  HistoryStaff staff;
  staff.agents = {{1, "坐席一", 10, {}}, {2, "坐席二", 10, {}}};
  staff.dispatcher = {3, "调度", 10, {}};
  staff.technicians = {{4, "李师傅", 11, {100}}, {5, "王师傅", 12, {101}}};
  return staff;
}

std::vector<HistoryAccount> Accounts(int n) {
  std::vector<HistoryAccount> accounts;
  for (int i = 0; i < n; ++i) {
    accounts.push_back({i + 1, i + 1, 100 + i % 2, static_cast<Utility>(i % 3)});
  }
  return accounts;
}

TEST(DemoHistory, SeasonalWeightPeaksWhenTheHeatingStarts) {
  double sum = 0;
  for (std::int64_t d = DayNumberOf({2025, 1, 1}); d < DayNumberOf({2026, 1, 1}); ++d) {
    sum += SeasonalWeight(DateOfDayNumber(d));
  }
  EXPECT_NEAR(sum / 365, 1.0, 1e-9);
  EXPECT_GT(SeasonalWeight({2026, 11, 16}), 2 * SeasonalWeight({2026, 5, 10}));
  EXPECT_GT(SeasonalWeight({2026, 7, 20}), SeasonalWeight({2026, 5, 10}));
}

TEST(DemoHistory, HalfAnOrderPerAccountPerYearWithConsistentTimes) {
  CountingRandom random;
  CollectingSink sink;
  HistoryPlan plan;
  plan.days = 365;
  plan.now = FromLocalDate({2026, 12, 1}, 12 * kHourMs);
  plan.batch = 500;
  auto summary = GenerateHistory(plan, Accounts(4000), Staff(), random, sink);
  ASSERT_TRUE(summary.has_value());
  EXPECT_NEAR(static_cast<double>(summary->orders), 2000.0, 200.0);
  ASSERT_EQ(sink.all.size(), static_cast<std::size_t>(summary->orders));
  std::map<int, int> by_month;
  std::int64_t previous_id = 0;
  for (const HistoricOrder& h : sink.all) {
    const WorkOrder& o = h.order;
    EXPECT_GT(o.id, previous_id);
    previous_id = o.id;
    EXPECT_LE(o.created_at, plan.now);
    ASSERT_FALSE(h.transitions.empty());
    EXPECT_EQ(h.transitions.back().to_state, o.state);
    if (o.responded_at) {
      EXPECT_GE(*o.responded_at, o.created_at);
    }
    if (o.arrived_at) {
      EXPECT_GE(*o.arrived_at, *o.responded_at);
    }
    if (o.resolved_at) {
      EXPECT_GE(*o.resolved_at, *o.responded_at);
    }
    if (o.state == WorkOrderState::kClosed) {
      ASSERT_TRUE(o.closed_at && o.resolved_at);
      EXPECT_GE(*o.closed_at, *o.resolved_at);
    }
    if (o.satisfaction) {
      EXPECT_EQ(o.state, WorkOrderState::kClosed);
    }
    EXPECT_TRUE(o.due_response_at && o.due_resolution_at);
    for (const WorkOrderTransition& t : h.transitions) EXPECT_EQ(t.order_id, o.id);
    ++by_month[ToLocalDate(o.created_at).month];
  }
  EXPECT_GT(by_month[11], 1.5 * by_month[5]) << "the heating season starts on 15 November";
  EXPECT_GT(by_month[7], by_month[5]) << "summer pressure complaints";
}

}  // namespace
}  // namespace lifeline::demo
