#include "adapters/storage/repositories/sql_day_plan_repository.h"

#include "adapters/storage/sql_helpers.h"

namespace lifeline::storage {

namespace {

using dispatch::PlanRoute;
using dispatch::PlanStop;
using dispatch::StoredDayPlan;

constexpr Query kUpsert{"day_plans.upsert",
                        "INSERT INTO day_plans (team_id, day, revision, planned_by, planned_at, km)"
                        " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (team_id, day) DO UPDATE SET"
                        " revision = excluded.revision, planned_by = excluded.planned_by,"
                        " planned_at = excluded.planned_at, km = excluded.km RETURNING id"};
constexpr Query kDeleteRoutes{"day_plans.delete_routes",
                              "DELETE FROM day_plan_routes WHERE plan_id = $1"};
constexpr Query kDeleteStops{"day_plans.delete_stops",
                             "DELETE FROM day_plan_stops WHERE plan_id = $1"};
constexpr Query kInsertRoute{
    "day_plans.insert_route",
    "INSERT INTO day_plan_routes (plan_id, user_id, departure_minute, return_minute, break_start,"
    " break_minutes, km) VALUES ($1, $2, $3, $4, $5, $6, $7)"};
constexpr Query kInsertStop{
    "day_plans.insert_stop",
    "INSERT INTO day_plan_stops (plan_id, work_order_id, user_id, sequence, arrival_minute,"
    " start_minute, end_minute, window_start, window_end, x_km, y_km, duration_minutes, trade,"
    " booked, reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)"};
constexpr Query kFind{"day_plans.find",
                      "SELECT id, team_id, day, revision, planned_by, planned_at, km"
                      " FROM day_plans WHERE team_id = $1 AND day = $2"};
constexpr Query kRoutes{
    "day_plans.routes",
    "SELECT r.user_id, u.display_name, r.departure_minute, r.return_minute, r.break_start,"
    " r.break_minutes, r.km FROM day_plan_routes r JOIN users u ON u.id = r.user_id"
    " WHERE r.plan_id = $1 ORDER BY r.user_id"};
#define LIFELINE_STOP_COLUMNS                                                               \
  "s.work_order_id, s.user_id, s.sequence, s.arrival_minute, s.start_minute, s.end_minute," \
  " s.window_start, s.window_end, s.x_km, s.y_km, s.duration_minutes, s.trade, s.booked,"   \
  " s.reason"
constexpr Query kStops{"day_plans.stops",
                       "SELECT " LIFELINE_STOP_COLUMNS
                       " FROM day_plan_stops s WHERE s.plan_id = $1"
                       " ORDER BY CASE WHEN s.user_id IS NULL THEN 1 ELSE 0 END, s.user_id,"
                       " s.sequence, s.work_order_id"};
constexpr Query kStopsOf{
    "day_plans.stops_of",
    "SELECT " LIFELINE_STOP_COLUMNS
    " FROM day_plan_stops s JOIN day_plans p ON p.id = s.plan_id"
    " WHERE s.user_id = $1 AND p.day = $2 ORDER BY s.start_minute, s.sequence"};
constexpr Query kPlannedStop{"day_plans.planned_stop",
                             "SELECT " LIFELINE_STOP_COLUMNS
                             ", p.day, p.team_id"
                             " FROM day_plan_stops s JOIN day_plans p ON p.id = s.plan_id"
                             " WHERE s.work_order_id = $1 AND s.user_id IS NOT NULL"
                             " ORDER BY p.day DESC LIMIT 1"};
#undef LIFELINE_STOP_COLUMNS

Result<PlanStop> MapStop(const Row& row) {
  PlanStop s;
  s.order_id = row.Int(0);
  s.user_id = row.OptInt(1);
  s.sequence = static_cast<int>(row.Int(2));
  s.arrival_minute = static_cast<int>(row.Int(3));
  s.start_minute = static_cast<int>(row.Int(4));
  s.end_minute = static_cast<int>(row.Int(5));
  s.window_start_minute = static_cast<int>(row.Int(6));
  s.window_end_minute = static_cast<int>(row.Int(7));
  s.location = {row.Real(8), row.Real(9)};
  s.duration_minutes = static_cast<int>(row.Int(10));
  auto trade = dispatch::ParseTrade(row.Text(11));
  if (!trade) return Fail(UnknownCode("trade", row.Text(11)));
  s.trade = *trade;
  s.booked = row.Bool(12);
  s.reason = row.Str(13);
  return s;
}

Result<PlanRoute> MapRoute(const Row& row) {
  PlanRoute r;
  r.user_id = row.Int(0);
  r.name = row.Str(1);
  r.departure_minute = static_cast<int>(row.Int(2));
  r.return_minute = static_cast<int>(row.Int(3));
  if (!row.IsNull(4)) r.break_start_minute = static_cast<int>(row.Int(4));
  r.break_minutes = static_cast<int>(row.Int(5));
  r.km = row.Real(6);
  return r;
}

}  // namespace

Result<std::int64_t> SqlDayPlanRepository::Save(const StoredDayPlan& plan) {
  auto id = InsertReturningId(
      connection_, kUpsert,
      {plan.team_id, plan.day, plan.revision, plan.planned_by, plan.planned_at, plan.km});
  if (!id) return Fail(id.error());
  if (auto s = connection_.Exec(kDeleteRoutes, {*id}); !s) return Fail(s.error());
  if (auto s = connection_.Exec(kDeleteStops, {*id}); !s) return Fail(s.error());
  for (const PlanRoute& r : plan.routes) {
    const std::optional<std::int64_t> break_start =
        r.break_start_minute ? std::optional<std::int64_t>(*r.break_start_minute) : std::nullopt;
    auto added = connection_.Exec(
        kInsertRoute,
        {*id, r.user_id, r.departure_minute, r.return_minute, break_start, r.break_minutes, r.km});
    if (!added) return Fail(added.error());
  }
  for (const PlanStop& s : plan.stops) {
    auto added = connection_.Exec(
        kInsertStop,
        {*id, s.order_id, s.user_id, s.sequence, s.arrival_minute, s.start_minute, s.end_minute,
         s.window_start_minute, s.window_end_minute, s.location.x, s.location.y, s.duration_minutes,
         dispatch::TradeCode(s.trade), s.booked, s.reason});
    if (!added) return Fail(added.error());
  }
  return *id;
}

Result<std::optional<StoredDayPlan>> SqlDayPlanRepository::Find(std::int64_t team_id, int day) {
  auto plans = FetchAll<StoredDayPlan>(connection_, kFind, {team_id, day},
                                       [](const Row& row) -> Result<StoredDayPlan> {
                                         StoredDayPlan p;
                                         p.id = row.Int(0);
                                         p.team_id = row.Int(1);
                                         p.day = static_cast<int>(row.Int(2));
                                         p.revision = static_cast<int>(row.Int(3));
                                         p.planned_by = row.Int(4);
                                         p.planned_at = row.Int(5);
                                         p.km = row.Real(6);
                                         return p;
                                       });
  if (!plans) return Fail(plans.error());
  if (plans->empty()) return std::optional<StoredDayPlan>();
  StoredDayPlan plan = std::move(plans->front());
  auto routes = FetchAll<PlanRoute>(connection_, kRoutes, {plan.id}, MapRoute);
  if (!routes) return Fail(routes.error());
  plan.routes = std::move(*routes);
  auto stops = FetchAll<PlanStop>(connection_, kStops, {plan.id}, MapStop);
  if (!stops) return Fail(stops.error());
  plan.stops = std::move(*stops);
  return std::optional<StoredDayPlan>(std::move(plan));
}

Result<std::vector<PlanStop>> SqlDayPlanRepository::StopsOf(std::int64_t user_id, int day) {
  return FetchAll<PlanStop>(connection_, kStopsOf, {user_id, day}, MapStop);
}

Result<std::optional<DatedStop>> SqlDayPlanRepository::PlannedStopFor(std::int64_t order_id) {
  auto found = FetchAll<DatedStop>(
      connection_, kPlannedStop, {order_id}, [](const Row& row) -> Result<DatedStop> {
        auto stop = MapStop(row);
        if (!stop) return Fail(stop.error());
        return DatedStop{static_cast<int>(row.Int(14)), row.Int(15), std::move(*stop)};
      });
  if (!found) return Fail(found.error());
  if (found->empty()) return std::optional<DatedStop>();
  return std::optional<DatedStop>(std::move(found->front()));
}

}  // namespace lifeline::storage
