#include "adapters/storage/repositories/sql_appointment_repository.h"

#include <string>

#include "adapters/storage/sql_helpers.h"

namespace lifeline::storage {

namespace {

#define LIFELINE_SLOT_COLUMNS                                                             \
  "id, team_id, district_id, utility, starts_at, ends_at, capacity, booked, created_by, " \
  "created_at"

constexpr Query kInsertSlot{
    "appointment_slots.insert",
    "INSERT INTO appointment_slots (team_id, district_id, utility, starts_at, ends_at, capacity,"
    " booked, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, 0, $7, $8)"
    " ON CONFLICT (team_id, district_id, utility, starts_at) DO NOTHING RETURNING id"};
constexpr Query kSlotById{"appointment_slots.by_id",
                          "SELECT " LIFELINE_SLOT_COLUMNS " FROM appointment_slots WHERE id = $1"};
constexpr Query kListSlots{
    "appointment_slots.list",
    "SELECT " LIFELINE_SLOT_COLUMNS
    " FROM appointment_slots WHERE (district_id = $1 OR $1 = 0) AND ($2 = '' OR utility = $2)"
    " AND (team_id = $3 OR $3 = 0) AND starts_at >= $4 AND (starts_at < $5 OR $5 = 0)"
    " AND ($6 = 0 OR booked < capacity) AND ends_at - starts_at >= $7"
    " AND ($8 = 0 OR $9 LIKE ('%,' || district_id || ',%'))"
    " ORDER BY starts_at, district_id, team_id, id LIMIT $10"};
// The seat is taken only while one is left: under concurrency the row lock orders the
// updates, and the loser sees booked = capacity and changes nothing.
constexpr Query kTakeSeat{
    "appointment_slots.take_seat",
    "UPDATE appointment_slots SET booked = booked + 1 WHERE id = $1 AND booked < capacity"};
constexpr Query kFreeSeat{
    "appointment_slots.free_seat",
    "UPDATE appointment_slots SET booked = booked - 1 WHERE id = $1 AND booked > 0"};

#define LIFELINE_BOOKING_COLUMNS                                                            \
  "id, slot_id, service, state, channel, customer_id, account_id, account_no, district_id," \
  " team_id, work_order_id, starts_at, ends_at, note, reschedule_count, created_by,"        \
  " created_at, updated_at, version"

#define LIFELINE_BOOKING_FILTER                                                          \
  " WHERE ($1 = '' OR state = $1) AND (account_id = $2 OR $2 = 0)"                       \
  " AND (customer_id = $3 OR $3 = 0) AND (district_id = $4 OR $4 = 0)"                   \
  " AND (slot_id = $5 OR $5 = 0) AND (work_order_id = $6 OR $6 = 0) AND starts_at >= $7" \
  " AND (starts_at < $8 OR $8 = 0) AND ($9 = 0 OR $10 LIKE ('%,' || district_id || ',%'))"

constexpr Query kInsertBooking{
    "appointments.insert",
    "INSERT INTO appointments (slot_id, service, state, channel, customer_id, account_id,"
    " account_no, district_id, team_id, work_order_id, starts_at, ends_at, note,"
    " reschedule_count, created_by, created_at, updated_at, version) VALUES ($1, $2, $3, $4, $5,"
    " $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id"};
constexpr Query kBookingById{"appointments.by_id",
                             "SELECT " LIFELINE_BOOKING_COLUMNS " FROM appointments WHERE id = $1"};
constexpr Query kBookingByOrder{"appointments.by_work_order",
                                "SELECT " LIFELINE_BOOKING_COLUMNS
                                " FROM appointments WHERE work_order_id = $1"};
constexpr Query kUpdateBooking{
    "appointments.update",
    "UPDATE appointments SET slot_id = $2, state = $3, team_id = $4, starts_at = $5,"
    " ends_at = $6, note = $7, reschedule_count = $8, updated_at = $9, version = $10"
    " WHERE id = $1 AND version = $11"};
constexpr Query kListBookings{"appointments.list", "SELECT " LIFELINE_BOOKING_COLUMNS
                                                   " FROM appointments" LIFELINE_BOOKING_FILTER
                                                   " ORDER BY starts_at, id LIMIT $11 OFFSET $12"};
constexpr Query kCountBookings{"appointments.count",
                               "SELECT COUNT(*) FROM appointments" LIFELINE_BOOKING_FILTER};

constexpr Query kInsertChange{
    "appointment_changes.insert",
    "INSERT INTO appointment_changes (appointment_id, at, actor_id, actor_name, action,"
    " from_slot_id, to_slot_id, starts_at, ends_at, note) VALUES ($1, $2, $3, $4, $5, $6, $7,"
    " $8, $9, $10) RETURNING id"};
constexpr Query kChanges{
    "appointment_changes.of",
    "SELECT id, appointment_id, at, actor_id, actor_name, action, from_slot_id, to_slot_id,"
    " starts_at, ends_at, note FROM appointment_changes WHERE appointment_id = $1 ORDER BY id"};

#undef LIFELINE_SLOT_COLUMNS
#undef LIFELINE_BOOKING_COLUMNS
#undef LIFELINE_BOOKING_FILTER

Result<AppointmentSlot> MapSlot(const Row& row) {
  AppointmentSlot s;
  s.id = row.Int(0);
  s.team_id = row.Int(1);
  s.district_id = row.Int(2);
  auto utility = ParseUtility(row.Text(3));
  if (!utility) return Fail(UnknownCode("utility", row.Text(3)));
  s.utility = *utility;
  s.starts_at = row.Int(4);
  s.ends_at = row.Int(5);
  s.capacity = static_cast<int>(row.Int(6));
  s.booked = static_cast<int>(row.Int(7));
  s.created_by = row.Int(8);
  s.created_at = row.Int(9);
  return s;
}

Result<Booking> MapBooking(const Row& row) {
  Booking b;
  b.id = row.Int(0);
  b.slot_id = row.Int(1);
  b.service = row.Str(2);
  auto state = ParseBookingState(row.Text(3));
  if (!state) return Fail(UnknownCode("appointment state", row.Text(3)));
  b.state = *state;
  auto channel = ParseBookingChannel(row.Text(4));
  if (!channel) return Fail(UnknownCode("appointment channel", row.Text(4)));
  b.channel = *channel;
  b.customer_id = row.Int(5);
  b.account_id = row.Int(6);
  b.account_no = row.Str(7);
  b.district_id = row.Int(8);
  b.team_id = row.Int(9);
  b.work_order_id = row.Int(10);
  b.starts_at = row.Int(11);
  b.ends_at = row.Int(12);
  b.note = row.Str(13);
  b.reschedule_count = static_cast<int>(row.Int(14));
  b.created_by = row.Int(15);
  b.created_at = row.Int(16);
  b.updated_at = row.Int(17);
  b.version = row.Int(18);
  return b;
}

Result<BookingChange> MapChange(const Row& row) {
  BookingChange c;
  c.id = row.Int(0);
  c.booking_id = row.Int(1);
  c.at = row.Int(2);
  c.actor_id = row.Int(3);
  c.actor_name = row.Str(4);
  c.action = row.Str(5);
  c.from_slot_id = row.OptInt(6);
  c.to_slot_id = row.Int(7);
  c.starts_at = row.Int(8);
  c.ends_at = row.Int(9);
  c.note = row.Str(10);
  return c;
}

std::string DistrictList(const std::vector<std::int64_t>& ids) {
  std::string list = ",";
  for (std::int64_t id : ids) list += std::to_string(id) + ",";
  return list;
}

std::int64_t OrZero(const std::optional<std::int64_t>& value) {
  return value.value_or(0);
}

}  // namespace

Result<std::optional<std::int64_t>> SqlAppointmentRepository::InsertSlot(const AppointmentSlot& s) {
  std::optional<std::int64_t> id;
  Status inserted =
      connection_.Each(kInsertSlot,
                       {s.team_id, s.district_id, UtilityCode(s.utility), s.starts_at, s.ends_at,
                        static_cast<std::int64_t>(s.capacity), s.created_by, s.created_at},
                       [&](const Row& row) -> Status {
                         id = row.Int(0);
                         return Ok();
                       });
  if (!inserted) return Fail(inserted.error());
  return id;
}

Result<AppointmentSlot> SqlAppointmentRepository::FindSlot(std::int64_t id) {
  return FetchOne<AppointmentSlot>(connection_, kSlotById, {id}, MapSlot, "appointment slot");
}

Result<std::vector<AppointmentSlot>> SqlAppointmentRepository::ListSlots(const SlotFilter& f) {
  const std::string utility = f.utility ? std::string(UtilityCode(*f.utility)) : std::string();
  const std::string districts = DistrictList(f.district_ids);
  return FetchAll<AppointmentSlot>(
      connection_, kListSlots,
      {OrZero(f.district_id), utility, OrZero(f.team_id), f.from, f.to, f.available_only ? 1 : 0,
       static_cast<std::int64_t>(f.min_minutes) * kMinuteMs, f.restricted ? 1 : 0, districts,
       f.limit},
      MapSlot);
}

Result<bool> SqlAppointmentRepository::TakeSeat(std::int64_t slot_id) {
  auto changed = connection_.Exec(kTakeSeat, {slot_id});
  if (!changed) return Fail(changed.error());
  return *changed == 1;
}

Status SqlAppointmentRepository::FreeSeat(std::int64_t slot_id) {
  auto changed = connection_.Exec(kFreeSeat, {slot_id});
  if (!changed) return Fail(changed.error());
  return Ok();
}

Result<std::int64_t> SqlAppointmentRepository::InsertBooking(const Booking& b) {
  return InsertReturningId(
      connection_, kInsertBooking,
      {b.slot_id, b.service, BookingStateCode(b.state), BookingChannelCode(b.channel),
       b.customer_id, b.account_id, b.account_no, b.district_id, b.team_id, b.work_order_id,
       b.starts_at, b.ends_at, b.note, static_cast<std::int64_t>(b.reschedule_count), b.created_by,
       b.created_at, b.updated_at, b.version});
}

Result<Booking> SqlAppointmentRepository::FindBooking(std::int64_t id) {
  return FetchOne<Booking>(connection_, kBookingById, {id}, MapBooking, "appointment");
}

Result<Booking> SqlAppointmentRepository::FindBookingByWorkOrder(std::int64_t work_order_id) {
  return FetchOne<Booking>(connection_, kBookingByOrder, {work_order_id}, MapBooking,
                           "appointment");
}

Status SqlAppointmentRepository::UpdateBooking(const Booking& b, std::int64_t expected_version) {
  auto changed = connection_.Exec(
      kUpdateBooking,
      {b.id, b.slot_id, BookingStateCode(b.state), b.team_id, b.starts_at, b.ends_at, b.note,
       static_cast<std::int64_t>(b.reschedule_count), b.updated_at, b.version, expected_version});
  if (!changed) return Fail(changed.error());
  if (*changed == 0) {
    return Fail(Error::Conflict("the appointment was changed by someone else; reload it"));
  }
  return Ok();
}

Result<BookingPage> SqlAppointmentRepository::ListBookings(const BookingFilter& f) {
  const std::string state = f.state ? std::string(BookingStateCode(*f.state)) : std::string();
  const std::string districts = DistrictList(f.district_ids);
  BookingPage page;
  auto items = FetchAll<Booking>(
      connection_, kListBookings,
      {state, OrZero(f.account_id), OrZero(f.customer_id), OrZero(f.district_id), OrZero(f.slot_id),
       OrZero(f.work_order_id), f.from, f.to, f.restricted ? 1 : 0, districts, f.limit, f.offset},
      MapBooking);
  if (!items) return Fail(items.error());
  page.items = std::move(*items);
  Status counted = connection_.Each(
      kCountBookings,
      {state, OrZero(f.account_id), OrZero(f.customer_id), OrZero(f.district_id), OrZero(f.slot_id),
       OrZero(f.work_order_id), f.from, f.to, f.restricted ? 1 : 0, districts},
      [&](const Row& row) -> Status {
        page.total = row.Int(0);
        return Ok();
      });
  if (!counted) return Fail(counted.error());
  return page;
}

Result<std::int64_t> SqlAppointmentRepository::AppendChange(const BookingChange& c) {
  return InsertReturningId(connection_, kInsertChange,
                           {c.booking_id, c.at, c.actor_id, c.actor_name, c.action, c.from_slot_id,
                            c.to_slot_id, c.starts_at, c.ends_at, c.note});
}

Result<std::vector<BookingChange>> SqlAppointmentRepository::Changes(std::int64_t booking_id) {
  return FetchAll<BookingChange>(connection_, kChanges, {booking_id}, MapChange);
}

}  // namespace lifeline::storage
