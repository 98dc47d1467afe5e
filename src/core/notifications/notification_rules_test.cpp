// Who gets what from which work-order event, and the texts they read.
#include "core/notifications/notification_rules.h"

#include <gmock/gmock.h>

#include "core/notifications/message_templates.h"

namespace lifeline {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

constexpr TimeMs kNow = 1'763'164'800'000;

// group(1) ─ dispatch-centre(2) [dispatcher 10]
//          ─ branch(3) ─ repair(4) [dispatcher 11] ─ team(5) [technician 20]
//          ─ service(6) [supervisor 30]; a disabled dispatcher 12 in repair.
StaffDirectory Staff() {
  auto unit = [](std::int64_t id, std::optional<std::int64_t> parent) {
    OrgUnit u;
    u.id = id;
    u.parent_id = parent;
    return u;
  };
  auto user = [](std::int64_t id, Role role, std::int64_t unit_id, std::string name = "李建国",
                 bool disabled = false) {
    User u;
    u.id = id;
    u.role = role;
    u.org_unit_id = unit_id;
    u.display_name = std::move(name);
    u.disabled = disabled;
    return u;
  };
  return StaffDirectory(
      {user(10, Role::kDispatcher, 2), user(11, Role::kDispatcher, 4),
       user(12, Role::kDispatcher, 4, "王", true), user(20, Role::kTechnician, 5, "张伟"),
       user(30, Role::kSupervisor, 6)},
      {unit(1, std::nullopt), unit(2, 1), unit(3, 1), unit(4, 3), unit(5, 4), unit(6, 1)});
}

WorkOrder Order() {
  WorkOrder o;
  o.id = 123;
  o.created_at = kNow;
  o.tracking_code = "ABCDEFGHJKMN";
  o.contact_phone = "13912345678";
  o.customer_id = 7;
  return o;
}

WorkOrderEventFacts Event(std::string type, Fields data = {}) {
  return {500, std::move(type), 123, std::move(data)};
}

std::vector<std::int64_t> Recipients(const DerivedNotifications& d) {
  std::vector<std::int64_t> ids;
  for (const StaffNotification& n : d.staff) ids.push_back(n.user_id);
  return ids;
}

TEST(NotificationRules, UrgingTellsTheAssigneeAndTheDispatchersOfTheDepartment) {
  const auto d = DeriveNotifications(Event("workorder.urged", {{"department_id", std::int64_t{5}},
                                                               {"assignee_id", std::int64_t{20}}}),
                                     Order(), std::nullopt, Staff(), kNow);
  // The team has no dispatcher; the repair department above it has one enabled.
  EXPECT_THAT(Recipients(d), ElementsAre(20, 11));
  EXPECT_EQ(d.staff.front().kind, NotificationKind::kUrged);
  EXPECT_EQ(d.staff.front().event_id, 500);
  EXPECT_EQ(d.staff.front().order_id, 123);
  EXPECT_THAT(d.customer, IsEmpty());
}

TEST(NotificationRules, AMissedDeadlineTellsDispatchersAndSupervisors) {
  const auto d = DeriveNotifications(
      Event("workorder.deadline_breached",
            {{"department_id", std::int64_t{4}}, {"breached", std::string("response,arrival")}}),
      Order(), std::nullopt, Staff(), kNow);
  // No supervisor on the way up from repair: every supervisor.
  EXPECT_THAT(Recipients(d), UnorderedElementsAre(11, 30));
  EXPECT_EQ(RenderNotification(d.staff[0].kind, d.staff[0].params, TextLocale::kZhCn),
            "工单GD-20251115-000123已超时（响应、到场），请督办。");
  EXPECT_EQ(RenderNotification(d.staff[0].kind, d.staff[0].params, TextLocale::kEn),
            "Work order GD-20251115-000123 missed its deadline (response, arrival).");
}

TEST(NotificationRules, AReturnedOrderGoesBackToTheDispatcher) {
  const auto d =
      DeriveNotifications(Event("workorder.returned", {{"department_id", std::int64_t{4}}}),
                          Order(), std::nullopt, Staff(), kNow);
  EXPECT_THAT(Recipients(d), ElementsAre(11));
  EXPECT_EQ(d.staff[0].kind, NotificationKind::kReturned);
}

TEST(NotificationRules, WithoutADepartmentEveryEnabledDispatcherIsTold) {
  const auto d =
      DeriveNotifications(Event("workorder.returned"), Order(), std::nullopt, Staff(), kNow);
  EXPECT_THAT(Recipients(d), UnorderedElementsAre(10, 11));
}

TEST(NotificationRules, AnUnhappyCustomerIsASupervisorsMatter) {
  WorkOrder unhappy = Order();
  unhappy.needs_review = true;
  EXPECT_THAT(Recipients(DeriveNotifications(Event("workorder.closed"), unhappy, std::nullopt,
                                             Staff(), kNow)),
              ElementsAre(30));
  EXPECT_THAT(Recipients(DeriveNotifications(Event("workorder.reopened"), Order(), std::nullopt,
                                             Staff(), kNow)),
              ElementsAre(30));
  const auto happy =
      DeriveNotifications(Event("workorder.closed"), Order(), std::nullopt, Staff(), kNow);
  EXPECT_THAT(happy.staff, IsEmpty());
  EXPECT_THAT(happy.customer, IsEmpty());
}

TEST(NotificationRules, AcceptanceSendsTheTrackingCode) {
  const auto d =
      DeriveNotifications(Event("workorder.created"), Order(), std::nullopt, Staff(), kNow);
  EXPECT_THAT(d.staff, IsEmpty());
  ASSERT_EQ(d.customer.size(), 1u);
  const CustomerMessage& m = d.customer[0];
  EXPECT_EQ(m.template_code, MessageTemplate::kOrderAccepted);
  EXPECT_EQ(m.recipient, "13912345678");
  EXPECT_EQ(m.customer_id, 7);
  EXPECT_EQ(m.idempotency_key, "event:500:order_accepted");
  EXPECT_EQ(m.state, MessageState::kQueued);
  EXPECT_EQ(
      RenderMessage(m.template_code, m.params, TextLocale::kZhCn),
      "您的诉求已受理，工单号GD-20251115-000123，查询码ABCDEFGHJKMN，可凭查询码查看办理进度。");
}

TEST(NotificationRules, NoContactPhoneNoMessage) {
  WorkOrder walk_in = Order();
  walk_in.contact_phone.clear();
  EXPECT_THAT(DeriveNotifications(Event("workorder.created"), walk_in, std::nullopt, Staff(), kNow)
                  .customer,
              IsEmpty());
}

TEST(NotificationRules, AssignmentTellsTheAssigneeAndTheCustomerWhoIsComing) {
  const auto d = DeriveNotifications(
      Event("workorder.assigned",
            {{"department_id", std::int64_t{5}}, {"assignee_id", std::int64_t{20}}}),
      Order(), std::nullopt, Staff(), kNow);
  EXPECT_THAT(Recipients(d), ElementsAre(20));
  EXPECT_EQ(d.staff[0].kind, NotificationKind::kAssigned);
  ASSERT_EQ(d.customer.size(), 1u);
  EXPECT_EQ(d.customer[0].template_code, MessageTemplate::kOrderAssigned);
  EXPECT_EQ(RenderMessage(d.customer[0].template_code, d.customer[0].params, TextLocale::kZhCn),
            "您的工单GD-20251115-000123已派张师傅处理，师傅将尽快与您联系。");
}

TEST(NotificationRules, AnAppointmentWindowOnTheEventGoesIntoTheMessage) {
  const TimeMs two_pm = kNow + 6 * kHourMs;  // 08:00 CST + 6 h
  const auto d = DeriveNotifications(
      Event("workorder.assigned", {{"assignee_id", std::int64_t{20}},
                                   {"appointment_start_at", two_pm},
                                   {"appointment_end_at", two_pm + 2 * kHourMs}}),
      Order(), std::nullopt, Staff(), kNow);
  ASSERT_EQ(d.customer.size(), 1u);
  EXPECT_EQ(d.customer[0].template_code, MessageTemplate::kOrderAppointment);
  EXPECT_EQ(RenderMessage(d.customer[0].template_code, d.customer[0].params, TextLocale::kZhCn),
            "您的工单GD-20251115-000123已派张师傅上门，预约时间11-15 14:00至11-15 16:00。");
}

TEST(NotificationRules, ResolvedAsksForARatingAndNamesTheIncidentWhenItCameFromTheParent) {
  const auto plain =
      DeriveNotifications(Event("workorder.resolved"), Order(), std::nullopt, Staff(), kNow);
  ASSERT_EQ(plain.customer.size(), 1u);
  EXPECT_EQ(plain.customer[0].template_code, MessageTemplate::kOrderResolved);

  WorkOrder parent = Order();
  parent.id = 99;
  const auto cascaded = DeriveNotifications(
      Event("workorder.resolved", {{"via_parent", true}, {"related_order_id", std::int64_t{99}}}),
      Order(), parent, Staff(), kNow);
  ASSERT_EQ(cascaded.customer.size(), 1u);
  EXPECT_EQ(cascaded.customer[0].template_code, MessageTemplate::kOrderResolvedWithParent);
  EXPECT_EQ(cascaded.customer[0].idempotency_key, "event:500:order_resolved_with_parent");
  EXPECT_EQ(RenderMessage(cascaded.customer[0].template_code, cascaded.customer[0].params,
                          TextLocale::kZhCn),
            "您反映的问题（工单GD-20251115-000123）已随抢修工单GD-20251115-000099一并处理完毕，"
            "请对本次服务进行评价。");
}

TEST(NotificationRules, OtherEventsTellNobody) {
  for (const char* type : {"workorder.en_route", "workorder.on_site", "workorder.paused",
                           "workorder.settings_changed", "workorder.linked"}) {
    const auto d = DeriveNotifications(Event(type), Order(), std::nullopt, Staff(), kNow);
    EXPECT_THAT(d.staff, IsEmpty()) << type;
    EXPECT_THAT(d.customer, IsEmpty()) << type;
  }
}

TEST(NotificationRules, SubjectsName) {
  EXPECT_EQ(WorkOrderIdOfSubject("workorder/42"), 42);
  EXPECT_EQ(WorkOrderIdOfSubject("work_order_settings/deadlines"), std::nullopt);
  EXPECT_EQ(WorkOrderIdOfSubject("workorder/4x"), std::nullopt);
  EXPECT_EQ(WorkOrderIdOfSubject("workorder/"), std::nullopt);
}

TEST(MessageTemplates, EveryCodeHasBothLanguagesAndUnknownPlaceholdersRenderEmpty) {
  for (MessageTemplate code : kAllMessageTemplates) {
    EXPECT_FALSE(RenderMessage(code, {}, TextLocale::kZhCn).empty());
    EXPECT_FALSE(RenderMessage(code, {}, TextLocale::kEn).empty());
    EXPECT_EQ(ParseMessageTemplate(MessageTemplateCode(code)), code);
  }
  for (NotificationKind kind : kAllNotificationKinds) {
    EXPECT_FALSE(RenderNotification(kind, {}, TextLocale::kZhCn).empty());
    EXPECT_EQ(ParseNotificationKind(NotificationKindCode(kind)), kind);
  }
  EXPECT_EQ(FillPlaceholders("a{x}b{y}c{", {{"x", std::int64_t{1}}}, TextLocale::kZhCn), "a1bc{");
}

}  // namespace
}  // namespace lifeline
