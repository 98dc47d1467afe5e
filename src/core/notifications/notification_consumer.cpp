#include "core/notifications/notification_consumer.h"

#include "core/identity/auth_service.h"

namespace lifeline {

namespace {

Result<StaffDirectory> LoadStaff(StoreSession& session) {
  auto users = session.Users().List();
  if (!users) return Fail(users.error());
  auto units = session.OrgUnits().List();
  if (!units) return Fail(units.error());
  return StaffDirectory(std::move(*users), std::move(*units));
}

FieldValue Optional(const std::optional<std::int64_t>& value) {
  return value ? FieldValue(*value) : FieldValue(nullptr);
}

}  // namespace

Result<int> NotificationConsumer::ProcessBatch() {
  int examined = 0;
  Status written = store_.Write([&](StoreSession& session) -> Status {
    examined = 0;
    auto position = session.Notifications().LockCursor(kCursor);
    if (!position) return Fail(position.error());
    auto events = session.Events().ReadAfter(*position, {}, settings_.batch);
    if (!events) return Fail(events.error());
    if (events->empty()) return Ok();
    const TimeMs now = clock_.NowMs();
    std::optional<StaffDirectory> staff;  // loaded once, when a work-order event needs it
    for (const StoredEvent& event : *events) {
      if (auto s = Derive(session, event, staff, now); !s) return s;
    }
    examined = static_cast<int>(events->size());
    return session.Notifications().SaveCursor(kCursor, events->back().id, now);
  });
  if (!written) return Fail(written.error());
  return examined;
}

Status NotificationConsumer::Derive(StoreSession& session, const StoredEvent& event,
                                    std::optional<StaffDirectory>& staff, TimeMs now) const {
  if (event.topic != "workorder") return Ok();
  const auto order_id = WorkOrderIdOfSubject(event.subject);
  if (!order_id) return Ok();
  WorkOrderEventFacts facts{event.id, event.type, *order_id, {}};
  // A payload that does not decode is derived from the type and the order alone.
  if (auto data = decoder_.Decode(event.data_json)) facts.data = std::move(*data);
  auto order = session.WorkOrders().FindById(*order_id);
  if (!order) {
    if (order.error().code == ErrorCode::kNotFound) return Ok();
    return Fail(order.error());
  }
  std::optional<WorkOrder> parent;
  if (auto parent_id = IntField(facts.data, "related_order_id");
      parent_id && event.type == "workorder.resolved") {
    auto found = session.WorkOrders().FindById(*parent_id);
    if (found) parent = std::move(*found);
  }
  if (!staff) {
    auto loaded = LoadStaff(session);
    if (!loaded) return Fail(loaded.error());
    staff.emplace(std::move(*loaded));
  }
  DerivedNotifications derived = DeriveNotifications(facts, *order, parent, *staff, now);
  for (StaffNotification& n : derived.staff) {
    if (auto s = Deliver(session, std::move(n)); !s) return s;
  }
  for (CustomerMessage& m : derived.customer) {
    m.channel = settings_.default_channel;
    if (auto s = Enqueue(session, std::move(m), now); !s) return s;
  }
  return Ok();
}

Status NotificationConsumer::Deliver(StoreSession& session, StaffNotification n) const {
  auto id = session.Notifications().Insert(n);
  if (!id) return Fail(id.error());
  if (!*id) return Ok();  // derived before: the recipient already has it
  Fields data{{"id", **id},
              {"kind", std::string(NotificationKindCode(n.kind))},
              {"order_id", Optional(n.order_id)}};
  for (const Field& param : n.params) data.push_back(param);
  session.Events().Emit(
      {"notification", "notification.created", "user/" + std::to_string(n.user_id), data});
  return Ok();
}

// Opted-out customers and recipients over their daily limit get a suppressed row: the record
// says what was not sent and why.
Status NotificationConsumer::Enqueue(StoreSession& session, CustomerMessage m, TimeMs now) const {
  auto& outbox = session.CustomerMessages();
  if (m.customer_id) {
    auto opted_out = outbox.OptedOut(*m.customer_id);
    if (!opted_out) return Fail(opted_out.error());
    if (*opted_out) m.suppressed = SuppressReason::kOptedOut;
  }
  if (!m.suppressed) {
    auto recent = outbox.CountRecent(m.channel, m.recipient, now - kDayMs);
    if (!recent) return Fail(recent.error());
    if (*recent >= settings_.daily_limit_per_recipient) m.suppressed = SuppressReason::kThrottled;
  }
  if (m.suppressed) m.state = MessageState::kSuppressed;
  auto id = outbox.Insert(m);
  if (!id) return Fail(id.error());
  if (!*id) return Ok();
  Fields data{{"id", **id},
              {"order_id", Optional(m.order_id)},
              {"customer_id", Optional(m.customer_id)},
              {"channel", std::string(MessageChannelCode(m.channel))},
              {"template", std::string(MessageTemplateCode(m.template_code))},
              {"state", std::string(MessageStateCode(m.state))}};
  if (m.suppressed) data.push_back({"suppressed", std::string(SuppressReasonCode(*m.suppressed))});
  if (auto s = session.Audit().Append(
          ActorOf(Principal::System()),
          {"customer_message.queue", "customer_message", std::to_string(**id), {}, data}, now);
      !s) {
    return s;
  }
  session.Events().Emit({"customer_message",
                         "customer_message." + std::string(MessageStateCode(m.state)),
                         "customer_message/" + std::to_string(**id), std::move(data)});
  return Ok();
}

}  // namespace lifeline
