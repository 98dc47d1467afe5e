#include "core/dispatch/field/day_plan_service.h"

#include <algorithm>

#include "core/appointments/service_catalog.h"
#include "core/workorders/assignee_ranking.h"

namespace lifeline::dispatch {

namespace {

constexpr int kDefaultMinutes = 60;
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

// Not found is "no location here", anything else a failure.
template <typename T>
Result<std::optional<T>> Maybe(Result<T> found) {
  if (found) return std::optional<T>(std::move(*found));
  if (found.error().code == ErrorCode::kNotFound) return std::optional<T>();
  return Fail(found.error());
}

Point FromNode(const TopologyNode& node) {
  return {node.location.x_km, node.location.y_km};
}

// The account's building, else its community, else the order's district centre.
Result<std::optional<Point>> LocationOf(StoreSession& session, const WorkOrder& order) {
  if (order.customer_id && order.account_id) {
    auto customer = Maybe(session.Customers().FindById(*order.customer_id));
    if (!customer) return Fail(customer.error());
    std::int64_t premise = 0;
    if (*customer) {
      for (const Account& a : (*customer)->accounts) {
        if (a.id == *order.account_id) premise = a.premise_id;
      }
    }
    if (premise != 0) {
      auto path = Maybe(session.Topology().PathOf(premise));
      if (!path) return Fail(path.error());
      if (*path) {
        // unit, building, community, district, …: the building first, then the community.
        for (std::size_t i = 1; i < std::min<std::size_t>(3, (*path)->node_ids.size()); ++i) {
          auto node = Maybe(session.Topology().FindNode((*path)->node_ids[i]));
          if (!node) return Fail(node.error());
          if (*node) return std::optional<Point>(FromNode(**node));
        }
      }
    }
  }
  if (order.district_id) {
    auto node = Maybe(session.Topology().FindNode(*order.district_id));
    if (!node) return Fail(node.error());
    if (*node) return std::optional<Point>(FromNode(**node));
  }
  return std::optional<Point>();
}

Result<PlanOrder> LabelOf(StoreSession& session, std::int64_t order_id) {
  auto order = session.WorkOrders().FindById(order_id);
  if (!order) return Fail(order.error());
  return PlanOrder{WorkOrderNumber(order->id, order->created_at),
                   order->title,
                   order->address,
                   order->category,
                   order->priority,
                   order->state};
}

Result<std::map<std::int64_t, PlanOrder>> LabelsOf(StoreSession& session,
                                                   const StoredDayPlan& plan) {
  std::map<std::int64_t, PlanOrder> labels;
  for (const PlanStop& stop : plan.stops) {
    auto label = LabelOf(session, stop.order_id);
    if (!label) return Fail(label.error());
    labels.emplace(stop.order_id, std::move(*label));
  }
  return labels;
}

const PlanStop* FindStop(const StoredDayPlan& plan, std::int64_t order_id) {
  for (const PlanStop& stop : plan.stops) {
    if (stop.order_id == order_id) return &stop;
  }
  return nullptr;
}

// Technicians first by id, each day in sequence; unplanned orders last.
void SortStops(StoredDayPlan& plan) {
  std::ranges::stable_sort(plan.stops, [](const PlanStop& a, const PlanStop& b) {
    const std::int64_t ua = a.user_id.value_or(INT64_MAX), ub = b.user_id.value_or(INT64_MAX);
    if (ua != ub) return ua < ub;
    return a.sequence < b.sequence;
  });
}

Status Assign(WorkOrderService& work_orders, StoreSession& session, const Principal& actor,
              const PlanStop& stop, int day) {
  auto order = session.WorkOrders().FindById(stop.order_id);
  if (!order) return Fail(order.error());
  if (order->assignee_id == stop.user_id && order->state == WorkOrderState::kAssigned) return Ok();
  WorkOrderCommand assign;
  assign.action = WorkOrderAction::kAssign;
  assign.assignee_id = stop.user_id;
  assign.note = "日计划派单 " + DayText(day) + " " + ClockText(stop.window_start_minute) + "–" +
                ClockText(stop.window_end_minute);
  auto acted = work_orders.ActIn(session, actor, stop.order_id, assign);
  if (!acted) return Fail(acted.error());
  return Ok();
}

Status Emit(StoreSession& session, std::string type, const StoredDayPlan& plan, Fields extra) {
  std::int64_t planned = 0, unplanned = 0;
  for (const PlanStop& s : plan.stops) ++(s.user_id ? planned : unplanned);
  Fields fields{{"team_id", plan.team_id},
                {"date", DayText(plan.day)},
                {"revision", plan.revision},
                {"planned", planned},
                {"unplanned", unplanned}};
  for (auto& f : extra) fields.push_back(std::move(f));
  session.Events().Emit({"dispatch", std::move(type),
                         "dayplan/" + std::to_string(plan.team_id) + "/" + DayText(plan.day),
                         std::move(fields)});
  return Ok();
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

// The unit and every unit under it — a 维修所 plans the crews of its 班组 together — and their
// technicians.
struct Crew {
  std::vector<std::int64_t> units;
  std::vector<Technician> technicians;

  bool HasUnit(std::int64_t id) const { return std::ranges::find(units, id) != units.end(); }
  bool HasTechnician(std::int64_t user_id) const {
    return std::ranges::find(technicians, user_id, &Technician::user_id) != technicians.end();
  }
};

Result<Crew> CrewOf(StoreSession& session, std::int64_t team_id) {
  auto units = session.OrgUnits().List();
  if (!units) return Fail(units.error());
  auto all = session.Technicians().List(0);
  if (!all) return Fail(all.error());
  Crew crew;
  crew.units = UnitSubtree(*units, team_id);
  crew.technicians = MembersOf(*all, crew.units);
  return crew;
}

const Technician* FindTechnician(const std::vector<Technician>& technicians, std::int64_t id) {
  for (const Technician& t : technicians) {
    if (t.user_id == id) return &t;
  }
  return nullptr;
}

// Writes a technician's re-timed day into the plan: their stops and their route line.
void PutRoute(StoredDayPlan& plan, const Technician& technician, const TimedRoute& timed,
              const std::map<std::int64_t, PlanStop>& originals) {
  std::erase_if(plan.stops, [&](const PlanStop& s) {
    return s.user_id == technician.user_id || originals.contains(s.order_id);
  });
  std::erase_if(plan.routes, [&](const PlanRoute& r) { return r.user_id == technician.user_id; });
  int sequence = 0;
  for (const TimedStop& t : timed.stops) {
    PlanStop stop = originals.at(t.order_id);
    stop.user_id = technician.user_id;
    stop.sequence = ++sequence;
    stop.arrival_minute = t.arrival_minute;
    stop.start_minute = t.start_minute;
    stop.end_minute = t.end_minute;
    stop.reason.clear();
    plan.stops.push_back(std::move(stop));
  }
  if (!timed.stops.empty()) {
    plan.routes.push_back({technician.user_id, technician.name, timed.departure_minute,
                           timed.return_minute, timed.break_start_minute, technician.break_minutes,
                           timed.km});
  }
}

std::vector<TimedStop> TimedStopsOf(const StoredDayPlan& plan, std::int64_t user_id,
                                    std::int64_t except_order) {
  std::vector<TimedStop> out;
  for (const PlanStop& s : plan.stops) {
    if (s.user_id != user_id || s.order_id == except_order) continue;
    out.push_back({s.order_id, s.location, s.window_start_minute, s.window_end_minute,
                   s.duration_minutes, s.trade});
  }
  return out;
}

}  // namespace

int DayPlanService::Today() const {
  return DayCode(ToLocalDate(clock_.NowMs(), utc_offset_));
}

int DayPlanService::NowMinute() const {
  return static_cast<int>((clock_.NowMs() + utc_offset_) % kDayMs / kMinuteMs);
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
      auto location = LocationOf(session, c.order);
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
    if (before != nullptr && before->user_id) {
      // Announced: keep the technician and the window the customer was told.
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
    const Technician* t = FindTechnician(technicians, r.user_id);
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
      const bool announced = before != nullptr && before->user_id.has_value();
      if (!stop.booked && !announced) {
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
      if (auto s = Assign(work_orders_, session, actor, stop, day); !s) return s;
    }
    auto labels = LabelsOf(session, plan);
    if (!labels) return Fail(labels.error());
    view.orders = std::move(*labels);
    return Emit(session, "dayplan.planned", plan,
                {{"moved", static_cast<std::int64_t>(view.moved.size())}});
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

Result<MoveAnswer> DayPlanService::Move(const Principal& actor, const MoveRequest& request) {
  if (auto s = actor.Require(Permission::kDispatchPlan); !s) return Fail(s.error());
  if (request.apply) {
    if (auto s = actor.Require(Permission::kWorkOrderDispatch); !s) return Fail(s.error());
  }
  MoveAnswer answer;
  auto decide = [&](StoreSession& session, bool write) -> Status {
    auto found = session.DayPlans().Find(request.team_id, request.day);
    if (!found) return Fail(found.error());
    if (!*found) return Fail(Error::NotFound("the day is not planned yet"));
    StoredDayPlan plan = std::move(**found);
    const PlanStop* moving = FindStop(plan, request.order_id);
    if (moving == nullptr) return Fail(Error::NotFound("the order is not in this day plan"));
    auto crew = CrewOf(session, request.team_id);
    if (!crew) return Fail(crew.error());
    const Technician* to = FindTechnician(crew->technicians, request.to_user_id);
    if (to == nullptr) {
      return Fail(Error::Invalid("to_user_id", "not a technician of the team"));
    }
    answer.from_user_id = moving->user_id;
    std::vector<TimedStop> stops = TimedStopsOf(plan, to->user_id, request.order_id);
    const std::size_t at = std::min<std::size_t>(
        static_cast<std::size_t>(std::max(0, request.position)), stops.size());
    stops.insert(stops.begin() + static_cast<std::ptrdiff_t>(at),
                 TimedStop{moving->order_id, moving->location, moving->window_start_minute,
                           moving->window_end_minute, moving->duration_minutes, moving->trade});
    answer.route = TimeRoute(*to, stops);
    answer.feasible = answer.route.feasible();
    if (!write) return Ok();
    if (!answer.feasible) {
      return Fail(
          Error::Conflict("the move breaks the plan: " + answer.route.violations.front().kind));
    }
    std::map<std::int64_t, PlanStop> originals;
    for (const PlanStop& s : plan.stops) originals.emplace(s.order_id, s);
    const std::optional<std::int64_t> from = moving->user_id;
    if (from && *from != to->user_id) {
      if (const Technician* source = FindTechnician(crew->technicians, *from); source != nullptr) {
        PutRoute(plan, *source, TimeRoute(*source, TimedStopsOf(plan, *from, request.order_id)),
                 originals);
      }
    }
    PutRoute(plan, *to, answer.route, originals);
    SortStops(plan);
    plan.km = 0;
    for (const PlanRoute& r : plan.routes) plan.km += r.km;
    plan.revision += 1;
    plan.planned_by = actor.user_id;
    plan.planned_at = clock_.NowMs();
    auto id = session.DayPlans().Save(plan);
    if (!id) return Fail(id.error());
    if (auto s =
            Assign(work_orders_, session, actor, *FindStop(plan, request.order_id), request.day);
        !s) {
      return s;
    }
    answer.applied = true;
    return Emit(session, "dayplan.changed", plan,
                {{"order_id", request.order_id}, {"to_user_id", request.to_user_id}});
  };
  Status done = request.apply ? store_.Write([&](StoreSession& s) { return decide(s, true); })
                              : store_.Read([&](StoreSession& s) { return decide(s, false); });
  if (!done) return Fail(done.error());
  return answer;
}

Result<PreemptAnswer> DayPlanService::Preempt(const Principal& actor,
                                              const PreemptRequest& request) {
  if (auto s = actor.Require(Permission::kDispatchPlan); !s) return Fail(s.error());
  constexpr int kEmergencyStartWithin = 120;  // minutes: an emergency is attended at once
  const auto tree = work_orders_.categories();
  const int now_minute = NowMinute();
  PreemptAnswer answer;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto found = session.DayPlans().Find(request.team_id, request.day);
    if (!found) return Fail(found.error());
    if (!*found) return Fail(Error::NotFound("the day is not planned yet"));
    auto crew = CrewOf(session, request.team_id);
    if (!crew) return Fail(crew.error());
    const Technician* to = FindTechnician(crew->technicians, request.to_user_id);
    if (to == nullptr) return Fail(Error::Invalid("to_user_id", "not a technician of the team"));
    auto order = session.WorkOrders().FindById(request.order_id);
    if (!order) {
      if (order.error().code == ErrorCode::kNotFound) {
        return Fail(Error::Invalid("order_id", "no such work order"));
      }
      return Fail(order.error());
    }
    auto location = LocationOf(session, *order);
    if (!location) return Fail(location.error());
    if (!*location) return Fail(Error::Invalid("order_id", "the order has no location"));
    const int start = request.day == Today() ? now_minute : to->shift.start_minute;
    TimedStop emergency{
        order->id,       **location,
        start,           start + kEmergencyStartWithin,
        kDefaultMinutes, tree->TradeFor(order->category).value_or(Trade::kPipeRepair)};
    std::vector<TimedStop> ahead;
    for (const PlanStop& s : (*found)->stops) {
      if (s.user_id != to->user_id || s.order_id == order->id || s.start_minute < start) continue;
      TimedStop t{s.order_id,          s.location,         s.window_start_minute,
                  s.window_end_minute, s.duration_minutes, s.trade};
      t.start_minute = s.start_minute;
      ahead.push_back(t);
    }
    const Point at = to->position && request.day == Today() ? *to->position : to->depot;
    answer.preemption = dispatch::Preempt(*to, at, start, emergency, ahead);
    for (const TimedStop& s : answer.preemption.route.stops) {
      auto label = LabelOf(session, s.order_id);
      if (!label) return Fail(label.error());
      answer.orders.emplace(s.order_id, std::move(*label));
    }
    return Ok();
  });
  if (!read) return Fail(read.error());
  return answer;
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
