#include "adapters/http/api/appointment_json.h"

#include "core/workorders/tracking_code.h"

namespace lifeline::http {

namespace {

Json GuidanceJson(const ServiceGuidance& g) {
  return {{"where", g.where},
          {"bring", g.bring},
          {"phone", g.phone},
          {"hours", g.hours},
          {"note", g.note}};
}

Json ChangeJson(const BookingChange& c) {
  return {{"at", c.at},
          {"action", c.action},
          {"actor_name", c.actor_name},
          {"from_slot_id", c.from_slot_id ? Json(*c.from_slot_id) : Json(nullptr)},
          {"to_slot_id", c.to_slot_id},
          {"starts_at", c.starts_at},
          {"ends_at", c.ends_at},
          {"window", WindowText(c.starts_at, c.ends_at)},
          {"note", c.note}};
}

}  // namespace

Json HomeServiceJson(const HomeService& s) {
  return {{"code", s.code},
          {"kind", s.kind},
          {"utility", UtilityCode(s.utility)},
          {"name", s.name},
          {"duration_minutes", s.duration_minutes},
          {"category", s.category},
          {"bookable", s.bookable},
          {"guidance", s.guidance ? GuidanceJson(*s.guidance) : Json(nullptr)}};
}

Json SlotJson(const AppointmentSlot& s) {
  return {{"id", s.id},
          {"team_id", s.team_id},
          {"district_id", s.district_id},
          {"utility", UtilityCode(s.utility)},
          {"starts_at", s.starts_at},
          {"ends_at", s.ends_at},
          {"window", WindowText(s.starts_at, s.ends_at)},
          {"capacity", s.capacity},
          {"booked", s.booked},
          {"remaining", s.remaining()}};
}

Json PublicSlotJson(const AppointmentSlot& s) {
  return {{"id", s.id},
          {"starts_at", s.starts_at},
          {"ends_at", s.ends_at},
          {"window", WindowText(s.starts_at, s.ends_at)},
          {"remaining", s.remaining()}};
}

Json AvailabilityJson(const Availability& a) {
  Json slots = Json::array();
  for (const AppointmentSlot& s : a.slots) slots.push_back(SlotJson(s));
  return {{"service", HomeServiceJson(*a.service)},
          {"district_id", a.district_id},
          {"bookable", a.service->bookable},
          {"guidance", a.service->guidance ? GuidanceJson(*a.service->guidance) : Json(nullptr)},
          {"slots", slots}};
}

Json PublicAvailabilityJson(const Availability& a) {
  Json slots = Json::array();
  for (const AppointmentSlot& s : a.slots) slots.push_back(PublicSlotJson(s));
  return {{"service", HomeServiceJson(*a.service)},
          {"bookable", a.service->bookable},
          {"guidance", a.service->guidance ? GuidanceJson(*a.service->guidance) : Json(nullptr)},
          {"slots", slots}};
}

Json BookingJson(const Booking& b) {
  return {{"id", b.id},
          {"service", b.service},
          {"state", BookingStateCode(b.state)},
          {"channel", BookingChannelCode(b.channel)},
          {"slot_id", b.slot_id},
          {"starts_at", b.starts_at},
          {"ends_at", b.ends_at},
          {"window", WindowText(b.starts_at, b.ends_at)},
          {"customer_id", b.customer_id},
          {"account_id", b.account_id},
          {"account_no", b.account_no},
          {"district_id", b.district_id},
          {"team_id", b.team_id},
          {"work_order_id", b.work_order_id},
          {"note", b.note},
          {"reschedule_count", b.reschedule_count},
          {"created_by", b.created_by},
          {"created_at", b.created_at},
          {"updated_at", b.updated_at},
          {"version", b.version}};
}

Json BookingDetailJson(const BookingDetail& d) {
  Json out = BookingJson(d.booking);
  out["tracking_code"] = FormatTrackingCode(d.tracking_code);
  out["work_order_state"] = WorkOrderStateCode(d.order_state);
  Json history = Json::array();
  for (const BookingChange& c : d.history) history.push_back(ChangeJson(c));
  out["history"] = history;
  return out;
}

Json BookingPageJson(const BookingPage& page, const BookingFilter& filter) {
  Json items = Json::array();
  for (const Booking& b : page.items) items.push_back(BookingJson(b));
  return {
      {"items", items}, {"total", page.total}, {"offset", filter.offset}, {"limit", filter.limit}};
}

Json PublicBookingJson(const BookingDetail& d) {
  const Booking& b = d.booking;
  return {{"id", b.id},
          {"service", b.service},
          {"state", BookingStateCode(b.state)},
          {"starts_at", b.starts_at},
          {"ends_at", b.ends_at},
          {"window", WindowText(b.starts_at, b.ends_at)},
          {"tracking_code", FormatTrackingCode(d.tracking_code)}};
}

}  // namespace lifeline::http
