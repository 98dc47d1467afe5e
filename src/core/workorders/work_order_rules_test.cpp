// What actions do to an order, merge and link rules, the parent cascade rule, breaches, the
// category tree, tracking codes and the public view.
#include "core/workorders/work_order_rules.h"

#include <gtest/gtest.h>

#include "core/workorders/category_tree.h"
#include "core/workorders/tracking_code.h"
#include "core/workorders/tracking_view.h"

namespace lifeline {
namespace {

using enum WorkOrderState;
using A = WorkOrderAction;

constexpr TimeMs kStart = 1'790'000'000'000;

WorkOrder Open(std::int64_t id, WorkOrderState state = kAssigned) {
  WorkOrder o;
  o.id = id;
  o.state = state;
  o.created_at = kStart;
  o.due_response_at = kStart + 30 * kMinuteMs;
  o.due_arrival_at = kStart + 4 * kHourMs;
  o.due_resolution_at = kStart + 24 * kHourMs;
  return o;
}

void Apply(WorkOrder& order, const WorkOrderCommand& command, TimeMs now) {
  auto next = NextState(order, command.action);
  ASSERT_TRUE(next) << next.error().message;
  ApplyAction(order, command, *next, now, DefaultPolicy("water", Priority::kUrgent),
              BusinessCalendar{});
}

TEST(WorkOrderRules, TheLifeOfARepair) {
  WorkOrder order = Open(1, kAccepted);
  Apply(order, {.action = A::kDispatch, .department_id = 7}, kStart + kMinuteMs);
  EXPECT_EQ(order.state, kDispatched);
  EXPECT_EQ(order.responded_at, kStart + kMinuteMs);
  Apply(order, {.action = A::kAssign, .department_id = 8, .assignee_id = 42},
        kStart + 2 * kMinuteMs);
  EXPECT_EQ(order.assignee_id, 42);
  EXPECT_EQ(order.department_id, 8);
  EXPECT_EQ(order.responded_at, kStart + kMinuteMs) << "the first response counts";
  Apply(order, {.action = A::kDepart}, kStart + 10 * kMinuteMs);
  Apply(order, {.action = A::kArrive}, kStart + kHourMs);
  EXPECT_EQ(order.arrived_at, kStart + kHourMs);
  Apply(order, {.action = A::kResolve}, kStart + 2 * kHourMs);
  EXPECT_EQ(order.resolved_at, kStart + 2 * kHourMs);
  Apply(order, {.action = A::kStartCallback}, kStart + 3 * kHourMs);
  Apply(order, {.action = A::kClose, .reached = true, .satisfaction = 5}, kStart + 3 * kHourMs);
  EXPECT_EQ(order.state, kClosed);
  EXPECT_EQ(order.satisfaction, 5);
  EXPECT_FALSE(order.needs_review);
  EXPECT_EQ(order.version, 8);
}

TEST(WorkOrderRules, AnUnhappyCallbackReopensWithAFreshDeadlineAndAFlag) {
  WorkOrder order = Open(1, kCallback);
  order.resolved_at = kStart + kHourMs;
  order.breached = kBreachResolution;
  Apply(order, {.action = A::kReopen, .note = "仍然漏水"}, kStart + 30 * kHourMs);
  EXPECT_EQ(order.state, kReopened);
  EXPECT_EQ(order.reopen_count, 1);
  EXPECT_TRUE(order.needs_review);
  EXPECT_FALSE(order.resolved_at);
  EXPECT_EQ(order.due_resolution_at, kStart + 54 * kHourMs);
  EXPECT_EQ(order.breached & kBreachResolution, 0);
}

TEST(WorkOrderRules, ALowScoreIsFlaggedForASupervisor) {
  WorkOrder order = Open(1, kCallback);
  Apply(order, {.action = A::kClose, .reached = true, .satisfaction = 2}, kStart);
  EXPECT_TRUE(order.needs_review);
}

TEST(WorkOrderRules, ThirdUrgeRaisesThePriority) {
  WorkOrder order = Open(1, kDispatched);
  order.priority = Priority::kNormal;
  for (int i = 0; i < 2; ++i) Apply(order, {.action = A::kUrge}, kStart);
  EXPECT_EQ(order.priority, Priority::kNormal);
  Apply(order, {.action = A::kUrge}, kStart);
  EXPECT_EQ(order.urge_count, 3);
  EXPECT_EQ(order.priority, Priority::kUrgent);
  EXPECT_EQ(order.state, kDispatched);
}

TEST(WorkOrderRules, PauseStopsTheClockAndResumeMovesTheOpenDeadlines) {
  WorkOrder order = Open(1, kAssigned);
  order.responded_at = kStart + kMinuteMs;
  Apply(order, {.action = A::kPause, .note = "客户不在家，约明天"}, kStart + kHourMs);
  EXPECT_EQ(NewBreaches(order, kStart + 10 * kHourMs), 0) << "the clock stopped at the pause";
  Apply(order, {.action = A::kResume}, kStart + 6 * kHourMs);
  EXPECT_FALSE(order.paused_at);
  EXPECT_EQ(order.due_response_at, kStart + 30 * kMinuteMs) << "already met: unchanged";
  EXPECT_EQ(order.due_arrival_at, kStart + 9 * kHourMs);
  EXPECT_EQ(order.due_resolution_at, kStart + 29 * kHourMs);
}

TEST(WorkOrderRules, BreachesAreReportedOnceEach) {
  WorkOrder order = Open(1, kAssigned);
  EXPECT_EQ(NewBreaches(order, kStart + 10 * kMinuteMs), 0);
  EXPECT_EQ(NewBreaches(order, kStart + 5 * kHourMs), kBreachResponse | kBreachArrival);
  order.breached = kBreachResponse | kBreachArrival;
  EXPECT_EQ(NewBreaches(order, kStart + 5 * kHourMs), 0);
  EXPECT_EQ(NewBreaches(order, kStart + 25 * kHourMs), kBreachResolution);
  order.state = kResolved;
  EXPECT_EQ(NewBreaches(order, kStart + 99 * kHourMs), 0);
}

TEST(WorkOrderRules, ReasonsAndFieldsAreRequiredByTheirActions) {
  EXPECT_EQ(ValidateCommand({.action = A::kReturn}).error().field, "note");
  EXPECT_EQ(ValidateCommand({.action = A::kDispatch}).error().field, "department_id");
  EXPECT_EQ(ValidateCommand({.action = A::kAssign}).error().field, "assignee_id");
  EXPECT_EQ(ValidateCommand({.action = A::kMerge}).error().field, "target_id");
  EXPECT_EQ(ValidateCommand({.action = A::kLink}).error().field, "parent_id");
  EXPECT_EQ(ValidateCommand({.action = A::kClose, .reached = true}).error().field, "satisfaction");
  EXPECT_EQ(ValidateCommand({.action = A::kClose, .satisfaction = 6}).error().field,
            "satisfaction");
  EXPECT_TRUE(ValidateCommand({.action = A::kClose, .reached = false}));
}

TEST(WorkOrderRules, MergeNeedsAnotherOrderThatIsNotFinished) {
  WorkOrder duplicate = Open(1, kAccepted);
  EXPECT_EQ(ValidateMerge(duplicate, duplicate).error().field, "target_id");
  WorkOrder target = Open(2, kOnSite);
  EXPECT_TRUE(ValidateMerge(duplicate, target));
  for (WorkOrderState final_state : {kClosed, kCancelled, kMerged}) {
    target.state = final_state;
    EXPECT_FALSE(ValidateMerge(duplicate, target));
  }
  target.state = kOnSite;
  Apply(duplicate, {.action = A::kMerge, .target_id = 2}, kStart);
  EXPECT_EQ(duplicate.state, kMerged);
  EXPECT_EQ(duplicate.merged_into_id, 2);
  EXPECT_EQ(duplicate.closed_at, kStart);
}

TEST(WorkOrderRules, LinksAreOneLevelDeep) {
  WorkOrder child = Open(1);
  WorkOrder parent = Open(2);
  EXPECT_TRUE(ValidateLink(child, parent, false));
  EXPECT_FALSE(ValidateLink(child, child, false));
  EXPECT_FALSE(ValidateLink(child, parent, true)) << "a parent cannot become a child";
  parent.parent_id = 3;
  EXPECT_FALSE(ValidateLink(child, parent, false)) << "a child cannot become a parent";
}

TEST(WorkOrderRules, ResolvingAParentCarriesTheOpenChildrenOnly) {
  for (WorkOrderState s : kAllWorkOrderStates) {
    WorkOrder child = Open(1, s);
    const bool follows = s == kAccepted || s == kDispatched || s == kAssigned || s == kEnRoute ||
                         s == kOnSite || s == kReturned || s == kReopened;
    EXPECT_EQ(FollowsParent(child), follows) << WorkOrderStateCode(s);
  }
}

TEST(CategoryTree, DefaultTreeHasTheSeedsExamples) {
  const CategoryTree& tree = DefaultCategoryTree();
  EXPECT_EQ(tree.Path("water.quality.yellow"), "供水 › 水质 › 水黄");
  EXPECT_EQ(tree.Path("heat.temperature.cold"), "供热 › 室温不达标 › 暖气不热");
  EXPECT_EQ(tree.Path("gas.safety.leak"), "燃气 › 安全 › 燃气泄漏");
  EXPECT_EQ(tree.Find("gas.safety.leak")->suggested_priority, Priority::kEmergency);
  EXPECT_EQ(tree.Find("gas.safety")->suggested_priority, Priority::kEmergency);
  EXPECT_TRUE(tree.Find("water.quality")->site_visit);
  EXPECT_FALSE(tree.Find("water.business.billing")->site_visit);
  EXPECT_EQ(tree.Find("heat.leak.pipe")->utility, Utility::kHeat);
  EXPECT_FALSE(tree.Find("general.praise")->utility.has_value());
  EXPECT_EQ(tree.Find("steam"), nullptr);
  for (const Category& c : tree.all()) {
    EXPECT_EQ(ParentCode(c.code), c.parent) << c.code;
    if (!c.parent.empty()) {
      EXPECT_NE(tree.Find(c.parent), nullptr) << c.code;
    }
  }
}

class FixedRandom final : public SecureRandom {
 public:
  std::string Token(int) override { return "AbCd-_0123456789xyzQRS"; }
};

TEST(TrackingCode, ShortUnambiguousAndForgivingWhenTyped) {
  FixedRandom random;
  const std::string code = NewTrackingCode(random);
  EXPECT_EQ(code.size(), kTrackingCodeLength);
  for (char c : code) EXPECT_EQ(std::string_view("ILOU").find(c), std::string_view::npos);
  EXPECT_EQ(NormalizeTrackingCode(FormatTrackingCode(code)), code);
  EXPECT_EQ(NormalizeTrackingCode("abcd-efgh-jkmn"), "ABCDEFGHJKMN");
  EXPECT_EQ(NormalizeTrackingCode("ABCD EFGH JKMO"), "ABCDEFGHJKM0");
  EXPECT_FALSE(NormalizeTrackingCode("ABCD"));
  EXPECT_FALSE(NormalizeTrackingCode("ABCD-EFGH-JKM*"));
  EXPECT_FALSE(NormalizeTrackingCode("ABCD-EFGH-JKMN-P"));
}

TEST(TrackingView, ShowsStepsWithTheTechnicianMasked) {
  WorkOrder order = Open(123, kEnRoute);
  order.category = "water.leak.burst";
  std::vector<WorkOrderTransition> history(4);
  history[0] = {.action = "create", .from_state = kAccepted, .to_state = kAccepted};
  history[1] = {.action = "assign",
                .from_state = kAccepted,
                .to_state = kAssigned,
                .note = "客户张三 13812345678",
                .assignee_name = "李建国"};
  history[2] = {.action = "urge", .from_state = kAssigned, .to_state = kAssigned};
  history[3] = {.action = "depart", .from_state = kAssigned, .to_state = kEnRoute};
  const TrackingView view = BuildTrackingView(order, history, DefaultCategoryTree(), std::nullopt);
  EXPECT_EQ(view.number.substr(0, 3), "GD-");
  EXPECT_EQ(view.category, "供水 › 漏水 › 管道爆裂");
  ASSERT_EQ(view.steps.size(), 3u);
  EXPECT_EQ(view.steps[1].label, "已派发至维修人员：李师傅");
  for (const TrackingStep& step : view.steps) {
    EXPECT_EQ(step.label.find("李建国"), std::string::npos);
    EXPECT_EQ(step.label.find("1381234"), std::string::npos);
  }
  EXPECT_EQ(MaskedTechnician(""), "");
}

TEST(WorkOrderNumber, ReadsAsDateAndSequence) {
  EXPECT_EQ(WorkOrderNumber(123, FromLocalDate({2026, 11, 15}, 9 * kHourMs)), "GD-20261115-000123");
}

}  // namespace
}  // namespace lifeline
