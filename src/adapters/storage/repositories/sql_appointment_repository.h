// Appointment slots, bookings and their history over SQL (migration 006_appointments.sql).
#pragma once

#include "adapters/storage/db.h"
#include "core/ports/appointment_repository.h"

namespace lifeline::storage {

class SqlAppointmentRepository final : public AppointmentRepository {
 public:
  explicit SqlAppointmentRepository(Connection& connection) : connection_(connection) {}

  Result<std::optional<std::int64_t>> InsertSlot(const AppointmentSlot& slot) override;
  Result<AppointmentSlot> FindSlot(std::int64_t id) override;
  Result<std::vector<AppointmentSlot>> ListSlots(const SlotFilter& filter) override;
  Result<bool> TakeSeat(std::int64_t slot_id) override;
  Status FreeSeat(std::int64_t slot_id) override;

  Result<std::int64_t> InsertBooking(const Booking& booking) override;
  Result<Booking> FindBooking(std::int64_t id) override;
  Result<Booking> FindBookingByWorkOrder(std::int64_t work_order_id) override;
  Status UpdateBooking(const Booking& booking, std::int64_t expected_version) override;
  Result<BookingPage> ListBookings(const BookingFilter& filter) override;
  Result<std::int64_t> AppendChange(const BookingChange& change) override;
  Result<std::vector<BookingChange>> Changes(std::int64_t booking_id) override;

 private:
  Connection& connection_;
};

}  // namespace lifeline::storage
