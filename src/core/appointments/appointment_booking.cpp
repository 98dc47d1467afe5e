// Booking, rescheduling and cancelling, and following the work order. Each runs in one unit of
// work: the seat (a conditional UPDATE that fails when the slot is full), the booking, the work
// order, the history row, the audit entry and the event commit together or not at all.
#include <algorithm>

#include "core/appointments/appointment_service.h"
#include "core/identity/auth_service.h"

namespace lifeline {

namespace {

std::string ActorName(const Principal& actor) {
  return actor.display_name.empty() ? actor.username : actor.display_name;
}

Fields BookingFields(const Booking& b) {
  return {{"service", b.service},
          {"state", std::string(BookingStateCode(b.state))},
          {"slot_id", b.slot_id},
          {"account_no", b.account_no},
          {"district_id", b.district_id},
          {"team_id", b.team_id},
          {"work_order_id", b.work_order_id},
          {"starts_at", b.starts_at},
          {"ends_at", b.ends_at},
          {"channel", std::string(BookingChannelCode(b.channel))},
          {"version", b.version}};
}

Error NotFoundAs(const Error& error, std::string field, std::string what) {
  if (error.code != ErrorCode::kNotFound) return error;
  return Error::Invalid(std::move(field), std::move(what));
}

// Order states in which the visit has not started, so the booking may still move or go.
bool VisitNotStarted(WorkOrderState state) {
  switch (state) {
    case WorkOrderState::kAccepted:
    case WorkOrderState::kDispatched:
    case WorkOrderState::kAssigned:
    case WorkOrderState::kReturned:
    case WorkOrderState::kReopened:
      return true;
    case WorkOrderState::kEnRoute:
    case WorkOrderState::kOnSite:
    case WorkOrderState::kResolved:
    case WorkOrderState::kCallback:
    case WorkOrderState::kClosed:
    case WorkOrderState::kCancelled:
    case WorkOrderState::kMerged:
      return false;
  }
  return false;
}

Status CheckVersion(const Booking& booking, std::optional<std::int64_t> expected) {
  if (expected && *expected != booking.version) {
    return Fail(Error::Conflict("the appointment was changed by someone else (version " +
                                std::to_string(booking.version) + "); reload it"));
  }
  return Ok();
}

}  // namespace

Result<AppointmentSlot> AppointmentService::CheckSlot(StoreSession& session, std::int64_t slot_id,
                                                      const HomeService& service,
                                                      std::int64_t district_id,
                                                      std::string_view field) const {
  const std::string name(field);
  auto slot = session.Appointments().FindSlot(slot_id);
  if (!slot) return Fail(NotFoundAs(slot.error(), name, "no such slot"));
  if (slot->utility != service.utility) {
    return Fail(Error::Invalid(name, "the slot is for " + std::string(UtilityCode(slot->utility)) +
                                         ", the service for " +
                                         std::string(UtilityCode(service.utility))));
  }
  if (slot->district_id != district_id) {
    return Fail(Error::Invalid(name, "the slot serves another district than the account's"));
  }
  if (slot->starts_at <= clock_.NowMs()) {
    return Fail(Error::Invalid(name, "the slot has already begun"));
  }
  if ((slot->ends_at - slot->starts_at) < service.duration_minutes * kMinuteMs) {
    return Fail(Error::Invalid(name, "the window is shorter than the service takes (" +
                                         std::to_string(service.duration_minutes) + " min)"));
  }
  auto taken = session.Appointments().TakeSeat(slot->id);
  if (!taken) return Fail(taken.error());
  if (!*taken) {
    return Fail(Error::Conflict("the slot is full (" + std::to_string(slot->capacity) + " of " +
                                std::to_string(slot->capacity) + " booked)"));
  }
  ++slot->booked;
  return slot;
}

// The history row, the audit entry and the event of one change.
Status AppointmentService::Record(StoreSession& session, const Principal& actor,
                                  const Booking& before, const Booking& after, std::string action,
                                  std::string_view event_type,
                                  std::optional<std::int64_t> from_slot, std::string note) const {
  BookingChange change;
  change.booking_id = after.id;
  change.at = after.updated_at;
  change.actor_id = actor.user_id;
  change.actor_name = ActorName(actor);
  change.action = action;
  change.from_slot_id = from_slot;
  change.to_slot_id = after.slot_id;
  change.starts_at = after.starts_at;
  change.ends_at = after.ends_at;
  change.note = note;
  if (auto id = session.Appointments().AppendChange(change); !id) return Fail(id.error());
  Fields fields = BookingFields(after);
  if (from_slot) fields.emplace_back("from_slot_id", *from_slot);
  Fields audited = fields;
  if (!note.empty()) audited.emplace_back("note", note);
  const bool created = action == "book";
  if (auto s =
          session.Audit().Append(ActorOf(actor),
                                 {"appointment." + action, "appointment", std::to_string(after.id),
                                  created ? Fields{} : BookingFields(before), audited},
                                 after.updated_at);
      !s) {
    return s;
  }
  session.Events().Emit({"appointment", std::string(event_type),
                         "appointment/" + std::to_string(after.id), std::move(fields)});
  return Ok();
}

Result<BookingDetail> AppointmentService::BookIn(StoreSession& session, const Principal& actor,
                                                 const NewBooking& request,
                                                 BookingChannel channel) {
  auto service = Service(request.service);
  if (!service) return Fail(service.error());
  const HomeService& svc = **service;
  if (!svc.bookable) {
    return Fail(Error::Conflict("the service " + svc.code +
                                " needs papers and cannot be booked online: see its guidance"));
  }
  if (request.account_no.empty()) {
    return Fail(Error::Invalid("account_no", "account_no (户号) is required"));
  }
  auto customer = session.Customers().FindByAccountNo(request.account_no);
  if (!customer) return Fail(NotFoundAs(customer.error(), "account_no", "no such account"));
  auto account = std::ranges::find(customer->accounts, request.account_no, &Account::account_no);
  if (account == customer->accounts.end()) {
    return Fail(Error::Invalid("account_no", "no such account"));
  }
  if (account->utility != svc.utility) {
    return Fail(Error::Invalid("service",
                               "the account is for " + std::string(UtilityCode(account->utility)) +
                                   ", the service for " + std::string(UtilityCode(svc.utility))));
  }
  if (!actor.scope.Covers(account->district_id)) {
    return Fail(Error::Invalid("account_no", "the account is outside your area"));
  }
  auto slot = CheckSlot(session, request.slot_id, svc, account->district_id, "slot_id");
  if (!slot) return Fail(slot.error());
  const std::string window = WindowText(slot->starts_at, slot->ends_at);
  std::string description = "预约时段：" + window;
  if (!request.note.empty()) description += "；" + request.note;
  std::string phone = request.contact_phone;
  if (phone.empty() && !customer->phones.empty()) phone = customer->phones.front();
  auto order = orders_.CreateIn(
      session, actor,
      {.type = WorkOrderType::kAppointment,
       .category = svc.category,
       .title = svc.name + "（预约 " + window + "）",
       .description = description,
       .customer_id = customer->id,
       .account_id = account->id,
       .contact_name = request.contact_name.empty() ? customer->name : request.contact_name,
       .contact_phone = phone});
  if (!order) return Fail(order.error());
  Booking booking;
  booking.slot_id = slot->id;
  booking.service = svc.code;
  booking.channel = channel;
  booking.customer_id = customer->id;
  booking.account_id = account->id;
  booking.account_no = account->account_no;
  booking.district_id = account->district_id;
  booking.team_id = slot->team_id;
  booking.work_order_id = order->id;
  booking.starts_at = slot->starts_at;
  booking.ends_at = slot->ends_at;
  booking.note = request.note;
  booking.created_by = actor.user_id;
  booking.created_at = booking.updated_at = clock_.NowMs();
  auto id = session.Appointments().InsertBooking(booking);
  if (!id) return Fail(id.error());
  booking.id = *id;
  if (auto s = Record(session, actor, booking, booking, "book", "appointment.booked", std::nullopt,
                      request.note);
      !s) {
    return Fail(s.error());
  }
  return Detail(session, std::move(booking));
}

Result<BookingDetail> AppointmentService::Book(const Principal& actor, const NewBooking& request) {
  if (auto s = actor.Require(Permission::kWorkOrderCreate); !s) return Fail(s.error());
  if (request.note.size() > 1000) return Fail(Error::Invalid("note", "at most 1000 bytes"));
  BookingDetail detail;
  Status written = store_.Write([&](StoreSession& session) -> Status {
    auto booked = BookIn(session, actor, request, BookingChannel::kStaff);
    if (!booked) return Fail(booked.error());
    detail = std::move(*booked);
    return Ok();
  });
  if (!written) return Fail(written.error());
  return detail;
}

Result<BookingDetail> AppointmentService::Reschedule(const Principal& actor, std::int64_t id,
                                                     std::int64_t slot_id, std::string note,
                                                     std::optional<std::int64_t> expected_version) {
  if (auto s = actor.Require(Permission::kWorkOrderCreate); !s) return Fail(s.error());
  BookingDetail detail;
  Status written = store_.Write([&](StoreSession& session) -> Status {
    auto found = session.Appointments().FindBooking(id);
    if (!found) return Fail(found.error());
    if (!InScope(actor, *found)) return Fail(Error::NotFound("appointment not found"));
    const Booking before = *found;
    Booking booking = *found;
    if (auto s = CheckVersion(booking, expected_version); !s) return s;
    auto next = Transition(booking.state, BookingEvent::kReschedule);
    if (!next) return Fail(next.error());
    if (slot_id == booking.slot_id) {
      return Fail(Error::Invalid("slot_id", "the appointment is already in this slot"));
    }
    auto order = session.WorkOrders().FindById(booking.work_order_id);
    if (!order) return Fail(order.error());
    if (!VisitNotStarted(order->state)) {
      return Fail(Error::Conflict("cannot reschedule: the work order is " +
                                  std::string(WorkOrderStateCode(order->state))));
    }
    auto service = Service(booking.service);
    if (!service) return Fail(service.error());
    auto slot = CheckSlot(session, slot_id, **service, booking.district_id, "slot_id");
    if (!slot) return Fail(slot.error());
    if (auto s = session.Appointments().FreeSeat(booking.slot_id); !s) return s;
    booking.state = *next;
    booking.slot_id = slot->id;
    booking.team_id = slot->team_id;
    booking.starts_at = slot->starts_at;
    booking.ends_at = slot->ends_at;
    ++booking.reschedule_count;
    booking.updated_at = clock_.NowMs();
    booking.version = before.version + 1;
    if (auto s = session.Appointments().UpdateBooking(booking, before.version); !s) return s;
    if (auto s = Record(session, actor, before, booking, "reschedule",
                        BookingEventType(BookingEvent::kReschedule), before.slot_id, note);
        !s) {
      return s;
    }
    auto built = Detail(session, std::move(booking));
    if (!built) return Fail(built.error());
    detail = std::move(*built);
    return Ok();
  });
  if (!written) return Fail(written.error());
  return detail;
}

Result<BookingDetail> AppointmentService::Cancel(const Principal& actor, std::int64_t id,
                                                 std::string note,
                                                 std::optional<std::int64_t> expected_version) {
  if (auto s = actor.Require(Permission::kWorkOrderCreate); !s) return Fail(s.error());
  if (note.empty()) note = "客户取消预约";
  BookingDetail detail;
  Status written = store_.Write([&](StoreSession& session) -> Status {
    auto found = session.Appointments().FindBooking(id);
    if (!found) return Fail(found.error());
    if (!InScope(actor, *found)) return Fail(Error::NotFound("appointment not found"));
    const Booking before = *found;
    Booking booking = *found;
    if (auto s = CheckVersion(booking, expected_version); !s) return s;
    auto next = Transition(booking.state, BookingEvent::kCancel);
    if (!next) return Fail(next.error());
    // The booking goes first, so the order's cancellation finds it cancelled already.
    booking.state = *next;
    booking.updated_at = clock_.NowMs();
    booking.version = before.version + 1;
    if (auto s = session.Appointments().FreeSeat(booking.slot_id); !s) return s;
    if (auto s = session.Appointments().UpdateBooking(booking, before.version); !s) return s;
    auto order =
        orders_.ActIn(session, actor, booking.work_order_id,
                      {.action = WorkOrderAction::kCancel, .note = "预约取消：" + note}, false);
    if (!order) return Fail(order.error());
    if (auto s = Record(session, actor, before, booking, "cancel",
                        BookingEventType(BookingEvent::kCancel), std::nullopt, note);
        !s) {
      return s;
    }
    auto built = Detail(session, std::move(booking));
    if (!built) return Fail(built.error());
    detail = std::move(*built);
    return Ok();
  });
  if (!written) return Fail(written.error());
  return detail;
}

Status AppointmentService::OnTransition(StoreSession& session, const Principal& actor,
                                        const WorkOrder& before, const WorkOrder& after) {
  if (after.type != WorkOrderType::kAppointment || before.state == after.state) return Ok();
  BookingEvent event;
  switch (after.state) {
    case WorkOrderState::kResolved:
    case WorkOrderState::kClosed:
      event = BookingEvent::kComplete;
      break;
    case WorkOrderState::kCancelled:
    case WorkOrderState::kMerged:
      event = BookingEvent::kCancel;
      break;
    default:
      return Ok();
  }
  auto found = session.Appointments().FindBookingByWorkOrder(after.id);
  if (!found) {
    if (found.error().code == ErrorCode::kNotFound) return Ok();  // made before appointments
    return Fail(found.error());
  }
  if (found->state != BookingState::kBooked) return Ok();  // already followed
  const Booking previous = *found;
  Booking booking = *found;
  auto next = Transition(booking.state, event);
  if (!next) return Fail(next.error());
  booking.state = *next;
  booking.updated_at = after.updated_at;
  booking.version = previous.version + 1;
  if (event == BookingEvent::kCancel) {
    if (auto s = session.Appointments().FreeSeat(booking.slot_id); !s) return s;
  }
  if (auto s = session.Appointments().UpdateBooking(booking, previous.version); !s) return s;
  return Record(session, actor, previous, booking, std::string(BookingEventCode(event)),
                BookingEventType(event), std::nullopt,
                "随工单" + std::string(WorkOrderStateCode(after.state)));
}

}  // namespace lifeline
