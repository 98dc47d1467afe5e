// Appointments (预约上门服务): docs/design/appointments.md. The catalog, slots, bookings for
// staff, and the portal's availability and booking without login (light verification: the
// account number and the last four digits of the holder's phone).
#include <tuple>

#include "adapters/http/api/api_support.h"
#include "adapters/http/api/appointment_json.h"
#include "adapters/http/api/routes.h"
#include "adapters/http/json_body.h"
#include "core/customers/holder_check.h"

namespace lifeline::http {

namespace {

constexpr std::int64_t kMaxTime = 4'102'444'800'000;  // 2100-01-01, in epoch milliseconds

Result<Utility> UtilityField(const JsonBody& body) {
  auto code = body.String("utility", 20);
  if (!code) return Fail(code.error());
  auto utility = ParseUtility(*code);
  if (!utility) return Fail(Error::Invalid("utility", "unknown utility: " + *code));
  return *utility;
}

Result<std::vector<DailyWindow>> ReadWindows(const JsonBody& body) {
  auto items = body.Objects("windows", kMaxWindowsPerDay + 1);
  if (!items) return Fail(items.error());
  if (items->empty()) {
    auto capacity = body.OptionalInt("capacity", 1, kMaxSlotCapacity);
    if (!capacity) return Fail(capacity.error());
    if (!*capacity) return Fail(Error::Invalid("windows", "give windows, or a capacity"));
    return StandardWindows(static_cast<int>(**capacity));
  }
  std::vector<DailyWindow> windows;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const JsonBody& item = (*items)[i];
    DailyWindow w;
    for (auto [field, slot, max] : {std::tuple{"start_minute", &w.start_minute, 1439},
                                    std::tuple{"end_minute", &w.end_minute, 1440},
                                    std::tuple{"capacity", &w.capacity, kMaxSlotCapacity}}) {
      auto value = item.Int(field, field == std::string_view("capacity") ? 1 : 0, max);
      if (!value) return Fail(JsonBody::Within("windows", i, value.error()));
      *slot = static_cast<int>(*value);
    }
    windows.push_back(w);
  }
  return windows;
}

Result<SlotPlan> ReadSlotPlan(const JsonBody& body) {
  SlotPlan plan;
  for (auto [field, slot] :
       {std::pair{"team_id", &plan.team_id}, std::pair{"district_id", &plan.district_id}}) {
    auto value = body.Int(field, 1, INT64_MAX);
    if (!value) return Fail(value.error());
    *slot = *value;
  }
  auto utility = UtilityField(body);
  if (!utility) return Fail(utility.error());
  plan.utility = *utility;
  for (auto [field, slot] : {std::pair{"from", &plan.from}, std::pair{"to", &plan.to}}) {
    auto value = body.Int(field, 19700101, 21001231);
    if (!value) return Fail(value.error());
    *slot = static_cast<DateCode>(*value);
  }
  auto windows = ReadWindows(body);
  if (!windows) return Fail(windows.error());
  plan.windows = std::move(*windows);
  auto skip = body.OptionalBool("skip_non_working_days");
  if (!skip) return Fail(skip.error());
  plan.skip_non_working_days = skip->value_or(true);
  return plan;
}

Result<NewBooking> ReadBooking(const JsonBody& body) {
  NewBooking request;
  auto account_no = body.String("account_no", 32);
  if (!account_no) return Fail(account_no.error());
  request.account_no = std::move(*account_no);
  auto service = body.String("service", 60);
  if (!service) return Fail(service.error());
  request.service = std::move(*service);
  auto slot = body.Int("slot_id", 1, INT64_MAX);
  if (!slot) return Fail(slot.error());
  request.slot_id = *slot;
  for (auto [field, out, limit] : {std::tuple{"contact_name", &request.contact_name, 90},
                                   std::tuple{"contact_phone", &request.contact_phone, 32},
                                   std::tuple{"note", &request.note, 1000}}) {
    auto value = body.OptionalString(field, static_cast<std::size_t>(limit));
    if (!value) return Fail(value.error());
    *out = value->value_or("");
  }
  return request;
}

struct ChangeRequest {
  std::int64_t slot_id = 0;
  std::string note;
  std::optional<std::int64_t> version;
};

Result<ChangeRequest> ReadChange(const JsonBody& body, bool needs_slot) {
  ChangeRequest change;
  if (needs_slot) {
    auto slot = body.Int("slot_id", 1, INT64_MAX);
    if (!slot) return Fail(slot.error());
    change.slot_id = *slot;
  }
  auto note = body.OptionalString("note", 1000);
  if (!note) return Fail(note.error());
  change.note = note->value_or("");
  auto version = body.OptionalInt("version", 1, INT64_MAX);
  if (!version) return Fail(version.error());
  change.version = *version;
  return change;
}

struct PublicBookingRequest {
  std::string account_no;
  std::string phone_last4;
  std::string service;
  std::int64_t slot_id = 0;
};

Result<PublicBookingRequest> ReadPublicBooking(const JsonBody& body) {
  PublicBookingRequest request;
  auto account_no = body.String("account_no", 32);
  if (!account_no) return Fail(account_no.error());
  request.account_no = std::move(*account_no);
  auto last4 = body.String("phone_last4", 4);
  if (!last4) return Fail(last4.error());
  if (!IsPhoneLast4(*last4)) {
    return Fail(Error::Invalid("phone_last4", "the last four digits of the holder's phone"));
  }
  request.phone_last4 = std::move(*last4);
  auto service = body.String("service", 60);
  if (!service) return Fail(service.error());
  request.service = std::move(*service);
  auto slot = body.Int("slot_id", 1, INT64_MAX);
  if (!slot) return Fail(slot.error());
  request.slot_id = *slot;
  return request;
}

Result<std::optional<std::int64_t>> TimeQuery(const RouteContext& c, std::string_view name) {
  return IntQuery(c, name, 0, kMaxTime);
}

Result<SlotFilter> ReadSlotFilter(const RouteContext& c) {
  SlotFilter filter;
  auto district = IntQuery(c, "district_id", 1, INT64_MAX);
  if (!district) return Fail(district.error());
  filter.district_id = *district;
  auto team = IntQuery(c, "team_id", 1, INT64_MAX);
  if (!team) return Fail(team.error());
  filter.team_id = *team;
  if (auto utility = c.request.QueryParam("utility"); utility && !utility->empty()) {
    filter.utility = ParseUtility(*utility);
    if (!filter.utility) return Fail(Error::Invalid("utility", "unknown utility"));
  }
  auto from = TimeQuery(c, "from");
  if (!from) return Fail(from.error());
  filter.from = from->value_or(0);
  auto to = TimeQuery(c, "to");
  if (!to) return Fail(to.error());
  filter.to = to->value_or(0);
  filter.available_only = c.request.QueryParam("available").value_or("") == "true";
  auto limit = IntQuery(c, "limit", 1, 1000);
  if (!limit) return Fail(limit.error());
  filter.limit = limit->value_or(200);
  return filter;
}

Result<BookingFilter> ReadBookingFilter(const RouteContext& c) {
  BookingFilter filter;
  if (auto state = c.request.QueryParam("state"); state && !state->empty()) {
    filter.state = ParseBookingState(*state);
    if (!filter.state) return Fail(Error::Invalid("state", "unknown state"));
  }
  for (auto [name, slot] :
       {std::pair{"account_id", &filter.account_id}, std::pair{"customer_id", &filter.customer_id},
        std::pair{"district_id", &filter.district_id}, std::pair{"slot_id", &filter.slot_id},
        std::pair{"work_order_id", &filter.work_order_id}}) {
    auto value = IntQuery(c, name, 1, INT64_MAX);
    if (!value) return Fail(value.error());
    *slot = *value;
  }
  auto from = TimeQuery(c, "from");
  if (!from) return Fail(from.error());
  filter.from = from->value_or(0);
  auto to = TimeQuery(c, "to");
  if (!to) return Fail(to.error());
  filter.to = to->value_or(0);
  auto offset = IntQuery(c, "offset", 0, 1'000'000);
  if (!offset) return Fail(offset.error());
  filter.offset = offset->value_or(0);
  auto limit = IntQuery(c, "limit", 1, 200);
  if (!limit) return Fail(limit.error());
  filter.limit = limit->value_or(50);
  return filter;
}

Json CatalogJson(const ServiceCatalog& catalog) {
  Json items = Json::array();
  for (const HomeService& s : catalog.all()) items.push_back(HomeServiceJson(s));
  return {{"items", items}};
}

Json SlotsJson(const std::vector<AppointmentSlot>& slots) {
  Json items = Json::array();
  for (const AppointmentSlot& s : slots) items.push_back(SlotJson(s));
  return {{"items", items}};
}

Json PlanResultJson(const SlotPlanResult& result) {
  Json out = SlotsJson(result.slots);
  out["created"] = result.created;
  out["skipped"] = result.skipped;
  return out;
}

// A required query string of at most `max` bytes, the error naming it.
Result<std::string> TextQuery(const RouteContext& c, std::string_view name, std::size_t max) {
  auto value = c.request.QueryParam(name);
  if (!value || value->empty() || value->size() > max) {
    return Fail(Error::Invalid(std::string(name), std::string(name) + " is required"));
  }
  return std::string(*value);
}

void AddCatalogAndSlotRoutes(Router& router, AppointmentService& appointments) {
  const auto authed = RouteAccess::kAuthenticated;
  const auto worker = RouteExecution::kWorker;
  router.Add(Method::kGet, "/api/v1/appointment-services", authed, RouteExecution::kInline,
             [&appointments](RouteContext& c) {
               if (auto s = c.user().Require(Permission::kWorkOrderRead); !s) {
                 return ProblemFor(c, s.error());
               }
               return JsonOk(CatalogJson(appointments.catalog()));
             });
  router.Add(Method::kGet, "/api/v1/appointment-slots", authed, worker,
             [&appointments](RouteContext& c) {
               auto filter = ReadSlotFilter(c);
               if (!filter) return ProblemFor(c, filter.error());
               return Reply(c, appointments.ListSlots(c.user(), *filter), SlotsJson);
             });
  router.Add(Method::kPost, "/api/v1/appointment-slots", authed, worker,
             [&appointments](RouteContext& c) {
               return WithBody(c, ReadSlotPlan, [&](const SlotPlan& plan) {
                 return Reply(c, appointments.CreateSlots(c.user(), plan), PlanResultJson, 201);
               });
             });
  router.Add(Method::kGet, "/api/v1/appointment-availability", authed, worker,
             [&appointments](RouteContext& c) {
               auto service = TextQuery(c, "service", 60);
               if (!service) return ProblemFor(c, service.error());
               auto district = IntQuery(c, "district_id", 1, INT64_MAX);
               if (!district) return ProblemFor(c, district.error());
               if (!*district) {
                 return ProblemFor(c, Error::Invalid("district_id", "district_id is required"));
               }
               auto from = TimeQuery(c, "from");
               if (!from) return ProblemFor(c, from.error());
               auto to = TimeQuery(c, "to");
               if (!to) return ProblemFor(c, to.error());
               return Reply(c,
                            appointments.Available(c.user(), *service, **district,
                                                   from->value_or(0), to->value_or(0)),
                            AvailabilityJson);
             });
}

void AddBookingRoutes(Router& router, AppointmentService& appointments) {
  const auto authed = RouteAccess::kAuthenticated;
  const auto worker = RouteExecution::kWorker;
  router.Add(Method::kPost, "/api/v1/appointments", authed, worker,
             [&appointments](RouteContext& c) {
               return WithBody(c, ReadBooking, [&](const NewBooking& request) {
                 return Reply(c, appointments.Book(c.user(), request), BookingDetailJson, 201);
               });
             });
  router.Add(
      Method::kGet, "/api/v1/appointments", authed, worker, [&appointments](RouteContext& c) {
        auto filter = ReadBookingFilter(c);
        if (!filter) return ProblemFor(c, filter.error());
        return Reply(c, appointments.List(c.user(), *filter),
                     [&](const BookingPage& page) { return BookingPageJson(page, *filter); });
      });
  router.Add(Method::kGet, "/api/v1/appointments/{id}", authed, worker,
             [&appointments](RouteContext& c) {
               auto id = IdParam(c, "id");
               if (!id) return ProblemFor(c, id.error());
               return Reply(c, appointments.Get(c.user(), *id), BookingDetailJson);
             });
  router.Add(Method::kPost, "/api/v1/appointments/{id}/reschedule", authed, worker,
             [&appointments](RouteContext& c) {
               auto id = IdParam(c, "id");
               if (!id) return ProblemFor(c, id.error());
               auto read = [](const JsonBody& body) { return ReadChange(body, true); };
               return WithBody(c, read, [&](const ChangeRequest& change) {
                 return Reply(c,
                              appointments.Reschedule(c.user(), *id, change.slot_id, change.note,
                                                      change.version),
                              BookingDetailJson);
               });
             });
  router.Add(Method::kPost, "/api/v1/appointments/{id}/cancel", authed, worker,
             [&appointments](RouteContext& c) {
               auto id = IdParam(c, "id");
               if (!id) return ProblemFor(c, id.error());
               auto read = [](const JsonBody& body) { return ReadChange(body, false); };
               return WithBody(c, read, [&](const ChangeRequest& change) {
                 return Reply(c, appointments.Cancel(c.user(), *id, change.note, change.version),
                              BookingDetailJson);
               });
             });
  router.Add(Method::kGet, "/api/v1/work-orders/{id}/appointment", authed, worker,
             [&appointments](RouteContext& c) {
               auto id = IdParam(c, "id");
               if (!id) return ProblemFor(c, id.error());
               return Reply(c, appointments.ForWorkOrder(c.user(), *id), BookingDetailJson);
             });
}

// No login. The slots list says nothing about the account but that it exists; booking needs
// the last four digits of the holder's phone, and a wrong number or wrong digits get the same
// 404. The answers carry the window, the state and the tracking code, nothing personal.
void AddPublicAppointmentRoutes(Router& router, AppointmentService& appointments) {
  const auto open = RouteAccess::kPublic;
  const auto worker = RouteExecution::kWorker;
  router.Add(
      Method::kGet, "/api/v1/public/appointment-services", open, RouteExecution::kInline,
      [&appointments](RouteContext&) { return JsonOk(CatalogJson(appointments.catalog())); });
  router.Add(Method::kGet, "/api/v1/public/appointment-slots", open, worker,
             [&appointments](RouteContext& c) {
               auto service = TextQuery(c, "service", 60);
               if (!service) return ProblemFor(c, service.error());
               auto account_no = TextQuery(c, "account_no", 32);
               if (!account_no) return ProblemFor(c, account_no.error());
               return Reply(c, appointments.PublicAvailable(*account_no, *service),
                            PublicAvailabilityJson);
             });
  router.Add(
      Method::kPost, "/api/v1/public/appointments", open, worker, [&appointments](RouteContext& c) {
        return WithBody(c, ReadPublicBooking, [&](const PublicBookingRequest& r) {
          return Reply(c,
                       appointments.PublicBook(r.account_no, r.phone_last4, r.service, r.slot_id),
                       PublicBookingJson, 201);
        });
      });
}

}  // namespace

void AddAppointmentRoutes(Router& router, ApiDependencies& deps) {
  AddCatalogAndSlotRoutes(router, deps.appointments);
  AddBookingRoutes(router, deps.appointments);
  AddPublicAppointmentRoutes(router, deps.appointments);
}

}  // namespace lifeline::http
