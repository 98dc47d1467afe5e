// Appointment slots, bookings and their history. Plain storage: the rules live in
// AppointmentService (docs/design/appointments.md). Seats are taken with one conditional
// UPDATE (booked < capacity), so two bookings racing for the last seat cannot both win.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/appointments/appointment.h"
#include "core/common/error.h"

namespace lifeline {

struct SlotFilter {
  std::optional<std::int64_t> district_id{};
  std::optional<Utility> utility{};
  std::optional<std::int64_t> team_id{};
  TimeMs from = 0;  // starts at or after
  TimeMs to = 0;    // starts before; 0: no limit
  bool available_only = false;
  int min_minutes = 0;      // windows at least this long
  bool restricted = false;  // the caller's data scope: these districts only
  std::vector<std::int64_t> district_ids{};
  std::int64_t limit = 200;
};

struct BookingFilter {
  std::optional<BookingState> state{};
  std::optional<std::int64_t> account_id{};
  std::optional<std::int64_t> customer_id{};
  std::optional<std::int64_t> district_id{};
  std::optional<std::int64_t> slot_id{};
  std::optional<std::int64_t> work_order_id{};
  TimeMs from = 0;  // window starts at or after
  TimeMs to = 0;    // window starts before; 0: no limit
  bool restricted = false;
  std::vector<std::int64_t> district_ids{};
  std::int64_t offset = 0;
  std::int64_t limit = 50;
};

struct BookingPage {
  std::vector<Booking> items;
  std::int64_t total = 0;
};

class AppointmentRepository {
 public:
  virtual ~AppointmentRepository() = default;

  // The new id, or nullopt when a slot for the same team, district, utility and start exists.
  virtual Result<std::optional<std::int64_t>> InsertSlot(const AppointmentSlot& slot) = 0;
  virtual Result<AppointmentSlot> FindSlot(std::int64_t id) = 0;
  // Soonest first.
  virtual Result<std::vector<AppointmentSlot>> ListSlots(const SlotFilter& filter) = 0;
  // One seat more if one is left: false (nothing written) when the slot is full.
  virtual Result<bool> TakeSeat(std::int64_t slot_id) = 0;
  // One seat less (never below zero).
  virtual Status FreeSeat(std::int64_t slot_id) = 0;

  virtual Result<std::int64_t> InsertBooking(const Booking& booking) = 0;
  virtual Result<Booking> FindBooking(std::int64_t id) = 0;
  virtual Result<Booking> FindBookingByWorkOrder(std::int64_t work_order_id) = 0;
  // Writes the mutable fields and the new version if the stored version is still
  // `expected_version`; kConflict (nothing written) otherwise.
  virtual Status UpdateBooking(const Booking& booking, std::int64_t expected_version) = 0;
  // Soonest window first.
  virtual Result<BookingPage> ListBookings(const BookingFilter& filter) = 0;
  virtual Result<std::int64_t> AppendChange(const BookingChange& change) = 0;
  // Oldest first.
  virtual Result<std::vector<BookingChange>> Changes(std::int64_t booking_id) = 0;
};

}  // namespace lifeline
