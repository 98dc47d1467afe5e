// Dispatch: technicians, suggestions for a job, a team's day plan, positions and duty.
// docs/design/dispatch.md ("The product layer").
#include "adapters/http/api/api_support.h"
#include "adapters/http/api/routes.h"
#include "adapters/http/json_body.h"
#include "core/dispatch/field/dispatch_service.h"

namespace lifeline::http {

namespace {

using dispatch::DayJob;
using dispatch::DayPlan;
using dispatch::Suggestion;
using dispatch::Technician;

constexpr double kMaxKm = 200;
constexpr std::size_t kMaxJobs = 2000;
constexpr std::int64_t kMinutesPerDay = 24 * 60;

Json MinuteOfDay(int minute) {
  char text[8];
  std::snprintf(text, sizeof text, "%02d:%02d", (minute / 60) % 100, minute % 60);
  return text;
}

Json TechnicianJson(const Technician& t) {
  Json skills = Json::array();
  for (const dispatch::TradeSkill& s : t.skills) {
    skills.push_back({{"trade", dispatch::TradeCode(s.trade)}, {"level", s.level}});
  }
  return {
      {"user_id", t.user_id},
      {"name", t.name},
      {"team_id", t.team_id},
      {"skills", skills},
      {"shift",
       {{"start", MinuteOfDay(t.shift.start_minute)}, {"end", MinuteOfDay(t.shift.end_minute)}}},
      {"break", t.break_window ? Json{{"earliest", MinuteOfDay(t.break_window->start_minute)},
                                      {"latest", MinuteOfDay(t.break_window->end_minute)},
                                      {"minutes", t.break_minutes}}
                               : Json(nullptr)},
      {"depot", {{"x_km", t.depot.x}, {"y_km", t.depot.y}}},
      {"position",
       t.position ? Json{{"x_km", t.position->x}, {"y_km", t.position->y}} : Json(nullptr)},
      {"position_at", t.position_at},
      {"van_capacity", t.van_capacity},
      {"on_duty", t.on_duty}};
}

Json SuggestionsJson(const std::vector<Suggestion>& suggestions) {
  Json items = Json::array();
  for (const Suggestion& s : suggestions) {
    items.push_back({{"user_id", s.user_id},
                     {"name", s.name},
                     {"travel_minutes", s.travel_minutes},
                     {"arrival_minutes", s.arrival_minutes},
                     {"jobs_left", s.jobs_left},
                     {"skill_level", s.skill_level},
                     {"score", s.score},
                     {"explanation", s.explanation}});
  }
  return {{"items", items}};
}

Json DayPlanJson(const DayPlan& plan) {
  Json routes = Json::array();
  for (const dispatch::TechnicianRoute& r : plan.routes) {
    Json visits = Json::array();
    for (const dispatch::PlannedVisit& v : r.visits) {
      visits.push_back({{"job_id", v.job_id},
                        {"arrival", MinuteOfDay(v.arrival_minute)},
                        {"start", MinuteOfDay(v.start_minute)},
                        {"end", MinuteOfDay(v.end_minute)}});
    }
    routes.push_back(
        {{"user_id", r.user_id},
         {"name", r.name},
         {"departure", MinuteOfDay(r.departure_minute)},
         {"return", MinuteOfDay(r.return_minute)},
         {"km", r.km},
         {"break_start", r.break_start_minute ? MinuteOfDay(*r.break_start_minute) : Json(nullptr)},
         {"visits", visits}});
  }
  Json unplanned = Json::array();
  for (const dispatch::UnplannedJob& u : plan.unplanned) {
    unplanned.push_back({{"job_id", u.job_id}, {"reason", u.reason}});
  }
  Json moved = Json::array();
  for (const dispatch::MovedJob& m : plan.moved) {
    moved.push_back({{"job_id", m.job_id},
                     {"from_user_id", m.from_user_id},
                     {"to_user_id", m.to_user_id ? Json(*m.to_user_id) : Json(nullptr)}});
  }
  return {{"routes", routes},
          {"unplanned", unplanned},
          {"moved", moved},
          {"km", plan.km},
          {"travel_estimated", plan.travel_estimated}};
}

Result<dispatch::Trade> TradeField(std::optional<std::string_view> code) {
  if (!code) return Fail(Error::Invalid("trade", "trade is required"));
  auto trade = dispatch::ParseTrade(*code);
  if (!trade) return Fail(Error::Invalid("trade", "unknown trade: " + std::string(*code)));
  return *trade;
}

Result<dispatch::JobNeed> ReadNeed(const RouteContext& c) {
  dispatch::JobNeed need;
  auto x = NumberQuery(c, "x_km", -kMaxKm, kMaxKm);
  if (!x) return Fail(x.error());
  auto y = NumberQuery(c, "y_km", -kMaxKm, kMaxKm);
  if (!y) return Fail(y.error());
  need.location = {*x, *y};
  auto trade = TradeField(c.request.QueryParam("trade"));
  if (!trade) return Fail(trade.error());
  need.trade = *trade;
  const std::string priority(c.request.QueryParam("priority").value_or("normal"));
  if (priority == "emergency") {
    need.priority = dispatch::JobPriority::kEmergency;
  } else if (priority == "urgent") {
    need.priority = dispatch::JobPriority::kUrgent;
  } else if (priority != "normal") {
    return Fail(Error::Invalid("priority", "priority is emergency, urgent or normal"));
  }
  auto duration = IntQuery(c, "duration_minutes", 1, 24 * 60);
  if (!duration) return Fail(duration.error());
  need.duration_minutes = static_cast<int>(duration->value_or(60));
  return need;
}

Result<DayJob> ReadJob(const JsonBody& item) {
  DayJob job;
  auto id = item.String("id", 64);
  if (!id) return Fail(id.error());
  job.id = std::move(*id);
  auto x = item.Number("x_km", -kMaxKm, kMaxKm);
  if (!x) return Fail(x.error());
  auto y = item.Number("y_km", -kMaxKm, kMaxKm);
  if (!y) return Fail(y.error());
  job.location = {*x, *y};
  auto trade_code = item.String("trade", 20);
  if (!trade_code) return Fail(trade_code.error());
  auto trade = TradeField(*trade_code);
  if (!trade) return Fail(trade.error());
  job.trade = *trade;
  auto start = item.Int("window_start_minute", 0, kMinutesPerDay);
  if (!start) return Fail(start.error());
  auto end = item.Int("window_end_minute", 0, kMinutesPerDay);
  if (!end) return Fail(end.error());
  job.window_start_minute = static_cast<int>(*start);
  job.window_end_minute = static_cast<int>(*end);
  auto duration = item.OptionalInt("duration_minutes", 1, 12 * 60);
  if (!duration) return Fail(duration.error());
  job.duration_minutes = static_cast<int>(duration->value_or(60));
  auto parts = item.OptionalInt("parts", 0, 10'000);
  if (!parts) return Fail(parts.error());
  job.parts = parts->value_or(0);
  auto keep = item.OptionalInt("keep_with_user_id", 1, INT64_MAX);
  if (!keep) return Fail(keep.error());
  job.keep_with_user_id = *keep;
  return job;
}

Response Plan(RouteContext& c, dispatch::DispatchService& dispatch) {
  auto body = JsonBody::Parse(c.request.body);
  if (!body) return ProblemFor(c, body.error());
  auto team = body->OptionalInt("team_id", 1, INT64_MAX);
  if (!team) return ProblemFor(c, team.error());
  auto seconds = body->OptionalInt("seconds", 1, 60);
  if (!seconds) return ProblemFor(c, seconds.error());
  auto items = body->Objects("jobs", kMaxJobs);
  if (!items) return ProblemFor(c, items.error());
  std::vector<DayJob> jobs;
  for (std::size_t i = 0; i < items->size(); ++i) {
    auto job = ReadJob((*items)[i]);
    if (!job) return ProblemFor(c, JsonBody::Within("jobs", i, job.error()));
    jobs.push_back(std::move(*job));
  }
  dispatch::DayPlanOptions options;
  options.seconds = static_cast<double>(seconds->value_or(2));
  return Reply(c, dispatch.Plan(c.user(), team->value_or(0), jobs, options), DayPlanJson);
}

Result<dispatch::TradeSkill> ReadSkill(const JsonBody& item) {
  auto code = item.String("trade", 20);
  if (!code) return Fail(code.error());
  auto trade = TradeField(*code);
  if (!trade) return Fail(trade.error());
  auto level = item.Int("level", 1, 5);
  if (!level) return Fail(level.error());
  return dispatch::TradeSkill{*trade, static_cast<int>(*level)};
}

// {skills: [{trade, level}], shift_start_minute, shift_end_minute, break_earliest_minute?,
// break_latest_minute?, break_minutes, depot_x_km, depot_y_km, van_capacity}
Result<dispatch::ProfileEdit> ReadProfile(const JsonBody& body) {
  dispatch::ProfileEdit edit;
  auto skills = body.Objects("skills", 8);
  if (!skills) return Fail(skills.error());
  for (std::size_t i = 0; i < skills->size(); ++i) {
    auto skill = ReadSkill((*skills)[i]);
    if (!skill) return Fail(JsonBody::Within("skills", i, skill.error()));
    edit.skills.push_back(*skill);
  }
  auto minute = [&](std::string_view field) { return body.Int(field, 0, kMinutesPerDay); };
  auto start = minute("shift_start_minute");
  if (!start) return Fail(start.error());
  auto end = minute("shift_end_minute");
  if (!end) return Fail(end.error());
  edit.shift = {static_cast<int>(*start), static_cast<int>(*end)};
  auto earliest = body.OptionalInt("break_earliest_minute", 0, kMinutesPerDay);
  if (!earliest) return Fail(earliest.error());
  auto latest = body.OptionalInt("break_latest_minute", 0, kMinutesPerDay);
  if (!latest) return Fail(latest.error());
  if (earliest->has_value() != latest->has_value()) {
    return Fail(
        Error::Invalid(earliest->has_value() ? "break_latest_minute" : "break_earliest_minute",
                       "both or neither"));
  }
  if (*earliest) {
    edit.break_window =
        dispatch::DayWindow{static_cast<int>(**earliest), static_cast<int>(**latest)};
  }
  auto break_minutes = body.OptionalInt("break_minutes", 0, kMinutesPerDay);
  if (!break_minutes) return Fail(break_minutes.error());
  edit.break_minutes = static_cast<int>(break_minutes->value_or(0));
  auto x = body.Number("depot_x_km", -kMaxKm, kMaxKm);
  if (!x) return Fail(x.error());
  auto y = body.Number("depot_y_km", -kMaxKm, kMaxKm);
  if (!y) return Fail(y.error());
  edit.depot = {*x, *y};
  auto van = body.OptionalInt("van_capacity", 0, dispatch::kMaxVanCapacity);
  if (!van) return Fail(van.error());
  edit.van_capacity = van->value_or(edit.van_capacity);
  return edit;
}

// {longitude, latitude} from a phone, or {x_km, y_km} on the city plane.
Response ReportPosition(RouteContext& c, dispatch::DispatchService& dispatch) {
  auto body = JsonBody::Parse(c.request.body);
  if (!body) return ProblemFor(c, body.error());
  if (body->Has("longitude") || body->Has("latitude")) {
    auto longitude = body->Number("longitude", -180, 180);
    if (!longitude) return ProblemFor(c, longitude.error());
    auto latitude = body->Number("latitude", -90, 90);
    if (!latitude) return ProblemFor(c, latitude.error());
    return ReplyEmpty(c,
                      dispatch.ReportPosition(c.user(), dispatch::GeoPoint{*longitude, *latitude}));
  }
  auto x = body->Number("x_km", -kMaxKm, kMaxKm);
  if (!x) return ProblemFor(c, x.error());
  auto y = body->Number("y_km", -kMaxKm, kMaxKm);
  if (!y) return ProblemFor(c, y.error());
  return ReplyEmpty(c, dispatch.ReportPosition(c.user(), dispatch::Point{*x, *y}));
}

}  // namespace

void AddDispatchRoutes(Router& router, ApiDependencies& deps) {
  dispatch::DispatchService& dispatch = deps.dispatch;
  const auto authed = RouteAccess::kAuthenticated;
  const auto worker = RouteExecution::kWorker;
  router.Add(Method::kGet, "/api/v1/technicians", authed, worker, [&dispatch](RouteContext& c) {
    auto team = IntQuery(c, "team_id", 1, INT64_MAX);
    if (!team) return ProblemFor(c, team.error());
    return Reply(c, dispatch.Technicians(c.user(), team->value_or(0)),
                 [](const std::vector<Technician>& list) {
                   Json items = Json::array();
                   for (const Technician& t : list) items.push_back(TechnicianJson(t));
                   return Json{{"items", items}};
                 });
  });
  router.Add(Method::kGet, "/api/v1/technicians/me", authed, worker, [&dispatch](RouteContext& c) {
    return Reply(c, dispatch.Me(c.user()), [](const dispatch::TechnicianStatus& me) {
      Json json = TechnicianJson(me.technician);
      json["tracking"] = dispatch::TrackingCode(me.tracking);
      return json;
    });
  });
  router.Add(Method::kPost, "/api/v1/technicians/me/position", authed, worker,
             [&dispatch](RouteContext& c) { return ReportPosition(c, dispatch); });
  router.Add(Method::kPut, "/api/v1/technicians/{id}", authed, worker,
             [&dispatch](RouteContext& c) {
               auto id = IdParam(c, "id");
               if (!id) return ProblemFor(c, id.error());
               auto body = JsonBody::Parse(c.request.body);
               if (!body) return ProblemFor(c, body.error());
               auto edit = ReadProfile(*body);
               if (!edit) return ProblemFor(c, edit.error());
               return Reply(c, dispatch.SaveProfile(c.user(), *id, *edit), TechnicianJson);
             });
  router.Add(Method::kPost, "/api/v1/technicians/{id}/duty", authed, worker,
             [&dispatch](RouteContext& c) {
               auto id = IdParam(c, "id");
               if (!id) return ProblemFor(c, id.error());
               auto body = JsonBody::Parse(c.request.body);
               if (!body) return ProblemFor(c, body.error());
               auto on_duty = body->Bool("on_duty");
               if (!on_duty) return ProblemFor(c, on_duty.error());
               return ReplyEmpty(c, dispatch.SetOnDuty(c.user(), *id, *on_duty));
             });
  router.Add(Method::kGet, "/api/v1/dispatch/suggestions", authed, worker,
             [&dispatch](RouteContext& c) {
               auto need = ReadNeed(c);
               if (!need) return ProblemFor(c, need.error());
               return Reply(c, dispatch.Suggest(c.user(), *need), SuggestionsJson);
             });
  router.Add(Method::kPost, "/api/v1/dispatch/plans", authed, worker,
             [&dispatch](RouteContext& c) { return Plan(c, dispatch); });
}

}  // namespace lifeline::http
