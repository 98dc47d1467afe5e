// Stored day plans: plan a team's day over its real work orders, read it, check and apply a
// move, and the technician's own stops. docs/design/dispatch.md ("The stored day plan").
#include "adapters/http/api/api_support.h"
#include "adapters/http/api/routes.h"
#include "adapters/http/json_body.h"
#include "core/dispatch/field/day_plan_service.h"

namespace lifeline::http {

namespace {

using dispatch::DayPlanService;
using dispatch::DayPlanView;
using dispatch::PlanStop;

Result<int> DayOf(std::optional<std::string_view> text, bool required) {
  if (!text) {
    if (required) return Fail(Error::Invalid("date", "date is required (YYYY-MM-DD)"));
    return 0;
  }
  auto day = dispatch::ParseDayCode(*text);
  if (!day) return Fail(Error::Invalid("date", "date must be a calendar day as YYYY-MM-DD"));
  return *day;
}

Json OptMinute(const std::optional<int>& minute) {
  return minute ? Json(*minute) : Json(nullptr);
}

Json StopJson(const PlanStop& s, const dispatch::PlanOrder* order) {
  Json j{{"order_id", s.order_id},
         {"sequence", s.sequence},
         {"arrival_minute", s.arrival_minute},
         {"start_minute", s.start_minute},
         {"end_minute", s.end_minute},
         {"window_start_minute", s.window_start_minute},
         {"window_end_minute", s.window_end_minute},
         {"x_km", s.location.x},
         {"y_km", s.location.y},
         {"duration_minutes", s.duration_minutes},
         {"trade", dispatch::TradeCode(s.trade)},
         {"booked", s.booked}};
  if (!s.user_id) j["reason"] = s.reason;
  if (order != nullptr) {
    j["number"] = order->number;
    j["title"] = order->title;
    j["category"] = order->category;
    j["priority"] = PriorityCode(order->priority);
    j["state"] = WorkOrderStateCode(order->state);
  }
  return j;
}

const dispatch::PlanOrder* OrderIn(const DayPlanView& view, std::int64_t id) {
  auto it = view.orders.find(id);
  return it == view.orders.end() ? nullptr : &it->second;
}

Json PlanJson(const DayPlanView& view) {
  const dispatch::StoredDayPlan& plan = view.plan;
  Json routes = Json::array();
  for (const dispatch::PlanRoute& r : plan.routes) {
    Json stops = Json::array();
    for (const PlanStop& s : plan.stops) {
      if (s.user_id == r.user_id) stops.push_back(StopJson(s, OrderIn(view, s.order_id)));
    }
    routes.push_back({{"user_id", r.user_id},
                      {"name", r.name},
                      {"departure_minute", r.departure_minute},
                      {"return_minute", r.return_minute},
                      {"break_start_minute", OptMinute(r.break_start_minute)},
                      {"break_minutes", r.break_minutes},
                      {"km", r.km},
                      {"stops", std::move(stops)}});
  }
  Json unplanned = Json::array();
  for (const PlanStop& s : plan.stops) {
    if (!s.user_id) unplanned.push_back(StopJson(s, OrderIn(view, s.order_id)));
  }
  Json moved = Json::array();
  for (const dispatch::MovedJob& m : view.moved) {
    moved.push_back({{"order_id", std::stoll(m.job_id)},
                     {"from_user_id", m.from_user_id},
                     {"to_user_id", m.to_user_id ? Json(*m.to_user_id) : Json(nullptr)}});
  }
  return {{"team_id", plan.team_id},       {"date", dispatch::DayText(plan.day)},
          {"revision", plan.revision},     {"planned_by", plan.planned_by},
          {"planned_at", plan.planned_at}, {"km", plan.km},
          {"routes", std::move(routes)},   {"unplanned", std::move(unplanned)},
          {"moved", std::move(moved)},     {"travel_estimated", view.travel_estimated}};
}

Json MoveJson(const dispatch::MoveAnswer& a) {
  Json violations = Json::array();
  for (const dispatch::RouteViolation& v : a.route.violations) {
    violations.push_back({{"kind", v.kind},
                          {"order_id", v.order_id == 0 ? Json(nullptr) : Json(v.order_id)},
                          {"minute", v.minute}});
  }
  Json stops = Json::array();
  for (const dispatch::TimedStop& s : a.route.stops) {
    stops.push_back({{"order_id", s.order_id},
                     {"arrival_minute", s.arrival_minute},
                     {"start_minute", s.start_minute},
                     {"end_minute", s.end_minute},
                     {"window_start_minute", s.window_start_minute},
                     {"window_end_minute", s.window_end_minute}});
  }
  return {{"feasible", a.feasible},
          {"applied", a.applied},
          {"from_user_id", a.from_user_id ? Json(*a.from_user_id) : Json(nullptr)},
          {"violations", std::move(violations)},
          {"departure_minute", a.route.departure_minute},
          {"return_minute", a.route.return_minute},
          {"break_start_minute", OptMinute(a.route.break_start_minute)},
          {"km", a.route.km},
          {"stops", std::move(stops)}};
}

Json PreemptJson(const dispatch::PreemptAnswer& a) {
  const dispatch::Preemption& p = a.preemption;
  auto number = [&](std::int64_t id) {
    auto it = a.orders.find(id);
    return it == a.orders.end() ? std::string() : it->second.number;
  };
  Json moved = Json::array();
  for (const dispatch::PreemptedStop& m : p.moved) {
    moved.push_back({{"order_id", m.order_id},
                     {"number", number(m.order_id)},
                     {"old_start_minute", m.old_start_minute},
                     {"new_start_minute", m.new_start_minute},
                     {"window_kept", m.window_kept}});
  }
  Json violations = Json::array();
  for (const dispatch::RouteViolation& v : p.route.violations) {
    violations.push_back({{"kind", v.kind},
                          {"order_id", v.order_id == 0 ? Json(nullptr) : Json(v.order_id)},
                          {"minute", v.minute}});
  }
  const dispatch::TimedStop& first = p.route.stops.front();
  return {{"emergency",
           {{"order_id", first.order_id},
            {"number", number(first.order_id)},
            {"arrival_minute", first.arrival_minute},
            {"start_minute", first.start_minute},
            {"end_minute", first.end_minute}}},
          {"moved", std::move(moved)},
          {"violations", std::move(violations)},
          {"return_minute", p.route.return_minute},
          {"applied", a.applied}};
}

// What a move and a pre-emption both name: the team's day, the order, the technician it goes
// to, and whether to do it or only say what it would do.
template <class Request>
Status ReadEdit(const JsonBody& body, Request& request) {
  auto team = body.Int("team_id", 1, INT64_MAX);
  if (!team) return Fail(team.error());
  auto date = body.String("date", 10);
  if (!date) return Fail(date.error());
  auto day = DayOf(*date, true);
  if (!day) return Fail(day.error());
  auto order = body.Int("order_id", 1, INT64_MAX);
  if (!order) return Fail(order.error());
  auto to = body.Int("to_user_id", 1, INT64_MAX);
  if (!to) return Fail(to.error());
  auto apply = body.OptionalBool("apply");
  if (!apply) return Fail(apply.error());
  request.team_id = *team;
  request.day = *day;
  request.order_id = *order;
  request.to_user_id = *to;
  request.apply = apply->value_or(false);
  return Ok();
}

Result<dispatch::MoveRequest> ReadMove(const JsonBody& body) {
  dispatch::MoveRequest move;
  if (auto s = ReadEdit(body, move); !s) return Fail(s.error());
  auto position = body.OptionalInt("position", 0, 1000);
  if (!position) return Fail(position.error());
  move.position = static_cast<int>(position->value_or(1000));
  return move;
}

Result<dispatch::PreemptRequest> ReadPreempt(const JsonBody& body) {
  dispatch::PreemptRequest request;
  if (auto s = ReadEdit(body, request); !s) return Fail(s.error());
  return request;
}

}  // namespace

void AddDayPlanRoutes(Router& router, ApiDependencies& deps) {
  if (deps.day_plans == nullptr) return;
  DayPlanService& plans = *deps.day_plans;
  const auto authed = RouteAccess::kAuthenticated;
  const auto worker = RouteExecution::kWorker;
  router.Add(
      Method::kPost, "/api/v1/dispatch/day-plans", authed, worker, [&plans](RouteContext& c) {
        auto body = JsonBody::Parse(c.request.body);
        if (!body) return ProblemFor(c, body.error());
        auto team = body->Int("team_id", 1, INT64_MAX);
        if (!team) return ProblemFor(c, team.error());
        auto date = body->String("date", 10);
        if (!date) return ProblemFor(c, date.error());
        auto day = DayOf(*date, true);
        if (!day) return ProblemFor(c, day.error());
        auto seconds = body->OptionalInt("seconds", 1, 30);
        if (!seconds) return ProblemFor(c, seconds.error());
        return Reply(c,
                     plans.Plan(c.user(), *team, *day, static_cast<double>(seconds->value_or(2))),
                     PlanJson);
      });
  router.Add(Method::kGet, "/api/v1/dispatch/day-plans", authed, worker, [&plans](RouteContext& c) {
    auto team = IntQuery(c, "team_id", 1, INT64_MAX);
    if (!team) return ProblemFor(c, team.error());
    if (!*team) return ProblemFor(c, Error::Invalid("team_id", "team_id is required"));
    auto day = DayOf(c.request.QueryParam("date"), true);
    if (!day) return ProblemFor(c, day.error());
    return Reply(c, plans.Get(c.user(), **team, *day), PlanJson);
  });
  router.Add(Method::kPost, "/api/v1/dispatch/day-plans/move", authed, worker,
             [&plans](RouteContext& c) {
               return WithBody(c, ReadMove, [&](const dispatch::MoveRequest& move) {
                 return Reply(c, plans.Move(c.user(), move), MoveJson);
               });
             });
  router.Add(Method::kPost, "/api/v1/dispatch/day-plans/preempt", authed, worker,
             [&plans](RouteContext& c) {
               return WithBody(c, ReadPreempt, [&](const dispatch::PreemptRequest& request) {
                 return Reply(c, plans.Preempt(c.user(), request), PreemptJson);
               });
             });
  router.Add(Method::kGet, "/api/v1/technicians/me/stops", authed, worker,
             [&plans](RouteContext& c) {
               auto day = DayOf(c.request.QueryParam("date"), false);
               if (!day) return ProblemFor(c, day.error());
               const std::optional<int> which = *day == 0 ? std::nullopt : std::optional(*day);
               auto stops = plans.MyStops(c.user(), which);
               return Reply(c, stops, [&](const std::vector<dispatch::TechnicianStop>& list) {
                 Json items = Json::array();
                 for (const dispatch::TechnicianStop& t : list) {
                   Json j = StopJson(t.stop, &t.order);
                   j["address"] = t.order.address;
                   items.push_back(std::move(j));
                 }
                 return Json{{"date", dispatch::DayText(which.value_or(plans.Today()))},
                             {"items", std::move(items)}};
               });
             });
}

}  // namespace lifeline::http
