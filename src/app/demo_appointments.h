// The demo city's appointment slots and a handful of bookings (docs/design/appointments.md,
// "Demo data"), made through AppointmentService like any other.
#pragma once

#include "app/demo_seeder.h"
#include "app/runtime.h"

namespace lifeline::app {

// Slots for the next 14 days (working days, four windows) for each branch, each district it
// serves and each utility; then a few bookings of the first customers by agent01.
[[nodiscard]] Status AddDemoAppointments(Runtime& runtime, SeedReport& report);

}  // namespace lifeline::app
