// The deadline settings of SqlWorkOrderRepository: the business calendar (one row and its
// dates) and the policies, replaced as a whole on save.
#include "adapters/storage/repositories/sql_work_order_repository.h"
#include "adapters/storage/sql_helpers.h"

namespace lifeline::storage {

namespace {

constexpr Query kCalendar{"work_order_calendar.get",
                          "SELECT open_minute, close_minute, weekdays, utc_offset"
                          " FROM work_order_calendar WHERE singleton = 1"};
constexpr Query kCalendarDates{"work_order_calendar_dates.all",
                               "SELECT date, kind FROM work_order_calendar_dates ORDER BY date"};
constexpr Query kPolicies{
    "work_order_deadline_policies.all",
    "SELECT category, priority, response_minutes, response_business, arrival_minutes,"
    " arrival_business, resolution_minutes, resolution_business"
    " FROM work_order_deadline_policies ORDER BY category, priority"};
constexpr Query kDeleteCalendar{"work_order_calendar.delete", "DELETE FROM work_order_calendar"};
constexpr Query kInsertCalendar{
    "work_order_calendar.insert",
    "INSERT INTO work_order_calendar (singleton, open_minute, close_minute, weekdays, utc_offset,"
    " updated_by, updated_at) VALUES (1, $1, $2, $3, $4, $5, $6)"};
constexpr Query kDeleteDates{"work_order_calendar_dates.delete",
                             "DELETE FROM work_order_calendar_dates"};
constexpr Query kInsertDate{"work_order_calendar_dates.insert",
                            "INSERT INTO work_order_calendar_dates (date, kind) VALUES ($1, $2)"};
constexpr Query kDeletePolicies{"work_order_deadline_policies.delete",
                                "DELETE FROM work_order_deadline_policies"};
constexpr Query kInsertPolicy{
    "work_order_deadline_policies.insert",
    "INSERT INTO work_order_deadline_policies (category, priority, response_minutes,"
    " response_business, arrival_minutes, arrival_business, resolution_minutes,"
    " resolution_business) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"};

Result<DeadlinePolicy> MapPolicy(const Row& row) {
  DeadlinePolicy p;
  p.category = row.Str(0);
  auto priority = ParsePriority(row.Text(1));
  if (!priority) return Fail(UnknownCode("priority", row.Text(1)));
  p.priority = *priority;
  p.response = {row.Int(2), row.Bool(3)};
  p.arrival = {row.Int(4), row.Bool(5)};
  p.resolution = {row.Int(6), row.Bool(7)};
  return p;
}

Status InsertDates(Connection& connection, const std::vector<DateCode>& dates,
                   std::string_view kind) {
  for (DateCode date : dates) {
    auto inserted = connection.Exec(kInsertDate, {static_cast<std::int64_t>(date), kind});
    if (!inserted) return Fail(inserted.error());
  }
  return Ok();
}

}  // namespace

Result<DeadlineSettings> SqlWorkOrderRepository::LoadSettings() {
  DeadlineSettings settings;
  BusinessCalendar& calendar = settings.calendar;
  Status read = connection_.Each(kCalendar, {}, [&](const Row& row) -> Status {
    calendar.open_minute = static_cast<int>(row.Int(0));
    calendar.close_minute = static_cast<int>(row.Int(1));
    calendar.weekdays = static_cast<int>(row.Int(2));
    calendar.utc_offset = row.Int(3);
    return Ok();
  });
  if (!read) return Fail(read.error());
  read = connection_.Each(kCalendarDates, {}, [&](const Row& row) -> Status {
    const auto date = static_cast<DateCode>(row.Int(0));
    if (row.Text(1) == "holiday") {
      calendar.holidays.push_back(date);
    } else {
      calendar.extra_workdays.push_back(date);
    }
    return Ok();
  });
  if (!read) return Fail(read.error());
  auto policies = FetchAll<DeadlinePolicy>(connection_, kPolicies, {}, MapPolicy);
  if (!policies) return Fail(policies.error());
  settings.policies = std::move(*policies);
  return settings;
}

Status SqlWorkOrderRepository::SaveSettings(const DeadlineSettings& settings, std::int64_t by,
                                            TimeMs at) {
  const BusinessCalendar& c = settings.calendar;
  for (const Query* clear : {&kDeleteCalendar, &kDeleteDates, &kDeletePolicies}) {
    if (auto done = connection_.Exec(*clear); !done) return Fail(done.error());
  }
  auto calendar = connection_.Exec(
      kInsertCalendar,
      {static_cast<std::int64_t>(c.open_minute), static_cast<std::int64_t>(c.close_minute),
       static_cast<std::int64_t>(c.weekdays), c.utc_offset, by, at});
  if (!calendar) return Fail(calendar.error());
  if (auto s = InsertDates(connection_, c.holidays, "holiday"); !s) return s;
  if (auto s = InsertDates(connection_, c.extra_workdays, "workday"); !s) return s;
  for (const DeadlinePolicy& p : settings.policies) {
    auto inserted = connection_.Exec(
        kInsertPolicy, {p.category, PriorityCode(p.priority), p.response.minutes,
                        p.response.business_time, p.arrival.minutes, p.arrival.business_time,
                        p.resolution.minutes, p.resolution.business_time});
    if (!inserted) return Fail(inserted.error());
  }
  return Ok();
}

}  // namespace lifeline::storage
