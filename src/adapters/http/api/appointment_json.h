// How home services, slots and appointments look in API responses. The public shapes carry no
// personal data: no names, phones, addresses or internal ids of customers and staff.
#pragma once

#include "adapters/http/api/api_support.h"
#include "core/appointments/appointment_service.h"

namespace lifeline::http {

Json HomeServiceJson(const HomeService& service);
Json SlotJson(const AppointmentSlot& slot);
Json AvailabilityJson(const Availability& availability);
Json BookingJson(const Booking& booking);
Json BookingDetailJson(const BookingDetail& detail);
Json BookingPageJson(const BookingPage& page, const BookingFilter& filter);

// For the portal: the service, the window, the state and the tracking code — nothing else.
Json PublicSlotJson(const AppointmentSlot& slot);
Json PublicAvailabilityJson(const Availability& availability);
Json PublicBookingJson(const BookingDetail& detail);

}  // namespace lifeline::http
