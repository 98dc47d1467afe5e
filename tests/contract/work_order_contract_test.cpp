// Work orders on both backends: the unit of work (order, history, audit, event together or not
// at all), the whole loop, stale updates, parent cascades, merges, filters with data scope,
// deadline settings and escalation.
#include <gmock/gmock.h>

#include "adapters/storage/sql_city_loader.h"
#include "core/demo/demo_city.h"
#include "core/workorders/tracking_code.h"
#include "core/workorders/work_order_service.h"
#include "tests/contract/backend_test.h"

namespace lifeline::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using A = WorkOrderAction;

class WorkOrderContract : public BackendTest {
 protected:
  void SetUp() override {
    storage::SqlCityLoader loader(database.db(), services.cipher);
    ASSERT_TRUE(demo::GenerateDemoCity({.customers = 40, .as_of = services.clock.NowMs()}, loader)
                    .has_value());
    ASSERT_TRUE(loader.Finish().has_value());
    company_ = services.AddCompany("wo-co");
    agent_ = PrincipalOf(services.AddUser("agent", Role::kAgent, company_.id));
    dispatcher_ = PrincipalOf(services.AddUser("dispatcher", Role::kDispatcher, company_.id));
    technician_ = PrincipalOf(services.AddUser("tech", Role::kTechnician, company_.id));
    customer_ = FirstCustomer();
  }

  static Principal PrincipalOf(const User& user) {
    Principal p;
    p.user_id = user.id;
    p.username = user.username;
    p.display_name = user.display_name;
    p.role = user.role;
    p.org_unit_id = user.org_unit_id;
    p.permissions = RolePermissions(user.role);
    return p;
  }

  Customer FirstCustomer() {
    Customer found;
    EXPECT_TRUE(services.store
                    .Read([&](StoreSession& session) -> Status {
                      auto customer = session.Customers().FindById(1);
                      if (!customer) return Fail(customer.error());
                      found = std::move(*customer);
                      return Ok();
                    })
                    .has_value());
    return found;
  }

  // A leak report on the customer's first account, in that account's utility.
  NewWorkOrder Draft() const {
    const Account& account = customer_.accounts.front();
    const std::string category = account.utility == Utility::kWater  ? "water.leak.burst"
                                 : account.utility == Utility::kHeat ? "heat.leak.pipe"
                                                                     : "gas.safety.leak";
    return {.type = WorkOrderType::kRepair,
            .category = category,
            .title = "漏水报修",
            .description = "楼道管道漏水",
            .customer_id = customer_.id,
            .account_id = account.id,
            .contact_name = "张先生",
            .contact_phone = "13812345678"};
  }

  WorkOrder Created() {
    auto created = orders.Create(agent_, Draft());
    EXPECT_TRUE(created.has_value()) << created.error().message;
    return created.value_or(WorkOrder{});
  }

  Result<WorkOrder> Act(const Principal& who, std::int64_t id, WorkOrderCommand command) {
    return orders.Act(who, id, command);
  }

  std::vector<StoredEvent> Events() {
    std::vector<StoredEvent> events;
    EXPECT_TRUE(services.store
                    .Read([&](StoreSession& session) -> Status {
                      auto read = session.Events().ReadAfter(0, {"workorder"}, 1000);
                      if (!read) return Fail(read.error());
                      events = std::move(*read);
                      return Ok();
                    })
                    .has_value());
    return events;
  }

  WorkOrderService orders{services.store, services.clock, services.random};
  OrgUnit company_;
  Principal agent_;
  Principal dispatcher_;
  Principal technician_;
  Customer customer_;
};

TEST_P(WorkOrderContract, CreatingWritesTheOrderItsHistoryAuditAndEventTogether) {
  const WorkOrder order = Created();
  ASSERT_GT(order.id, 0);
  const Account& account = customer_.accounts.front();
  EXPECT_EQ(order.district_id, account.district_id);
  EXPECT_EQ(order.address, account.address);
  EXPECT_EQ(order.priority, Priority::kEmergency) << "suggested by the category";
  EXPECT_EQ(order.tracking_code.size(), 12u);
  EXPECT_TRUE(order.due_arrival_at.has_value());

  EXPECT_EQ(order.contact_phone, "138****5678") << "agents see it masked";
  auto detail = orders.Get(Principal::System(), order.id);
  ASSERT_TRUE(detail.has_value()) << detail.error().message;
  EXPECT_EQ(detail->order.contact_phone, "13812345678") << "sealed at rest, opened on read";
  EXPECT_EQ(detail->order.due_resolution_at, order.due_resolution_at);
  ASSERT_EQ(detail->history.size(), 1u);
  EXPECT_EQ(detail->history[0].action, "create");
  EXPECT_EQ(detail->history[0].actor_id, agent_.user_id);

  const auto events = Events();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type, "workorder.created");
  EXPECT_EQ(events[0].subject, "workorder/" + std::to_string(order.id));
  auto audit = services.audit.Search(Principal::System(), {.entity_type = "work_order"});
  ASSERT_TRUE(audit.has_value());
  EXPECT_EQ(audit->size(), 1u);
}

TEST_P(WorkOrderContract, TheCustomerAndAccountNamedMustExistAndBelongTogether) {
  auto refused_on = [&](NewWorkOrder draft, std::string_view field, std::string_view says) {
    auto created = orders.Create(agent_, draft);
    ASSERT_FALSE(created.has_value());
    EXPECT_EQ(created.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(created.error().field, field);
    EXPECT_THAT(created.error().message, HasSubstr(says));
  };
  NewWorkOrder no_customer = Draft();
  no_customer.customer_id = 999'999;
  refused_on(no_customer, "customer_id", "no such customer");
  no_customer.account_id.reset();
  refused_on(no_customer, "customer_id", "no such customer");

  NewWorkOrder someone_elses = Draft();
  someone_elses.customer_id = customer_.id + 1;  // the demo city's next customer
  refused_on(someone_elses, "account_id", "not an account of this customer");
  NewWorkOrder no_account = Draft();
  no_account.account_id = 999'999;
  refused_on(no_account, "account_id", "not an account of this customer");

  NewWorkOrder customer_only = Draft();
  customer_only.account_id.reset();
  auto created = orders.Create(agent_, customer_only);
  ASSERT_TRUE(created.has_value()) << created.error().message;
  EXPECT_FALSE(created->district_id.has_value()) << "no account, no district from it";
  EXPECT_EQ(Events().size(), 1u) << "only the order that was made";
}

TEST_P(WorkOrderContract, ADistrictTheRequestNamesMustBeADistrict) {
  std::int64_t community = 0;
  ASSERT_TRUE(services.store
                  .Read([&](StoreSession& session) -> Status {
                    auto nodes = session.Topology().ListNodes(NodeKind::kCommunity);
                    if (!nodes) return Fail(nodes.error());
                    community = nodes->front().id;
                    return Ok();
                  })
                  .has_value());
  for (const std::int64_t named : {community, std::int64_t{999'999}}) {
    NewWorkOrder draft = Draft();
    draft.account_id.reset();
    draft.district_id = named;
    auto created = orders.Create(agent_, draft);
    ASSERT_FALSE(created.has_value()) << named;
    EXPECT_EQ(created.error().field, "district_id");
  }
  NewWorkOrder in_district = Draft();
  in_district.account_id.reset();
  in_district.district_id = customer_.accounts.front().district_id;
  auto created = orders.Create(agent_, in_district);
  ASSERT_TRUE(created.has_value()) << created.error().message;
  EXPECT_EQ(created->district_id, in_district.district_id);
}

TEST_P(WorkOrderContract, ARollbackLeavesNoHalfMadeRecord) {
  const auto before = orders.List(dispatcher_, {});
  ASSERT_TRUE(before.has_value());
  Status failed = services.store.Write([&](StoreSession& session) -> Status {
    WorkOrder order;
    order.tracking_code = "ROLLBACK0001";
    order.category = "water";
    order.title = "x";
    order.created_at = order.updated_at = services.clock.NowMs();
    auto id = session.WorkOrders().Insert(order);
    if (!id) return Fail(id.error());
    WorkOrderTransition t;
    t.order_id = *id;
    t.action = "create";
    if (auto added = session.WorkOrders().AppendTransition(t); !added) return Fail(added.error());
    session.Events().Emit({"workorder", "workorder.created", "workorder/x", {}});
    return Fail(Error::Conflict("something later failed"));
  });
  EXPECT_FALSE(failed.has_value());
  EXPECT_EQ(orders.List(dispatcher_, {})->total, before->total);
  EXPECT_EQ(orders.Track("ROLLBACK0001").error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(Events().empty());

  // A refused step changes nothing either.
  const WorkOrder order = Created();
  auto bad = Act(dispatcher_, order.id, {.action = A::kAssign, .assignee_id = 999'999});
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().field, "assignee_id");
  auto detail = orders.Get(dispatcher_, order.id);
  EXPECT_EQ(detail->order.version, order.version);
  EXPECT_EQ(detail->history.size(), 1u);
}

TEST_P(WorkOrderContract, TheWholeLoopFromAcceptanceToAClosedCallback) {
  const WorkOrder order = Created();
  const std::int64_t id = order.id;
  ASSERT_TRUE(Act(dispatcher_, id, {.action = A::kDispatch, .department_id = company_.id}));
  ASSERT_TRUE(Act(dispatcher_, id, {.action = A::kAssign, .assignee_id = technician_.user_id}));
  ASSERT_TRUE(Act(technician_, id, {.action = A::kDepart}));
  services.clock.Advance(20 * kMinuteMs);
  ASSERT_TRUE(Act(technician_, id, {.action = A::kArrive}));
  ASSERT_TRUE(Act(technician_, id, {.action = A::kResolve, .note = "更换管段"}));
  ASSERT_TRUE(Act(agent_, id, {.action = A::kStartCallback}));
  auto closed = Act(agent_, id, {.action = A::kClose, .reached = true, .satisfaction = 5});
  ASSERT_TRUE(closed.has_value()) << closed.error().message;
  EXPECT_EQ(closed->state, WorkOrderState::kClosed);
  EXPECT_EQ(closed->satisfaction, 5);

  auto detail = orders.Get(agent_, id);
  std::vector<std::string> actions;
  for (const auto& t : detail->history) actions.push_back(t.action);
  EXPECT_THAT(actions, ElementsAre("create", "dispatch", "assign", "depart", "arrive", "resolve",
                                   "start_callback", "close"));
  EXPECT_EQ(detail->history[2].assignee_name, technician_.display_name);
  EXPECT_EQ(detail->history[5].note, "更换管段");
  EXPECT_EQ(Events().size(), 8u);

  auto tracked = orders.Track(FormatTrackingCode(order.tracking_code));
  ASSERT_TRUE(tracked.has_value()) << tracked.error().message;
  EXPECT_EQ(tracked->state, WorkOrderState::kClosed);
  EXPECT_EQ(tracked->steps.size(), 8u);
}

TEST_P(WorkOrderContract, RefusedStepsAreConflictsOrForbiddenAndStaleVersionsLose) {
  const WorkOrder order = Created();
  auto early = Act(technician_, order.id, {.action = A::kDepart});
  EXPECT_EQ(early.error().code, ErrorCode::kForbidden) << "not the assignee yet";
  auto skipped = Act(dispatcher_, order.id, {.action = A::kArrive});
  EXPECT_EQ(skipped.error().code, ErrorCode::kConflict);
  EXPECT_THAT(skipped.error().message, HasSubstr("accepted"));
  auto first_contact = Act(agent_, order.id, {.action = A::kResolve});
  EXPECT_EQ(first_contact.error().code, ErrorCode::kConflict) << "a leak needs a visit";

  auto moved = Act(
      dispatcher_, order.id,
      {.action = A::kDispatch, .expected_version = order.version, .department_id = company_.id});
  ASSERT_TRUE(moved.has_value());
  auto stale = Act(dispatcher_, order.id,
                   {.action = A::kCancel, .note = "重复", .expected_version = order.version});
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_EQ(orders.Get(dispatcher_, order.id)->order.state, WorkOrderState::kDispatched);

  // The repository itself refuses a write on a version it no longer holds.
  WorkOrder copy = *moved;
  copy.version += 1;
  Status lost = services.store.Write([&](StoreSession& session) -> Status {
    return session.WorkOrders().Update(copy, order.version);
  });
  EXPECT_EQ(lost.error().code, ErrorCode::kConflict);
}

TEST_P(WorkOrderContract, ResolvingAParentIncidentResolvesItsOpenLinkedOrders) {
  const WorkOrder parent = Created();
  const WorkOrder first = Created();
  const WorkOrder second = Created();
  const WorkOrder cancelled = Created();
  for (const WorkOrder* child : {&first, &second, &cancelled}) {
    ASSERT_TRUE(Act(dispatcher_, child->id, {.action = A::kLink, .parent_id = parent.id}));
  }
  ASSERT_TRUE(Act(dispatcher_, cancelled.id, {.action = A::kCancel, .note = "客户撤回"}));
  ASSERT_TRUE(Act(dispatcher_, second.id, {.action = A::kDispatch, .department_id = company_.id}));
  // Two levels are refused.
  auto nested = Act(dispatcher_, parent.id, {.action = A::kLink, .parent_id = first.id});
  EXPECT_EQ(nested.error().field, "parent_id");

  ASSERT_TRUE(Act(dispatcher_, parent.id, {.action = A::kDispatch, .department_id = company_.id}));
  auto resolved = Act(dispatcher_, parent.id, {.action = A::kResolve, .note = "主管修复"});
  ASSERT_TRUE(resolved.has_value()) << resolved.error().message;

  auto detail = orders.Get(dispatcher_, parent.id);
  EXPECT_EQ(detail->child_ids.size(), 3u);
  for (const WorkOrder* child : {&first, &second}) {
    auto got = orders.Get(dispatcher_, child->id);
    EXPECT_EQ(got->order.state, WorkOrderState::kResolved);
    EXPECT_THAT(got->history.back().note, HasSubstr("随主工单"));
    EXPECT_EQ(got->history.back().related_order_id, parent.id);
  }
  EXPECT_EQ(orders.Get(dispatcher_, cancelled.id)->order.state, WorkOrderState::kCancelled);
  int via_parent = 0;
  for (const StoredEvent& e : Events()) {
    if (e.type == "workorder.resolved" && e.data_json.find("via_parent") != std::string::npos) {
      ++via_parent;
    }
  }
  EXPECT_EQ(via_parent, 2);
}

TEST_P(WorkOrderContract, ADuplicateIsMergedAndItsTrackingPageSaysWhere) {
  const WorkOrder target = Created();
  const WorkOrder duplicate = Created();
  EXPECT_EQ(Act(dispatcher_, duplicate.id, {.action = A::kMerge, .target_id = duplicate.id})
                .error()
                .field,
            "target_id");
  auto merged = Act(dispatcher_, duplicate.id, {.action = A::kMerge, .target_id = target.id});
  ASSERT_TRUE(merged.has_value()) << merged.error().message;
  EXPECT_EQ(merged->state, WorkOrderState::kMerged);
  EXPECT_EQ(merged->merged_into_id, target.id);
  auto tracked = orders.Track(duplicate.tracking_code);
  ASSERT_TRUE(tracked.has_value());
  EXPECT_EQ(tracked->merged_into_number, WorkOrderNumber(target.id, target.created_at));
  // Nothing merges into a merged order.
  const WorkOrder third = Created();
  EXPECT_FALSE(Act(dispatcher_, third.id, {.action = A::kMerge, .target_id = duplicate.id}));
}

TEST_P(WorkOrderContract, ListsFilterPageAndKeepToTheDataScope) {
  const WorkOrder a = Created();
  const WorkOrder b = Created();
  NewWorkOrder question{.type = WorkOrderType::kConsultation,
                        .category = "general.consultation",
                        .title = "咨询缴费方式"};
  auto c = orders.Create(agent_, question);
  ASSERT_TRUE(c.has_value()) << c.error().message;
  ASSERT_TRUE(Act(dispatcher_, b.id, {.action = A::kAssign, .assignee_id = technician_.user_id}));

  auto all = orders.List(dispatcher_, {.limit = 2});
  ASSERT_TRUE(all.has_value()) << all.error().message;
  EXPECT_EQ(all->total, 3);
  ASSERT_EQ(all->items.size(), 2u);
  EXPECT_EQ(all->items[0].id, c->id) << "newest first";
  EXPECT_EQ(orders.List(dispatcher_, {.offset = 2})->items.size(), 1u);
  EXPECT_EQ(orders.List(dispatcher_, {.state = WorkOrderState::kAssigned})->total, 1);
  EXPECT_EQ(orders.List(dispatcher_, {.assignee_id = technician_.user_id})->items[0].id, b.id);
  EXPECT_EQ(orders.List(dispatcher_, {.category = "general"})->total, 1);
  EXPECT_EQ(orders.List(dispatcher_, {.category = a.category})->total, 2);
  EXPECT_EQ(orders.List(dispatcher_, {.category = "gen"})->total, 0) << "whole codes only";
  EXPECT_EQ(orders.List(dispatcher_, {.priority = Priority::kEmergency})->total, 2);
  EXPECT_EQ(orders.List(dispatcher_, {.district_id = a.district_id})->total, 2);
  EXPECT_EQ(orders.List(dispatcher_, {.customer_id = customer_.id})->total, 2);
  EXPECT_EQ(orders.List(dispatcher_, {.overdue_only = true})->total, 0);
  services.clock.Advance(10 * kMinuteMs);  // emergency response is 5 minutes
  // a and the consultation (2 h) are not responded; b was assigned in time.
  EXPECT_EQ(orders.List(dispatcher_, {.overdue_only = true})->total, 1);

  Principal branch = dispatcher_;
  branch.scope = DataScope::Districts({*a.district_id + 1000});
  auto scoped = orders.List(branch, {});
  EXPECT_EQ(scoped->total, 1) << "only the order without a district";
  EXPECT_EQ(orders.Get(branch, a.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Act(branch, a.id, {.action = A::kUrge}).error().code, ErrorCode::kNotFound);
}

TEST_P(WorkOrderContract, SettingsRoundTripAndDriveNewDeadlines) {
  auto defaults = orders.Settings(agent_);
  ASSERT_TRUE(defaults.has_value()) << defaults.error().message;
  EXPECT_TRUE(defaults->policies.empty());
  EXPECT_EQ(defaults->calendar.open_minute, 8 * 60 + 30);

  DeadlineSettings settings;
  settings.calendar.open_minute = 9 * 60;
  settings.calendar.holidays = {20261001, 20261002};
  settings.calendar.extra_workdays = {20261010};
  const std::string category = Draft().category;
  settings.policies.push_back(
      {category, Priority::kEmergency, {3, false}, {20, false}, {600, false}});
  EXPECT_EQ(orders.SaveSettings(agent_, settings).error().code, ErrorCode::kForbidden);
  Principal admin = Principal::System();
  ASSERT_TRUE(orders.SaveSettings(admin, settings).has_value());

  auto loaded = orders.Settings(agent_);
  EXPECT_EQ(loaded->calendar.open_minute, 9 * 60);
  EXPECT_THAT(loaded->calendar.holidays, ElementsAre(20261001, 20261002));
  EXPECT_THAT(loaded->calendar.extra_workdays, ElementsAre(20261010));
  ASSERT_EQ(loaded->policies.size(), 1u);
  EXPECT_EQ(loaded->policies[0].arrival.minutes, 20);

  const WorkOrder order = Created();
  EXPECT_EQ(order.due_arrival_at, order.created_at + 20 * kMinuteMs);
  EXPECT_EQ(order.due_resolution_at, order.created_at + 600 * kMinuteMs);
}

TEST_P(WorkOrderContract, MissedDeadlinesAreEscalatedOnceAndAPauseStopsTheClock) {
  const WorkOrder late = Created();
  const WorkOrder waiting = Created();
  ASSERT_TRUE(Act(dispatcher_, waiting.id, {.action = A::kDispatch, .department_id = company_.id}));
  ASSERT_TRUE(Act(dispatcher_, waiting.id, {.action = A::kPause, .note = "客户要求明天上门"}));

  services.clock.Advance(2 * kHourMs);  // past response (5 min) and arrival (≤ 60 min)
  auto escalated = orders.EscalateOverdue();
  ASSERT_TRUE(escalated.has_value()) << escalated.error().message;
  EXPECT_EQ(*escalated, 1);
  EXPECT_EQ(*orders.EscalateOverdue(), 0) << "each breach once";
  auto got = orders.Get(dispatcher_, late.id);
  EXPECT_EQ(got->order.breached, kBreachResponse | kBreachArrival);
  EXPECT_EQ(got->history.back().action, "escalate");

  auto resumed = Act(dispatcher_, waiting.id, {.action = A::kResume});
  ASSERT_TRUE(resumed.has_value()) << resumed.error().message;
  EXPECT_EQ(resumed->due_arrival_at, *waiting.due_arrival_at + 2 * kHourMs);
  int breached_events = 0;
  for (const StoredEvent& e : Events()) breached_events += e.type == "workorder.deadline_breached";
  EXPECT_EQ(breached_events, 1);
}

LIFELINE_ON_BOTH_BACKENDS(WorkOrderContract);

}  // namespace
}  // namespace lifeline::testing
