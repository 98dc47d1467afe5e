#include "core/dispatch/field/dispatch_service.h"

#include <cmath>

#include "core/common/civil_time.h"
#include "core/identity/auth_service.h"

namespace lifeline::dispatch {

namespace {

constexpr double kCityRadiusKm = 200;  // positions further out are a broken GPS fix

// An open work order keeps a technician about this long (the default job duration): their
// open orders become the work still ahead of them in a suggestion.
constexpr int kMinutesPerOpenOrder = 60;

struct TechniciansAndLoads {
  std::vector<Technician> technicians;
  std::vector<TechnicianLoad> loads;
};

// The technicians and what each has on hand: their work orders assigned, en route or on site.
Result<TechniciansAndLoads> ListWithLoads(Store& store) {
  TechniciansAndLoads out;
  Status read = store.Read([&](StoreSession& session) -> Status {
    auto listed = session.Technicians().List(0);
    if (!listed) return Fail(listed.error());
    out.technicians = std::move(*listed);
    auto loads = session.WorkOrders().OpenLoads();
    if (!loads) return Fail(loads.error());
    for (const AssigneeLoad& load : *loads) {
      out.loads.push_back(
          {load.user_id, load.open_orders, load.open_orders * kMinutesPerOpenOrder});
    }
    return Ok();
  });
  if (!read) return Fail(read.error());
  return out;
}

Result<std::vector<Technician>> ListTechnicians(Store& store, std::int64_t team_id) {
  std::vector<Technician> technicians;
  Status read = store.Read([&](StoreSession& session) -> Status {
    auto listed = session.Technicians().List(team_id);
    if (!listed) return Fail(listed.error());
    technicians = std::move(*listed);
    return Ok();
  });
  if (!read) return Fail(read.error());
  return technicians;
}

// Whether a job of theirs is en route or on site.
Result<bool> OnAJob(StoreSession& session, std::int64_t user_id) {
  for (WorkOrderState state : {WorkOrderState::kEnRoute, WorkOrderState::kOnSite}) {
    auto page = session.WorkOrders().List({.state = state, .assignee_id = user_id, .limit = 1});
    if (!page) return Fail(page.error());
    if (page->total > 0) return true;
  }
  return false;
}

// Further out is a broken fix (or NaN from one).
bool InServiceArea(Point p) {
  return std::isfinite(p.x) && std::isfinite(p.y) && std::hypot(p.x, p.y) <= kCityRadiusKm;
}

}  // namespace

int DispatchService::LocalMinuteOfDay() const {
  return lifeline::LocalMinuteOfDay(clock_.NowMs(), TimeMs{utc_offset_minutes_} * kMinuteMs);
}

Result<std::vector<Technician>> DispatchService::Technicians(const Principal& actor,
                                                             std::int64_t team_id) {
  if (auto s = actor.Require(Permission::kDispatchPlan); !s) return Fail(s.error());
  return ListTechnicians(store_, team_id);
}

Result<std::vector<Suggestion>> DispatchService::Suggest(const Principal& actor,
                                                         const JobNeed& job) {
  if (auto s = actor.Require(Permission::kDispatchPlan); !s) return Fail(s.error());
  auto listed = ListWithLoads(store_);
  if (!listed) return Fail(listed.error());
  return RankTechnicians(job, listed->technicians, listed->loads, LocalMinuteOfDay());
}

Result<DayPlan> DispatchService::Plan(const Principal& actor, std::int64_t team_id,
                                      std::span<const DayJob> jobs, const DayPlanOptions& options) {
  if (auto s = actor.Require(Permission::kDispatchPlan); !s) return Fail(s.error());
  auto technicians = ListTechnicians(store_, team_id);
  if (!technicians) return Fail(technicians.error());
  DayPlanOptions with_source = options;
  if (with_source.travel_times == nullptr) with_source.travel_times = travel_times_;
  return PlanDay(*technicians, jobs, with_source);
}

Result<TechnicianStatus> DispatchService::StatusOf(StoreSession& session,
                                                   std::int64_t user_id) const {
  auto technician = session.Technicians().Find(user_id);
  if (!technician) return Fail(technician.error());
  auto on_a_job = OnAJob(session, user_id);
  if (!on_a_job) return Fail(on_a_job.error());
  const Tracking tracking = TrackingAt(*technician, LocalMinuteOfDay(), *on_a_job);
  return TechnicianStatus{std::move(*technician), tracking};
}

Result<TechnicianStatus> DispatchService::Me(const Principal& actor) {
  if (actor.role != Role::kTechnician) {
    return Fail(Error::Forbidden("only technicians have a dispatch profile"));
  }
  TechnicianStatus status;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto found = StatusOf(session, actor.user_id);
    if (!found) return Fail(found.error());
    status = std::move(*found);
    return Ok();
  });
  if (!read) return Fail(read.error());
  return status;
}

Status DispatchService::ReportPosition(const Principal& actor, GeoPoint position) {
  const Point on_plane = plane_.ToPlane(position);
  if (!InServiceArea(on_plane)) {
    return Fail(Error::Invalid("longitude", "position is outside the service area"));
  }
  return Record(actor, on_plane);
}

Status DispatchService::ReportPosition(const Principal& actor, Point position) {
  if (!InServiceArea(position)) {
    return Fail(Error::Invalid("x_km", "position is outside the service area"));
  }
  return Record(actor, position);
}

Status DispatchService::Record(const Principal& actor, Point position) {
  if (actor.role != Role::kTechnician) {
    return Fail(Error::Forbidden("only technicians report their position"));
  }
  const TimeMs now = clock_.NowMs();
  return store_.Write([&](StoreSession& session) -> Status {
    auto status = StatusOf(session, actor.user_id);
    if (!status) return Fail(status.error());
    if (status->tracking != Tracking::kOn) {
      return Fail(Error::Conflict("not at work now (" +
                                  std::string(TrackingCode(status->tracking)) +
                                  "): the position is not recorded"));
    }
    if (auto s = session.Technicians().UpdatePosition(actor.user_id, position, now); !s) return s;
    session.Events().Emit({"dispatch",
                           "technician.position",
                           "user/" + std::to_string(actor.user_id),
                           {{"x_km", position.x}, {"y_km", position.y}}});
    return Ok();
  });
}

namespace {

// What the audit log keeps of a profile: the parts a dispatcher sets.
Fields ProfileFields(const Technician& t) {
  std::string skills;
  for (const TradeSkill& s : t.skills) {
    skills += (skills.empty() ? "" : ",") + std::string(TradeCode(s.trade)) + ":" +
              std::to_string(s.level);
  }
  return {{"skills", skills},
          {"shift_start_minute", t.shift.start_minute},
          {"shift_end_minute", t.shift.end_minute},
          {"break_minutes", t.break_minutes},
          {"depot_x_km", t.depot.x},
          {"depot_y_km", t.depot.y},
          {"van_capacity", t.van_capacity}};
}

}  // namespace

Result<Technician> DispatchService::SaveProfile(const Principal& actor, std::int64_t user_id,
                                                const ProfileEdit& edit) {
  if (auto s = actor.Require(Permission::kDispatchPlan); !s) return Fail(s.error());
  if (auto s = CheckProfile(edit); !s) return Fail(s.error());
  Technician saved;
  Status wrote = store_.Write([&](StoreSession& session) -> Status {
    auto user = session.Users().FindById(user_id);
    if (!user) return Fail(user.error());
    if (user->role != Role::kTechnician) {
      return Fail(Error::Conflict("only a technician has a dispatch profile"));
    }
    auto existing = session.Technicians().Find(user_id);
    if (!existing && existing.error().code != ErrorCode::kNotFound) return Fail(existing.error());
    Technician before;
    before.user_id = user_id;
    if (existing) before = *existing;
    saved = WithProfile(before, edit);
    if (auto s = session.Technicians().Save(saved); !s) return s;
    if (auto s = session.Audit().Append(
            ActorOf(actor),
            {"technician.profile", "technician", std::to_string(user_id),
             existing ? ProfileFields(before) : Fields{}, ProfileFields(saved)},
            clock_.NowMs());
        !s) {
      return s;
    }
    session.Events().Emit({"dispatch",
                           "technician.profile",
                           "user/" + std::to_string(user_id),
                           {{"created", !existing.has_value()}}});
    saved.name = user->display_name;
    saved.team_id = user->org_unit_id;
    return Ok();
  });
  if (!wrote) return Fail(wrote.error());
  return saved;
}

Status DispatchService::SetOnDuty(const Principal& actor, std::int64_t user_id, bool on_duty) {
  if (auto s = actor.Require(Permission::kDispatchPlan); !s) return s;
  return store_.Write([&](StoreSession& session) -> Status {
    auto technician = session.Technicians().Find(user_id);
    if (!technician) return Fail(technician.error());
    const bool before = technician->on_duty;
    technician->on_duty = on_duty;
    if (auto s = session.Technicians().Save(*technician); !s) return s;
    if (auto s = session.Audit().Append(ActorOf(actor),
                                        {"technician.duty",
                                         "technician",
                                         std::to_string(user_id),
                                         {{"on_duty", before}},
                                         {{"on_duty", on_duty}}},
                                        clock_.NowMs());
        !s) {
      return s;
    }
    session.Events().Emit({"dispatch",
                           on_duty ? "technician.on_duty" : "technician.off_duty",
                           "user/" + std::to_string(user_id),
                           {{"on_duty", on_duty}}});
    return Ok();
  });
}

}  // namespace lifeline::dispatch
