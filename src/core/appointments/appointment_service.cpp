// The catalog, slot planning, reads and the portal's availability. Booking, rescheduling,
// cancelling and following the work order are in appointment_booking.cpp.
#include "core/appointments/appointment_service.h"

#include <algorithm>

#include "core/customers/holder_check.h"
#include "core/identity/auth_service.h"

namespace lifeline {

namespace {

constexpr TimeMs kDefaultHorizon = 14 * kDayMs;
constexpr TimeMs kMaxHorizon = 92 * kDayMs;

Status CheckTeam(StoreSession& session, std::int64_t team_id) {
  auto unit = session.OrgUnits().FindById(team_id);
  if (!unit) {
    if (unit.error().code != ErrorCode::kNotFound) return Fail(unit.error());
    return Fail(Error::Invalid("team_id", "no org unit " + std::to_string(team_id)));
  }
  return Ok();
}

Status CheckDistrict(StoreSession& session, std::int64_t district_id) {
  auto node = session.Topology().FindNode(district_id);
  if (!node) {
    if (node.error().code != ErrorCode::kNotFound) return Fail(node.error());
    return Fail(Error::Invalid("district_id", "no district " + std::to_string(district_id)));
  }
  if (node->kind != NodeKind::kDistrict) {
    return Fail(Error::Invalid("district_id", node->name + " is not a district"));
  }
  return Ok();
}

}  // namespace

bool InScope(const Principal& principal, const Booking& booking) {
  return principal.scope.Covers(booking.district_id);
}

Principal AppointmentService::Portal() {
  Principal p;
  p.user_id = 0;
  p.username = "portal";
  p.display_name = "客户自助预约";
  p.role = Role::kIntegration;
  p.permissions = {Permission::kWorkOrderRead, Permission::kWorkOrderCreate};
  p.remote_address = "portal";
  return p;
}

Result<const HomeService*> AppointmentService::Service(std::string_view code,
                                                       std::string_view field) const {
  const HomeService* service = catalog_.Find(code);
  if (service == nullptr) {
    return Fail(Error::Invalid(std::string(field), "unknown service: " + std::string(code)));
  }
  return service;
}

Result<SlotPlanResult> AppointmentService::CreateSlots(const Principal& actor,
                                                       const SlotPlan& plan) {
  if (auto s = actor.Require(Permission::kAppointmentManage); !s) return Fail(s.error());
  if (auto s = ValidateSlotPlan(plan); !s) return Fail(s.error());
  if (!actor.scope.Covers(plan.district_id)) {
    return Fail(Error::Invalid("district_id", "the district is outside your area"));
  }
  SlotPlanResult result;
  const TimeMs now = clock_.NowMs();
  Status written = store_.Write([&](StoreSession& session) -> Status {
    result = {};
    if (auto s = CheckTeam(session, plan.team_id); !s) return s;
    if (auto s = CheckDistrict(session, plan.district_id); !s) return s;
    auto settings = session.WorkOrders().LoadSettings();
    if (!settings) return Fail(settings.error());
    for (AppointmentSlot slot : ExpandSlotPlan(plan, settings->calendar)) {
      slot.created_by = actor.user_id;
      slot.created_at = now;
      auto id = session.Appointments().InsertSlot(slot);
      if (!id) return Fail(id.error());
      if (!*id) {
        ++result.skipped;
        continue;
      }
      slot.id = **id;
      ++result.created;
      result.slots.push_back(slot);
    }
    const Fields after{{"team_id", plan.team_id},
                       {"district_id", plan.district_id},
                       {"utility", std::string(UtilityCode(plan.utility))},
                       {"from", static_cast<std::int64_t>(plan.from)},
                       {"to", static_cast<std::int64_t>(plan.to)},
                       {"created", result.created},
                       {"skipped", result.skipped}};
    if (auto s = session.Audit().Append(ActorOf(actor),
                                        {"appointment.slots_create",
                                         "appointment_slots",
                                         std::to_string(plan.team_id),
                                         {},
                                         after},
                                        now);
        !s) {
      return s;
    }
    session.Events().Emit({"appointment", "appointment.slots_created",
                           "appointment_slots/" + std::to_string(plan.district_id), after});
    return Ok();
  });
  if (!written) return Fail(written.error());
  return result;
}

Result<std::vector<AppointmentSlot>> AppointmentService::ListSlots(const Principal& actor,
                                                                   SlotFilter filter) {
  if (auto s = actor.Require(Permission::kWorkOrderRead); !s) return Fail(s.error());
  filter.restricted = !actor.scope.unrestricted();
  filter.district_ids = actor.scope.district_ids();
  std::vector<AppointmentSlot> slots;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto listed = session.Appointments().ListSlots(filter);
    if (!listed) return Fail(listed.error());
    slots = std::move(*listed);
    return Ok();
  });
  if (!read) return Fail(read.error());
  return slots;
}

Result<Availability> AppointmentService::Available(const Principal& actor, std::string_view service,
                                                   std::int64_t district_id, TimeMs from,
                                                   TimeMs to) {
  if (auto s = actor.Require(Permission::kWorkOrderRead); !s) return Fail(s.error());
  auto found = Service(service);
  if (!found) return Fail(found.error());
  if (!actor.scope.Covers(district_id)) {
    return Fail(Error::Invalid("district_id", "the district is outside your area"));
  }
  const TimeMs now = clock_.NowMs();
  from = std::max(from, now);
  if (to == 0) to = from + kDefaultHorizon;
  if (to <= from) return Fail(Error::Invalid("to", "to must be after from"));
  if (to - from > kMaxHorizon) return Fail(Error::Invalid("to", "at most 92 days ahead"));
  Availability availability{.service = *found, .district_id = district_id, .slots = {}};
  if (!(*found)->bookable) return availability;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto listed = session.Appointments().ListSlots({.district_id = district_id,
                                                    .utility = (*found)->utility,
                                                    .from = from,
                                                    .to = to,
                                                    .available_only = true,
                                                    .min_minutes = (*found)->duration_minutes,
                                                    .limit = 500});
    if (!listed) return Fail(listed.error());
    availability.slots = std::move(*listed);
    return Ok();
  });
  if (!read) return Fail(read.error());
  return availability;
}

Result<BookingDetail> AppointmentService::Detail(StoreSession& session, Booking booking) const {
  BookingDetail detail;
  auto history = session.Appointments().Changes(booking.id);
  if (!history) return Fail(history.error());
  detail.history = std::move(*history);
  auto order = session.WorkOrders().FindById(booking.work_order_id);
  if (!order) return Fail(order.error());
  detail.tracking_code = order->tracking_code;
  detail.order_state = order->state;
  detail.booking = std::move(booking);
  return detail;
}

Result<BookingDetail> AppointmentService::Get(const Principal& actor, std::int64_t id) {
  if (auto s = actor.Require(Permission::kWorkOrderRead); !s) return Fail(s.error());
  BookingDetail detail;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto booking = session.Appointments().FindBooking(id);
    if (!booking) return Fail(booking.error());
    if (!InScope(actor, *booking)) return Fail(Error::NotFound("appointment not found"));
    auto built = Detail(session, std::move(*booking));
    if (!built) return Fail(built.error());
    detail = std::move(*built);
    return Ok();
  });
  if (!read) return Fail(read.error());
  return detail;
}

Result<BookingDetail> AppointmentService::ForWorkOrder(const Principal& actor,
                                                       std::int64_t work_order_id) {
  if (auto s = actor.Require(Permission::kWorkOrderRead); !s) return Fail(s.error());
  BookingDetail detail;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto booking = session.Appointments().FindBookingByWorkOrder(work_order_id);
    if (!booking) return Fail(booking.error());
    if (!InScope(actor, *booking)) return Fail(Error::NotFound("appointment not found"));
    auto built = Detail(session, std::move(*booking));
    if (!built) return Fail(built.error());
    detail = std::move(*built);
    return Ok();
  });
  if (!read) return Fail(read.error());
  return detail;
}

Result<BookingPage> AppointmentService::List(const Principal& actor, BookingFilter filter) {
  if (auto s = actor.Require(Permission::kWorkOrderRead); !s) return Fail(s.error());
  filter.restricted = !actor.scope.unrestricted();
  filter.district_ids = actor.scope.district_ids();
  BookingPage page;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto listed = session.Appointments().ListBookings(filter);
    if (!listed) return Fail(listed.error());
    page = std::move(*listed);
    return Ok();
  });
  if (!read) return Fail(read.error());
  return page;
}

Result<Availability> AppointmentService::PublicAvailable(std::string_view account_no,
                                                         std::string_view service) {
  auto found = Service(service);
  if (!found) return Fail(found.error());
  std::int64_t district_id = 0;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto holder = FindHolder(session, account_no);
    if (!holder) return Fail(holder.error());
    if (holder->account.utility != (*found)->utility) {
      return Fail(Error::Invalid("service", "the account is not for this utility"));
    }
    district_id = holder->account.district_id;
    return Ok();
  });
  if (!read) return Fail(read.error());
  return Available(Portal(), service, district_id, 0, 0);
}

Result<BookingDetail> AppointmentService::PublicBook(std::string_view account_no,
                                                     std::string_view phone_last4,
                                                     std::string_view service,
                                                     std::int64_t slot_id) {
  const Principal portal = Portal();
  BookingDetail detail;
  Status written = store_.Write([&](StoreSession& session) -> Status {
    auto holder = VerifyHolder(session, account_no, phone_last4);
    if (!holder) return Fail(holder.error());
    auto booked = BookIn(session, portal,
                         {.account_no = std::string(account_no),
                          .service = std::string(service),
                          .slot_id = slot_id},
                         BookingChannel::kPortal);
    if (!booked) return Fail(booked.error());
    detail = std::move(*booked);
    return Ok();
  });
  if (!written) return Fail(written.error());
  return detail;
}

}  // namespace lifeline
