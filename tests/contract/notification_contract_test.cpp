// Notifications on both backends: the inbox (newest first, paged, unread, mark read, only one's
// own), the customer-message outbox (sealed recipient, masked for most readers), the durable
// cursor (a replay notifies nobody twice, nothing committed is skipped), throttling, opt-out,
// the sender's retries and holds, and the parent incident telling its children's customers.
#include <gmock/gmock.h>

#include "adapters/json/fields_json.h"
#include "adapters/storage/sql_city_loader.h"
#include "core/demo/demo_city.h"
#include "core/notifications/message_sender.h"
#include "core/notifications/notification_consumer.h"
#include "core/notifications/notification_service.h"
#include "core/workorders/work_order_service.h"
#include "tests/contract/backend_test.h"

namespace lifeline::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using A = WorkOrderAction;

// A channel that answers what the test tells it to, and remembers what it was asked.
class ScriptedChannel final : public MessageChannel {
 public:
  Result<std::string> Send(const OutboundMessage& message) override {
    sent.push_back(message);
    if (!failures.empty()) {
      Error error = failures.front();
      failures.erase(failures.begin());
      return Fail(error);
    }
    return "gw-" + std::to_string(message.id);
  }
  std::vector<OutboundMessage> sent;
  std::vector<Error> failures;
};

class NotificationContract : public BackendTest {
 protected:
  void SetUp() override {
    storage::SqlCityLoader loader(database.db(), services.cipher);
    ASSERT_TRUE(demo::GenerateDemoCity({.customers = 30, .as_of = services.clock.NowMs()}, loader)
                    .has_value());
    ASSERT_TRUE(loader.Finish().has_value());
    const OrgUnit company = services.AddCompany("notify-co");
    const OrgUnit repair = AddUnit("repair", company.id, OrgUnitKind::kDepartment);
    const OrgUnit team = AddUnit("repair-1", repair.id, OrgUnitKind::kTeam);
    agent_ = PrincipalOf(services.AddUser("agent", Role::kAgent, company.id));
    dispatcher_ = PrincipalOf(services.AddUser("dispatcher", Role::kDispatcher, repair.id));
    technician_ = PrincipalOf(services.AddUser("tech", Role::kTechnician, team.id));
    supervisor_ = PrincipalOf(services.AddUser("super", Role::kSupervisor, company.id));
    auto customer = services.customers.Get(Principal::System(), 1);
    ASSERT_TRUE(customer.has_value());
    customer_ = *customer;
  }

  OrgUnit AddUnit(const std::string& code, std::int64_t parent, OrgUnitKind kind) {
    OrgUnit unit;
    unit.code = code;
    unit.name = code;
    unit.kind = kind;
    unit.parent_id = parent;
    auto added = services.orgs.Add(Principal::System(), unit);
    EXPECT_TRUE(added.has_value()) << added.error().message;
    return added.value_or(OrgUnit{});
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

  WorkOrder Created(const std::string& phone = "13812345678", bool with_customer = true) {
    NewWorkOrder draft{.type = WorkOrderType::kComplaint,
                       .category = "general.other",
                       .title = "投诉",
                       .contact_name = "张先生",
                       .contact_phone = phone};
    if (with_customer) draft.customer_id = customer_.id;
    auto created = orders.Create(agent_, draft);
    EXPECT_TRUE(created.has_value()) << created.error().message;
    return created.value_or(WorkOrder{});
  }

  WorkOrder Act(const Principal& who, std::int64_t id, WorkOrderCommand command) {
    auto done = orders.Act(who, id, command);
    EXPECT_TRUE(done.has_value()) << done.error().message;
    return done.value_or(WorkOrder{});
  }

  // Runs the consumer until it has caught up; returns the events it examined.
  int Drain() {
    int total = 0;
    for (int i = 0; i < 100; ++i) {
      auto examined = consumer().ProcessBatch();
      EXPECT_TRUE(examined.has_value()) << examined.error().message;
      if (!examined || *examined == 0) break;
      total += *examined;
    }
    return total;
  }

  NotificationConsumer consumer() {
    return NotificationConsumer(services.store, services.clock, decoder_, settings_);
  }

  NotificationPage Inbox(const Principal& who, bool unread_only = false) {
    auto page = notifications.Inbox(who, unread_only, 0, 50);
    EXPECT_TRUE(page.has_value()) << page.error().message;
    return page.value_or(NotificationPage{});
  }

  std::vector<CustomerMessage> Messages(CustomerMessageFilter filter = {}) {
    auto page = notifications.Messages(supervisor_, filter);
    EXPECT_TRUE(page.has_value()) << page.error().message;
    return page.value_or(CustomerMessagePage{}).items;
  }

  static std::vector<NotificationKind> Kinds(const NotificationPage& page) {
    std::vector<NotificationKind> kinds;
    for (const StaffNotification& n : page.items) kinds.push_back(n.kind);
    return kinds;
  }

  static std::vector<MessageTemplate> Templates(const std::vector<CustomerMessage>& messages) {
    std::vector<MessageTemplate> codes;
    for (const CustomerMessage& m : messages) codes.push_back(m.template_code);
    return codes;
  }

  void RewindCursor(std::int64_t to) {
    ASSERT_TRUE(services.store
                    .Write([&](StoreSession& session) -> Status {
                      return session.Notifications().SaveCursor(NotificationConsumer::kCursor, to,
                                                                0);
                    })
                    .has_value());
  }

  json::JsonFieldsDecoder decoder_;
  NotificationSettings settings_;
  WorkOrderService orders{services.store, services.clock, services.random};
  NotificationService notifications{services.store, services.clock};
  Principal agent_, dispatcher_, technician_, supervisor_;
  Customer customer_;
};

TEST_P(NotificationContract, UrgingReachesTheAssigneeAndTheDispatcherNewestFirst) {
  const WorkOrder order = Created();
  Act(dispatcher_, order.id, {.action = A::kAssign, .assignee_id = technician_.user_id});
  Act(agent_, order.id, {.action = A::kUrge});
  Drain();

  const NotificationPage tech = Inbox(technician_);
  EXPECT_THAT(Kinds(tech), ElementsAre(NotificationKind::kUrged, NotificationKind::kAssigned));
  EXPECT_EQ(tech.total, 2);
  EXPECT_EQ(tech.unread, 2);
  EXPECT_EQ(tech.items[0].order_id, order.id);
  EXPECT_THAT(Kinds(Inbox(dispatcher_)), ElementsAre(NotificationKind::kUrged));
  EXPECT_THAT(Inbox(agent_).items, IsEmpty());

  auto page = notifications.Inbox(technician_, false, 1, 1);
  ASSERT_TRUE(page.has_value());
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].kind, NotificationKind::kAssigned);
}

TEST_P(NotificationContract, MarkingReadTouchesOnlyOnesOwn) {
  const WorkOrder order = Created();
  Act(dispatcher_, order.id, {.action = A::kAssign, .assignee_id = technician_.user_id});
  Act(agent_, order.id, {.action = A::kUrge});
  Drain();
  const NotificationPage tech = Inbox(technician_);
  const NotificationPage disp = Inbox(dispatcher_);
  ASSERT_EQ(tech.items.size(), 2u);
  ASSERT_EQ(disp.items.size(), 1u);

  auto foreign = notifications.MarkRead(technician_, {disp.items[0].id});
  ASSERT_TRUE(foreign.has_value());
  EXPECT_EQ(*foreign, 0);
  EXPECT_EQ(Inbox(dispatcher_).unread, 1);

  auto one = notifications.MarkRead(technician_, {tech.items[1].id});
  ASSERT_TRUE(one.has_value());
  EXPECT_EQ(*one, 1);
  const NotificationPage unread = Inbox(technician_, true);
  EXPECT_THAT(Kinds(unread), ElementsAre(NotificationKind::kUrged));
  EXPECT_EQ(unread.total, 1);
  EXPECT_EQ(Inbox(technician_).total, 2);

  auto all = notifications.MarkRead(technician_, {});
  ASSERT_TRUE(all.has_value());
  EXPECT_EQ(*all, 1);
  EXPECT_EQ(Inbox(technician_).unread, 0);
  EXPECT_TRUE(Inbox(technician_).items[0].read_at.has_value());
}

TEST_P(NotificationContract, AReplayFromAnOldCursorNotifiesNobodyTwiceAndLaterEventsStillCount) {
  const WorkOrder order = Created();
  Act(dispatcher_, order.id, {.action = A::kAssign, .assignee_id = technician_.user_id});
  EXPECT_GT(Drain(), 0);
  EXPECT_EQ(Drain(), 0) << "caught up";
  const std::int64_t messages = static_cast<std::int64_t>(Messages().size());
  EXPECT_EQ(messages, 2);  // accepted, assigned

  RewindCursor(0);  // as if the commit of every batch so far had been lost
  EXPECT_GT(Drain(), 0);
  EXPECT_EQ(Inbox(technician_).total, 1);
  EXPECT_EQ(static_cast<std::int64_t>(Messages().size()), messages);

  Act(agent_, order.id, {.action = A::kUrge});
  Drain();
  EXPECT_EQ(Inbox(technician_).total, 2);
}

TEST_P(NotificationContract, CustomerMessagesAreSealedAndMaskedForAgents) {
  const WorkOrder order = Created("13912345678");
  Drain();
  const auto clear = Messages({.order_id = order.id});
  ASSERT_EQ(clear.size(), 1u);
  EXPECT_EQ(clear[0].recipient, "13912345678") << "supervisors may read personal data";
  EXPECT_EQ(clear[0].template_code, MessageTemplate::kOrderAccepted);
  EXPECT_EQ(clear[0].state, MessageState::kQueued);
  EXPECT_EQ(clear[0].customer_id, customer_.id);

  auto masked = notifications.Messages(agent_, {.order_id = order.id});
  ASSERT_TRUE(masked.has_value()) << masked.error().message;
  EXPECT_EQ(masked->items[0].recipient, "139****5678");
  Principal manager = agent_;
  manager.permissions = RolePermissions(Role::kManager);
  EXPECT_EQ(notifications.Messages(manager, {}).error().code, ErrorCode::kForbidden);

  auto connection = database.db().Acquire(storage::Access::kRead);
  ASSERT_TRUE(connection.has_value());
  bool in_clear = false;
  ASSERT_TRUE((*connection)
                  ->Each({"test.raw_recipients",
                          "SELECT recipient_enc, recipient_idx, params FROM customer_messages"},
                         {},
                         [&](const storage::Row& row) -> Status {
                           in_clear |= row.Blob(0).find("13912345678") != std::string::npos;
                           in_clear |= row.Str(1).find("13912345678") != std::string::npos;
                           in_clear |= row.Str(2).find("13912345678") != std::string::npos;
                           return Ok();
                         })
                  .has_value());
  EXPECT_FALSE(in_clear);
}

TEST_P(NotificationContract, ThrottlingSuppressesBeyondTheDailyLimitPerRecipient) {
  settings_.daily_limit_per_recipient = 2;
  for (int i = 0; i < 3; ++i) Created("13700000001", false);
  Created("13700000002", false);
  Drain();
  std::vector<MessageState> states;
  std::vector<std::optional<SuppressReason>> reasons;
  for (const CustomerMessage& m : Messages()) {  // newest first
    if (m.recipient != "13700000001") continue;
    states.push_back(m.state);
    reasons.push_back(m.suppressed);
  }
  EXPECT_THAT(states,
              ElementsAre(MessageState::kSuppressed, MessageState::kQueued, MessageState::kQueued));
  EXPECT_EQ(reasons[0], SuppressReason::kThrottled);
  EXPECT_EQ(Messages({.state = MessageState::kQueued}).size(), 3u) << "the other phone is fine";

  services.clock.Advance(25 * kHourMs);  // a day later the count starts again
  Created("13700000001", false);
  Drain();
  EXPECT_EQ(Messages()[0].state, MessageState::kQueued);
}

TEST_P(NotificationContract, AnOptedOutCustomerGetsNothingButTheRecordSaysSo) {
  ASSERT_TRUE(notifications.SetOptOut(agent_, customer_.id, true).has_value());
  EXPECT_TRUE(*notifications.OptedOut(agent_, customer_.id));
  Created();
  Drain();
  auto messages = Messages({.customer_id = customer_.id});
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0].state, MessageState::kSuppressed);
  EXPECT_EQ(messages[0].suppressed, SuppressReason::kOptedOut);

  ASSERT_TRUE(notifications.SetOptOut(agent_, customer_.id, false).has_value());
  Created();
  Drain();
  EXPECT_EQ(Messages({.customer_id = customer_.id})[0].state, MessageState::kQueued);
  Principal technician = technician_;
  EXPECT_EQ(notifications.SetOptOut(technician, customer_.id, true).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(notifications.SetOptOut(agent_, 999'999, true).error().code, ErrorCode::kNotFound);
}

TEST_P(NotificationContract, TheSenderRetriesWithBackoffFailsHopelessOnesAndRecordsSent) {
  settings_.max_attempts = 3;
  const WorkOrder first = Created("13700000011", false);
  Created("13700000012", false);
  Drain();
  ScriptedChannel channel;
  channel.failures = {Error::Unavailable("gateway busy"), Error::Invalid("recipient", "landline")};
  MessageSender sender(services.store, services.clock, {&channel, nullptr, nullptr}, settings_);
  auto tried = sender.SendDue();
  ASSERT_TRUE(tried.has_value()) << tried.error().message;
  EXPECT_EQ(*tried, 2);
  ASSERT_EQ(channel.sent.size(), 2u);
  EXPECT_EQ(channel.sent[0].recipient, "13700000011");
  EXPECT_THAT(channel.sent[0].text, ::testing::HasSubstr("查询码"));
  EXPECT_EQ(channel.sent[0].idempotency_key.rfind("event:", 0), 0u);

  auto retrying = Messages({.order_id = first.id});
  ASSERT_EQ(retrying.size(), 1u);
  EXPECT_EQ(retrying[0].state, MessageState::kQueued);
  EXPECT_EQ(retrying[0].attempts, 1);
  EXPECT_EQ(retrying[0].last_error, "gateway busy");
  EXPECT_EQ(Messages({.state = MessageState::kFailed}).size(), 1u) << "a landline never works";

  EXPECT_EQ(*sender.SendDue(), 0) << "not due until the retry delay has passed";
  services.clock.Advance(settings_.retry_delay);
  EXPECT_EQ(*sender.SendDue(), 1);
  auto sent = Messages({.order_id = first.id});
  EXPECT_EQ(sent[0].state, MessageState::kSent);
  EXPECT_EQ(sent[0].attempts, 2);
  EXPECT_TRUE(sent[0].sent_at.has_value());
  EXPECT_EQ(*sender.SendDue(), 0);
}

TEST_P(NotificationContract, AClaimedMessageIsHeldFromASecondSender) {
  Created("13700000021", false);
  Drain();
  const TimeMs now = services.clock.NowMs();
  auto claim = [&](TimeMs at) {
    std::size_t got = 0;
    EXPECT_TRUE(services.store
                    .Write([&](StoreSession& session) -> Status {
                      auto due = session.CustomerMessages().ClaimDue(at, at + kMinuteMs, 10);
                      if (!due) return Fail(due.error());
                      got = due->size();
                      return Ok();
                    })
                    .has_value());
    return got;
  };
  EXPECT_EQ(claim(now), 1u);
  EXPECT_EQ(claim(now), 0u) << "held by the first";
  EXPECT_EQ(claim(now + 2 * kMinuteMs), 1u) << "a sender that died lets go when the hold ends";
}

TEST_P(NotificationContract, ResolvingTheParentTellsEveryLinkedCustomer) {
  const WorkOrder parent = Created("13700000031", false);
  const WorkOrder child_a = Created("13700000032", false);
  const WorkOrder child_b = Created("13700000033", false);
  for (const WorkOrder& child : {child_a, child_b}) {
    Act(dispatcher_, child.id, {.action = A::kLink, .parent_id = parent.id});
  }
  Act(dispatcher_, parent.id, {.action = A::kDispatch, .department_id = dispatcher_.org_unit_id});
  Act(dispatcher_, parent.id, {.action = A::kResolve});
  Drain();
  for (const WorkOrder& child : {child_a, child_b}) {
    auto messages = Messages({.order_id = child.id});
    EXPECT_THAT(Templates(messages), ElementsAre(MessageTemplate::kOrderResolvedWithParent,
                                                 MessageTemplate::kOrderAccepted));
    const FieldValue* parent_number = FindField(messages[0].params, "parent_number");
    ASSERT_NE(parent_number, nullptr);
    EXPECT_EQ(std::get<std::string>(*parent_number), WorkOrderNumber(parent.id, parent.created_at));
  }
  EXPECT_THAT(Templates(Messages({.order_id = parent.id})),
              ElementsAre(MessageTemplate::kOrderResolved, MessageTemplate::kOrderAccepted));
}

TEST_P(NotificationContract, AMissedDeadlineReachesTheDispatcherAndTheSupervisor) {
  const WorkOrder order = Created();
  Act(dispatcher_, order.id, {.action = A::kDispatch, .department_id = dispatcher_.org_unit_id});
  services.clock.Advance(10 * kDayMs);
  auto escalated = orders.EscalateOverdue();
  ASSERT_TRUE(escalated.has_value()) << escalated.error().message;
  ASSERT_EQ(*escalated, 1);
  Drain();
  EXPECT_THAT(Kinds(Inbox(dispatcher_)), ElementsAre(NotificationKind::kDeadlineBreached));
  EXPECT_THAT(Kinds(Inbox(supervisor_)), ElementsAre(NotificationKind::kDeadlineBreached));
  EXPECT_THAT(Inbox(technician_).items, IsEmpty());
}

LIFELINE_ON_BOTH_BACKENDS(NotificationContract);

}  // namespace
}  // namespace lifeline::testing
