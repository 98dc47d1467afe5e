// Report rules without a database: calendar-aligned periods in local time, the resolve-time
// histogram and its p90, roll-ups of categories and periods.
#include <gmock/gmock.h>

#include "core/reports/duration_histogram.h"
#include "core/reports/report_period.h"
#include "core/reports/work_order_report.h"

namespace lifeline {
namespace {

using ::testing::ElementsAre;

TimeMs Local(int y, int m, int d, int hour = 0) {
  return FromLocalDate({y, m, d}, hour * kHourMs);
}

TEST(ReportPeriod, IsCalendarAlignedInLocalTime) {
  auto week = ResolvePeriod(ReportPeriod::kWeek, {2026, 11, 19}, std::nullopt, kChinaUtcOffset);
  ASSERT_TRUE(week.has_value());
  EXPECT_EQ(week->from, Local(2026, 11, 16)) << "the Monday";
  EXPECT_EQ(week->to, Local(2026, 11, 23));
  EXPECT_EQ(week->from, FromLocalDate({2026, 11, 16}, 0, 0) - 8 * kHourMs) << "UTC+8 midnight";
  auto month = ResolvePeriod(ReportPeriod::kMonth, {2026, 12, 31}, std::nullopt, kChinaUtcOffset);
  ASSERT_TRUE(month.has_value());
  EXPECT_EQ(month->from, Local(2026, 12, 1));
  EXPECT_EQ(month->to, Local(2027, 1, 1));
  auto year = ResolvePeriod(ReportPeriod::kYear, {2026, 5, 5}, std::nullopt, kChinaUtcOffset);
  EXPECT_EQ(year->to - year->from, 365 * kDayMs);
  auto day = ResolvePeriod(ReportPeriod::kDay, {2026, 2, 28}, std::nullopt, kChinaUtcOffset);
  EXPECT_EQ(day->to, Local(2026, 3, 1));
  auto custom =
      ResolvePeriod(ReportPeriod::kCustom, {2026, 11, 1}, LocalDate{2026, 11, 3}, kChinaUtcOffset);
  EXPECT_EQ(custom->to - custom->from, 3 * kDayMs) << "to is inclusive";
}

TEST(ReportPeriod, BadCombinationsNameTheField) {
  auto no_end = ResolvePeriod(ReportPeriod::kCustom, {2026, 11, 1}, std::nullopt, 0);
  ASSERT_FALSE(no_end.has_value());
  EXPECT_EQ(no_end.error().field, "to");
  auto backwards = ResolvePeriod(ReportPeriod::kCustom, {2026, 11, 5}, LocalDate{2026, 11, 1}, 0);
  EXPECT_EQ(backwards.error().field, "to");
  auto too_long = ResolvePeriod(ReportPeriod::kCustom, {2020, 1, 1}, LocalDate{2026, 1, 1}, 0);
  EXPECT_EQ(too_long.error().field, "to");
  auto stray = ResolvePeriod(ReportPeriod::kMonth, {2026, 11, 1}, LocalDate{2026, 11, 3}, 0);
  EXPECT_EQ(stray.error().field, "to");
}

TEST(ReportPeriod, DateCodesAreStrict) {
  EXPECT_TRUE(ParseDateCode("2026-02-28").has_value());
  EXPECT_FALSE(ParseDateCode("2026-02-30").has_value());
  EXPECT_FALSE(ParseDateCode("2026-2-28").has_value());
  EXPECT_FALSE(ParseDateCode("2026-02-2x").has_value());
  EXPECT_EQ(ParseMonthCode("2026-11")->day, 1);
  EXPECT_FALSE(ParseMonthCode("2026-13").has_value());
  EXPECT_EQ(DayCode(WeekStart({2026, 11, 1})), "2026-10-26") << "1 Nov 2026 is a Sunday";
}

TEST(DurationHistogram, BucketsAreExactOnWholeUnits) {
  EXPECT_EQ(DurationBucketOf(59 * kMinuteMs + 59 * kSecondMs), 59);
  EXPECT_EQ(DurationBucketOf(119 * kMinuteMs), 119);
  EXPECT_EQ(DurationBucketOf(125 * kMinuteMs), 120);
  EXPECT_EQ(DurationBucketOf(23 * kHourMs + 59 * kMinuteMs), 23 * 60 + 50);
  EXPECT_EQ(DurationBucketOf(30 * kHourMs + 30 * kMinuteMs), 30 * 60);
  EXPECT_EQ(DurationBucketOf(12 * kDayMs + 5 * kHourMs), 12 * 1440);
  EXPECT_EQ(DurationBucketOf(-5), 0);
}

TEST(DurationHistogram, P90IsTheNearestRank) {
  DurationHistogram h;
  EXPECT_FALSE(h.Quantile(0.9).has_value());
  for (int minutes = 1; minutes <= 10; ++minutes) h.Add(minutes, 1);
  EXPECT_EQ(h.Quantile(0.9), 9 * kMinuteMs) << "ceil(0.9 × 10) = 9th";
  h.Add(11, 1);
  EXPECT_EQ(h.Quantile(0.9), 10 * kMinuteMs) << "ceil(0.9 × 11) = 10th";
  DurationHistogram other;
  other.Add(600, 9);
  h.Merge(other);
  EXPECT_EQ(h.count(), 20);
  EXPECT_EQ(h.Quantile(0.9), 600 * kMinuteMs);
  EXPECT_EQ(h.Quantile(0.5), 10 * kMinuteMs) << "the 10th of 20 is the last of 1–11 min";
}

ReportRow Row(ReportKeyValue key, std::int64_t created, std::int64_t resolved,
              std::optional<std::int64_t> bucket) {
  ReportRow row;
  row.key = std::move(key);
  row.bucket = bucket;
  row.counters.created = created;
  row.counters.resolved = resolved;
  row.counters.resolve_ms_sum = bucket ? resolved * *bucket * kMinuteMs : 0;
  return row;
}

TEST(ReportRollUp, CategoriesRollUpToTheirPrefix) {
  WorkOrderReport report;
  report.group_by = ReportGroupBy::kCategory;
  report.category_depth = 2;
  RollUp(report,
         {Row({.code = "water.leak.burst"}, 3, 2, 30), Row({.code = "water.leak.valve"}, 1, 1, 90),
          Row({.code = "water.leak.burst"}, 2, 0, std::nullopt),
          Row({.code = "gas"}, 1, 0, std::nullopt)});
  ASSERT_EQ(report.groups.size(), 2u);
  EXPECT_EQ(report.groups[0].key, "water.leak");
  EXPECT_EQ(report.groups[0].figures.counts.created, 6);
  EXPECT_EQ(report.groups[0].figures.p90_resolve_ms, 90 * kMinuteMs);
  EXPECT_EQ(report.groups[0].figures.mean_resolve_ms, 50 * kMinuteMs);
  EXPECT_EQ(report.groups[1].key, "gas") << "a shallower code stays whole";
  EXPECT_EQ(report.total.counts.created, 7);
  EXPECT_EQ(report.total.open_at_end, 4);
}

TEST(ReportRollUp, MonthsCoverThePeriodIncludingEmptyOnes) {
  WorkOrderReport report;
  report.group_by = ReportGroupBy::kMonth;
  report.range = {Local(2026, 1, 1), Local(2027, 1, 1)};
  const std::int64_t nov_20 = LocalDayNumber(Local(2026, 11, 20, 9), kChinaUtcOffset);
  RollUp(report, {Row({.number = nov_20}, 5, 0, std::nullopt)});
  ASSERT_EQ(report.groups.size(), 12u);
  EXPECT_EQ(report.groups[0].key, "2026-01");
  EXPECT_EQ(report.groups[10].key, "2026-11");
  EXPECT_EQ(report.groups[10].figures.counts.created, 5);
  EXPECT_EQ(report.groups[11].figures.counts.created, 0);
  EXPECT_FALSE(report.groups[11].figures.completion_rate.has_value()) << "no orders, no rate";
}

TEST(ReportRollUp, UnassignedIsItsOwnGroup) {
  WorkOrderReport report;
  report.group_by = ReportGroupBy::kAssignee;
  RollUp(report,
         {Row({.none = true}, 2, 0, std::nullopt), Row({.number = 57}, 3, 0, std::nullopt)});
  std::vector<std::string> keys;
  for (const ReportGroup& g : report.groups) keys.push_back(g.key);
  EXPECT_THAT(keys, ElementsAre("57", "none"));
}

TEST(ReportFigures, RatesAreOverTheirOwnDenominators) {
  ReportCounters c;
  c.created = 10;
  c.cancelled = 2;
  c.resolved = 6;
  c.response_due = 10;
  c.response_met = 9;
  c.arrival_due = 0;
  c.rated = 4;
  c.satisfaction_sum = 17;
  c.satisfied = 3;
  const ReportFigures f = FinishFigures(c, {});
  EXPECT_DOUBLE_EQ(*f.completion_rate, 0.75);
  EXPECT_DOUBLE_EQ(*f.response_on_time, 0.9);
  EXPECT_FALSE(f.arrival_on_time.has_value()) << "no order had an arrival deadline";
  EXPECT_DOUBLE_EQ(*f.satisfaction_mean, 4.25);
  EXPECT_DOUBLE_EQ(*f.satisfied_share, 0.75);
  EXPECT_EQ(f.open_at_end, 2);
}

}  // namespace
}  // namespace lifeline
