#include "core/appointments/appointment.h"

#include <cstdio>

#include "core/common/civil_time.h"
#include "core/common/enum_codes.h"

namespace lifeline {

std::string_view BookingStateCode(BookingState state) {
  switch (state) {
    case BookingState::kBooked:
      return "booked";
    case BookingState::kCancelled:
      return "cancelled";
    case BookingState::kDone:
      return "done";
  }
  return "";
}

std::optional<BookingState> ParseBookingState(std::string_view code) {
  return ParseEnumCode(kAllBookingStates, code, BookingStateCode);
}

std::string_view BookingEventCode(BookingEvent event) {
  switch (event) {
    case BookingEvent::kReschedule:
      return "reschedule";
    case BookingEvent::kCancel:
      return "cancel";
    case BookingEvent::kComplete:
      return "complete";
  }
  return "";
}

std::string_view BookingEventType(BookingEvent event) {
  switch (event) {
    case BookingEvent::kReschedule:
      return "appointment.rescheduled";
    case BookingEvent::kCancel:
      return "appointment.cancelled";
    case BookingEvent::kComplete:
      return "appointment.done";
  }
  return "";
}

Result<BookingState> Transition(BookingState from, BookingEvent event) {
  switch (from) {
    case BookingState::kBooked:
      switch (event) {
        case BookingEvent::kReschedule:
          return BookingState::kBooked;
        case BookingEvent::kCancel:
          return BookingState::kCancelled;
        case BookingEvent::kComplete:
          return BookingState::kDone;
      }
      break;
    case BookingState::kCancelled:
    case BookingState::kDone:
      break;
  }
  return Fail(Error::Conflict("cannot " + std::string(BookingEventCode(event)) +
                              " an appointment that is " + std::string(BookingStateCode(from))));
}

std::string_view BookingChannelCode(BookingChannel channel) {
  switch (channel) {
    case BookingChannel::kStaff:
      return "staff";
    case BookingChannel::kPortal:
      return "portal";
  }
  return "";
}

std::optional<BookingChannel> ParseBookingChannel(std::string_view code) {
  static constexpr std::array kAll{BookingChannel::kStaff, BookingChannel::kPortal};
  return ParseEnumCode(kAll, code, BookingChannelCode);
}

std::string WindowText(TimeMs starts_at, TimeMs ends_at, TimeMs utc_offset) {
  const LocalDate day = ToLocalDate(starts_at, utc_offset);
  const TimeMs start_ms = starts_at - FromLocalDate(day, 0, utc_offset);
  const TimeMs end_ms = ends_at - FromLocalDate(day, 0, utc_offset);
  char text[64];
  std::snprintf(
      text, sizeof text, "%04d-%02d-%02d %02d:%02d–%02d:%02d", day.year, day.month, day.day,
      static_cast<int>(start_ms / kHourMs), static_cast<int>(start_ms % kHourMs / kMinuteMs),
      static_cast<int>(end_ms / kHourMs % 100), static_cast<int>(end_ms % kHourMs / kMinuteMs));
  return text;
}

}  // namespace lifeline
