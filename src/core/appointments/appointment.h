// Appointment slots and bookings (预约). A slot is a time window in which one team (an org
// unit) can visit `capacity` homes of one utility in one district; a booking takes one seat of
// a slot for an account and a home service and becomes a work order of type `appointment`.
// Design: docs/design/appointments.md.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/common/error.h"
#include "core/common/time.h"
#include "core/customers/customer.h"

namespace lifeline {

struct AppointmentSlot {
  std::int64_t id = 0;
  std::int64_t team_id = 0;      // the org unit that sends someone
  std::int64_t district_id = 0;  // the area it serves in this window
  Utility utility = Utility::kGas;
  TimeMs starts_at = 0;
  TimeMs ends_at = 0;
  int capacity = 0;
  int booked = 0;  // seats taken by bookings that are not cancelled
  std::int64_t created_by = 0;
  TimeMs created_at = 0;

  int remaining() const { return capacity > booked ? capacity - booked : 0; }
};

// Rescheduled is not a state: a rescheduled booking is booked, with the move in its history.
enum class BookingState {
  kBooked,     // 已预约
  kCancelled,  // 已取消
  kDone,       // 已完成: the work order was resolved or closed
};

enum class BookingEvent {
  kReschedule,  // 改约: another slot
  kCancel,      // 取消
  kComplete,    // the work order was resolved or closed
};

inline constexpr std::array kAllBookingStates{BookingState::kBooked, BookingState::kCancelled,
                                              BookingState::kDone};
inline constexpr std::array kAllBookingEvents{BookingEvent::kReschedule, BookingEvent::kCancel,
                                              BookingEvent::kComplete};

std::string_view BookingStateCode(BookingState state);
std::optional<BookingState> ParseBookingState(std::string_view code);
std::string_view BookingEventCode(BookingEvent event);
// "appointment.rescheduled", "appointment.cancelled", "appointment.done"
std::string_view BookingEventType(BookingEvent event);

// The one transition table: the state after `event`, or kConflict naming the current state.
Result<BookingState> Transition(BookingState from, BookingEvent event);

// How a booking was made.
enum class BookingChannel { kStaff, kPortal };
std::string_view BookingChannelCode(BookingChannel channel);
std::optional<BookingChannel> ParseBookingChannel(std::string_view code);

struct Booking {
  std::int64_t id = 0;
  std::int64_t slot_id = 0;
  std::string service;  // HomeService::code
  BookingState state = BookingState::kBooked;
  BookingChannel channel = BookingChannel::kStaff;
  std::int64_t customer_id = 0;
  std::int64_t account_id = 0;
  std::string account_no;
  std::int64_t district_id = 0;
  std::int64_t team_id = 0;
  std::int64_t work_order_id = 0;
  TimeMs starts_at = 0;  // the window booked, copied from the slot
  TimeMs ends_at = 0;
  std::string note;
  int reschedule_count = 0;
  std::int64_t created_by = 0;
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
  std::int64_t version = 1;
};

// One line of a booking's history: booked, rescheduled (from one window to another),
// cancelled, done.
struct BookingChange {
  std::int64_t id = 0;
  std::int64_t booking_id = 0;
  TimeMs at = 0;
  std::int64_t actor_id = 0;  // 0: the portal or the system
  std::string actor_name;
  std::string action;  // "book" or a BookingEventCode
  std::optional<std::int64_t> from_slot_id{};
  std::int64_t to_slot_id = 0;
  TimeMs starts_at = 0;  // the window after the change
  TimeMs ends_at = 0;
  std::string note;
};

// "2026-12-03 09:00–11:00" in local time.
std::string WindowText(TimeMs starts_at, TimeMs ends_at, TimeMs utc_offset = 8 * kHourMs);

}  // namespace lifeline
