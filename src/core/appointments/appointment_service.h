// Appointments (预约上门服务): the service catalog, slots with capacity per team and district,
// and bookings that each become a work order of type `appointment` in the same unit of work.
// Seats are taken by a conditional UPDATE inside the booking's transaction, so concurrent
// bookings never overbook. Every change writes its history row, an audit entry and an
// `appointment.*` event together. Design: docs/design/appointments.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/appointments/appointment.h"
#include "core/appointments/service_catalog.h"
#include "core/appointments/slot_plan.h"
#include "core/identity/principal.h"
#include "core/ports/appointment_repository.h"
#include "core/ports/clock.h"
#include "core/ports/store.h"
#include "core/workorders/work_order_listener.h"
#include "core/workorders/work_order_service.h"

namespace lifeline {

struct SlotPlanResult {
  std::int64_t created = 0;
  std::int64_t skipped = 0;  // already there (same team, district, utility and start)
  std::vector<AppointmentSlot> slots;
};

// A booking request: the account by id (staff) or by number (户号, staff and portal).
struct NewBooking {
  std::optional<std::int64_t> account_id{};
  std::string account_no{};
  std::string service;
  std::int64_t slot_id = 0;
  std::string contact_name{};   // default: the account holder
  std::string contact_phone{};  // default: the holder's first phone
  std::string note{};
};

struct BookingDetail {
  Booking booking;
  std::vector<BookingChange> history;
  std::string tracking_code;  // of the work order
  WorkOrderState order_state = WorkOrderState::kAccepted;
};

// What the portal shows for one service: slots, or the guidance when it needs papers.
struct Availability {
  const HomeService* service = nullptr;
  std::int64_t district_id = 0;
  std::vector<AppointmentSlot> slots;  // empty when the service is not bookable online
};

class AppointmentService final : public WorkOrderListener {
 public:
  AppointmentService(Store& store, const Clock& clock, WorkOrderService& orders,
                     const ServiceCatalog& catalog = DefaultServiceCatalog())
      : store_(store), clock_(clock), orders_(orders), catalog_(catalog) {}

  const ServiceCatalog& catalog() const { return catalog_; }
  // kInvalidArgument naming `field` for an unknown code.
  [[nodiscard]] Result<const HomeService*> Service(std::string_view code,
                                                   std::string_view field = "service") const;

  [[nodiscard]] Result<SlotPlanResult> CreateSlots(const Principal& actor, const SlotPlan& plan);
  [[nodiscard]] Result<std::vector<AppointmentSlot>> ListSlots(const Principal& actor,
                                                               SlotFilter filter);
  // Slots with a free seat for `service` in `district_id`, starting in [from, to). For a
  // service that needs papers: no slots, the guidance.
  [[nodiscard]] Result<Availability> Available(const Principal& actor, std::string_view service,
                                               std::int64_t district_id, TimeMs from, TimeMs to);

  [[nodiscard]] Result<BookingDetail> Book(const Principal& actor, const NewBooking& request);
  [[nodiscard]] Result<BookingDetail> Reschedule(const Principal& actor, std::int64_t id,
                                                 std::int64_t slot_id, std::string note,
                                                 std::optional<std::int64_t> expected_version);
  [[nodiscard]] Result<BookingDetail> Cancel(const Principal& actor, std::int64_t id,
                                             std::string note,
                                             std::optional<std::int64_t> expected_version);
  // kNotFound outside the caller's data scope.
  [[nodiscard]] Result<BookingDetail> Get(const Principal& actor, std::int64_t id);
  [[nodiscard]] Result<BookingDetail> ForWorkOrder(const Principal& actor,
                                                   std::int64_t work_order_id);
  [[nodiscard]] Result<BookingPage> List(const Principal& actor, BookingFilter filter);

  // The portal, no login. The account is checked with the last four digits of one of the
  // holder's phones; a wrong number or wrong digits is the same kNotFound.
  [[nodiscard]] Result<Availability> PublicAvailable(std::string_view account_no,
                                                     std::string_view service);
  [[nodiscard]] Result<BookingDetail> PublicBook(std::string_view account_no,
                                                 std::string_view phone_last4,
                                                 std::string_view service, std::int64_t slot_id);

  // WorkOrderListener: an appointment order resolved or closed completes its booking; one
  // cancelled or merged away cancels it and frees the seat.
  Status OnTransition(StoreSession& session, const Principal& actor, const WorkOrder& before,
                      const WorkOrder& after) override;

  // Who books through the portal: no user, just enough to create the order.
  static Principal Portal();

 private:
  Result<BookingDetail> BookIn(StoreSession& session, const Principal& actor,
                               const NewBooking& request, BookingChannel channel);
  Result<AppointmentSlot> CheckSlot(StoreSession& session, std::int64_t slot_id,
                                    const HomeService& service, std::int64_t district_id,
                                    std::string_view field) const;
  Status Record(StoreSession& session, const Principal& actor, const Booking& before,
                const Booking& after, std::string action, std::string_view event_type,
                std::optional<std::int64_t> from_slot, std::string note) const;
  Result<BookingDetail> Detail(StoreSession& session, Booking booking) const;

  Store& store_;
  const Clock& clock_;
  WorkOrderService& orders_;
  const ServiceCatalog& catalog_;
};

// Whether the principal's data scope reaches the booking's district.
bool InScope(const Principal& principal, const Booking& booking);

}  // namespace lifeline
