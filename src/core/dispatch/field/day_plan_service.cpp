#include "core/dispatch/field/day_plan_service.h"

#include <algorithm>

#include "core/appointments/service_catalog.h"
#include "core/dispatch/field/day_plan_steps.h"
#include "core/workorders/order_location.h"

namespace lifeline::dispatch {

using plan_steps::Announced;
using plan_steps::Assign;
using plan_steps::CrewOf;
using plan_steps::Emit;
using plan_steps::FindStop;
using plan_steps::kDefaultMinutes;
using plan_steps::LabelOf;
using plan_steps::LabelsOf;
using plan_steps::PlanAssignmentNote;
using plan_steps::SortStops;

namespace {

constexpr int kLastMinute = 24 * 60 - 1;
constexpr std::int64_t kMaxCandidates = 2000;

struct Candidate {
  WorkOrder order;
  std::optional<Booking> booking;
  std::optional<Point> location;
};

struct Gathered {
  std::vector<Technician> technicians;
  std::optional<StoredDayPlan> previous;
  std::vector<Candidate> candidates;
};

bool Routable(WorkOrderState s) {
  using enum WorkOrderState;
  return s == kAccepted || s == kDispatched || s == kAssigned || s == kReturned || s == kReopened;
}

// The team's technicians as they can work on `day`: today, not before now, and without a break
// whose window has passed.
std::vector<Technician> AsOfNow(std::vector<Technician> technicians, int day, int today,
                                int now_minute) {
  if (day != today) return technicians;
  for (Technician& t : technicians) {
    t.shift.start_minute = std::max(t.shift.start_minute, now_minute);
    t.shift.end_minute = std::max(t.shift.end_minute, t.shift.start_minute);
    if (t.break_window && t.break_window->end_minute < now_minute) t.break_window.reset();
  }
  return technicians;
}

}  // namespace

int DayPlanService::Today() const {
  return DayCode(ToLocalDate(clock_.NowMs(), utc_offset_));
}

int DayPlanService::NowMinute() const {
  return LocalMinuteOfDay(clock_.NowMs(), utc_offset_);
}

Result<DayPlanView> DayPlanService::Plan(const Principal& actor, std::int64_t team_id, int day,
                                         double seconds) {
  if (auto s = actor.Require(Permission::kDispatchPlan); !s) return Fail(s.error());
  if (auto s = actor.Require(Permission::kWorkOrderDispatch); !s) return Fail(s.error());
  const TimeMs day_start = FromLocalDate(DateOf(day), 0, utc_offset_);
  const auto tree = work_orders_.categories();
  Gathered g;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto unit = session.OrgUnits().FindById(team_id);
    if (!unit) {
      if (unit.error().code == ErrorCode::kNotFound) {
        return Fail(Error::Invalid("team_id", "no such org unit"));
      }
      return Fail(unit.error());
    }
    auto crew = CrewOf(session, team_id);
    if (!crew) return Fail(crew.error());
    auto previous = session.DayPlans().Find(team_id, day);
    if (!previous) return Fail(previous.error());
    g.previous = std::move(*previous);
    BookingFilter bookings;
    bookings.state = BookingState::kBooked;
    bookings.from = day_start;
    bookings.to = day_start + kDayMs;
    bookings.limit = kMaxCandidates;
    auto booked = session.Appointments().ListBookings(bookings);
    if (!booked) return Fail(booked.error());
    for (Booking& b : booked->items) {
      auto order = session.WorkOrders().FindById(b.work_order_id);
      if (!order) return Fail(order.error());
      const bool ours = crew->HasUnit(b.team_id) ||
                        (order->department_id && crew->HasUnit(*order->department_id)) ||
                        (order->assignee_id && crew->HasTechnician(*order->assignee_id));
      if (!ours || !Routable(order->state)) continue;
      g.candidates.push_back({std::move(*order), std::move(b), std::nullopt});
    }
    for (const Technician& t : crew->technicians) {
      WorkOrderFilter assigned;
      assigned.state = WorkOrderState::kAssigned;
      assigned.assignee_id = t.user_id;
      assigned.limit = kMaxCandidates;
      auto listed = session.WorkOrders().List(assigned);
      if (!listed) return Fail(listed.error());
      for (WorkOrder& o : listed->items) {
        // Appointment orders come with their booking, on the booked day only.
        if (o.type == WorkOrderType::kAppointment) continue;
        g.candidates.push_back({std::move(o), std::nullopt, std::nullopt});
      }
    }
    g.technicians = std::move(crew->technicians);
    for (Candidate& c : g.candidates) {
      auto location = OrderLocation(session, c.order);
      if (!location) return Fail(location.error());
      c.location = *location;
    }
    return Ok();
  });
  if (!read) return Fail(read.error());

  StoredDayPlan plan;
  plan.team_id = team_id;
  plan.day = day;
  std::vector<DayJob> jobs;
  std::map<std::string, PlanStop> pending;  // by job id: what the solver does not decide
  for (const Candidate& c : g.candidates) {
    PlanStop stop;
    stop.order_id = c.order.id;
    const std::optional<Trade> trade = tree->TradeFor(c.order.category);
    if (trade) stop.trade = *trade;
    if (c.location) stop.location = *c.location;
    if (c.booking) {
      const HomeService* service = DefaultServiceCatalog().Find(c.booking->service);
      stop.duration_minutes = service ? service->duration_minutes : kDefaultMinutes;
      stop.booked = true;
      stop.window_start_minute = static_cast<int>((c.booking->starts_at - day_start) / kMinuteMs);
      stop.window_end_minute = std::min<int>(
          kLastMinute, static_cast<int>((c.booking->ends_at - day_start) / kMinuteMs));
    } else {
      stop.window_start_minute = 0;
      stop.window_end_minute = kLastMinute;
    }
    if (!trade || !c.location) {
      stop.reason = !trade ? "no_trade" : "no_location";
      plan.stops.push_back(std::move(stop));
      continue;
    }
    DayJob job;
    job.id = std::to_string(c.order.id);
    job.location = stop.location;
    job.trade = stop.trade;
    job.duration_minutes = stop.duration_minutes;
    const PlanStop* before = g.previous ? FindStop(*g.previous, c.order.id) : nullptr;
    if (Announced(before)) {
      // Keep the window the customer was told, and the technician unless an emergency took
      // them away (then anyone who can keep the window may go).
      job.keep_with_user_id = before->user_id;
      stop.window_start_minute = before->window_start_minute;
      stop.window_end_minute = before->window_end_minute;
      stop.booked = before->booked;
    } else if (!c.booking && c.order.assignee_id) {
      job.keep_with_user_id = c.order.assignee_id;  // the tracking page already names them
    }
    job.window_start_minute = stop.window_start_minute;
    job.window_end_minute = stop.window_end_minute;
    jobs.push_back(job);
    pending.emplace(job.id, std::move(stop));
  }

  const std::vector<Technician> technicians = AsOfNow(g.technicians, day, Today(), NowMinute());
  DayPlanOptions options;
  options.seconds = seconds;
  options.seed = static_cast<std::uint64_t>(day);
  options.travel_times = travel_times_;
  auto solved = PlanDay(technicians, jobs, options);
  if (!solved) return Fail(solved.error());

  plan.km = solved->km;
  for (const TechnicianRoute& r : solved->routes) {
    const auto found = std::ranges::find(technicians, r.user_id, &Technician::user_id);
    const Technician* t = found == technicians.end() ? nullptr : &*found;
    plan.routes.push_back({r.user_id, r.name, r.departure_minute, r.return_minute,
                           r.break_start_minute, t != nullptr ? t->break_minutes : 0, r.km});
    int sequence = 0;
    for (const PlannedVisit& v : r.visits) {
      PlanStop stop = pending.at(v.job_id);
      stop.user_id = r.user_id;
      stop.sequence = ++sequence;
      stop.arrival_minute = v.arrival_minute;
      stop.start_minute = v.start_minute;
      stop.end_minute = v.end_minute;
      const PlanStop* before = g.previous ? FindStop(*g.previous, stop.order_id) : nullptr;
      if (!stop.booked && !Announced(before)) {
        const auto [from, to] =
            AnnouncedWindow(v.start_minute, t != nullptr ? t->shift.start_minute : 0);
        stop.window_start_minute = from;
        stop.window_end_minute = to;
      }
      plan.stops.push_back(std::move(stop));
    }
  }
  for (const UnplannedJob& u : solved->unplanned) {
    PlanStop stop = pending.at(u.job_id);
    stop.reason = u.reason;
    plan.stops.push_back(std::move(stop));
  }
  SortStops(plan);

  DayPlanView view;
  view.moved = solved->moved;
  view.travel_estimated = solved->travel_estimated;
  Status written = store_.Write([&](StoreSession& session) -> Status {
    auto previous = session.DayPlans().Find(team_id, day);
    if (!previous) return Fail(previous.error());
    plan.revision = *previous ? (*previous)->revision + 1 : 1;
    plan.planned_by = actor.user_id;
    plan.planned_at = clock_.NowMs();
    auto id = session.DayPlans().Save(plan);
    if (!id) return Fail(id.error());
    plan.id = *id;
    for (const PlanStop& stop : plan.stops) {
      if (!stop.user_id) continue;
      if (auto s = Assign(work_orders_, session, actor, stop, PlanAssignmentNote(day, stop)); !s) {
        return s;
      }
    }
    auto labels = LabelsOf(session, plan);
    if (!labels) return Fail(labels.error());
    view.orders = std::move(*labels);
    Emit(session, "dayplan.planned", plan,
         {{"moved", static_cast<std::int64_t>(view.moved.size())}});
    return Ok();
  });
  if (!written) return Fail(written.error());
  view.plan = std::move(plan);
  return view;
}

Result<DayPlanView> DayPlanService::Get(const Principal& actor, std::int64_t team_id, int day) {
  if (auto s = actor.Require(Permission::kDispatchPlan); !s) return Fail(s.error());
  DayPlanView view;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto found = session.DayPlans().Find(team_id, day);
    if (!found) return Fail(found.error());
    if (!*found) return Fail(Error::NotFound("the day is not planned yet"));
    view.plan = std::move(**found);
    auto labels = LabelsOf(session, view.plan);
    if (!labels) return Fail(labels.error());
    view.orders = std::move(*labels);
    return Ok();
  });
  if (!read) return Fail(read.error());
  return view;
}

Result<std::vector<TechnicianStop>> DayPlanService::MyStops(const Principal& actor,
                                                            std::optional<int> day) {
  const int which = day.value_or(Today());
  std::vector<TechnicianStop> out;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto stops = session.DayPlans().StopsOf(actor.user_id, which);
    if (!stops) return Fail(stops.error());
    for (PlanStop& stop : *stops) {
      auto label = LabelOf(session, stop.order_id);
      if (!label) return Fail(label.error());
      out.push_back({which, std::move(stop), std::move(*label)});
    }
    return Ok();
  });
  if (!read) return Fail(read.error());
  return out;
}

}  // namespace lifeline::dispatch
