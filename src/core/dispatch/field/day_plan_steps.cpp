#include "core/dispatch/field/day_plan_steps.h"

#include <algorithm>

#include "core/workorders/assignee_ranking.h"

namespace lifeline::dispatch::plan_steps {

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

bool Announced(const PlanStop* before) {
  return before != nullptr && (before->user_id.has_value() || before->reason == kPreempted);
}

void SortStops(StoredDayPlan& plan) {
  std::ranges::stable_sort(plan.stops, [](const PlanStop& a, const PlanStop& b) {
    const std::int64_t ua = a.user_id.value_or(INT64_MAX), ub = b.user_id.value_or(INT64_MAX);
    if (ua != ub) return ua < ub;
    return a.sequence < b.sequence;
  });
}

bool Crew::HasUnit(std::int64_t id) const {
  return std::ranges::find(units, id) != units.end();
}

bool Crew::HasTechnician(std::int64_t user_id) const {
  return Find(user_id) != nullptr;
}

const Technician* Crew::Find(std::int64_t user_id) const {
  const auto it = std::ranges::find(technicians, user_id, &Technician::user_id);
  return it == technicians.end() ? nullptr : &*it;
}

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

TimedStop TimedStopOf(const PlanStop& s) {
  TimedStop t{s.order_id,          s.location,         s.window_start_minute,
              s.window_end_minute, s.duration_minutes, s.trade};
  t.arrival_minute = s.arrival_minute;
  t.start_minute = s.start_minute;
  t.end_minute = s.end_minute;
  return t;
}

std::vector<TimedStop> TimedStopsOf(const StoredDayPlan& plan, std::int64_t user_id,
                                    std::int64_t except_order) {
  std::vector<TimedStop> out;
  for (const PlanStop& s : plan.stops) {
    if (s.user_id == user_id && s.order_id != except_order) out.push_back(TimedStopOf(s));
  }
  return out;
}

void PutRoute(StoredDayPlan& plan, const Technician& technician, const TimedRoute& timed,
              const std::map<std::int64_t, PlanStop>& originals) {
  std::erase_if(plan.stops, [&](const PlanStop& s) {
    return s.user_id == technician.user_id ||
           std::ranges::find(timed.stops, s.order_id, &TimedStop::order_id) != timed.stops.end();
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

void Unplan(StoredDayPlan& plan, const PlanStop& stop, std::string reason) {
  PlanStop unplanned = stop;
  std::erase_if(plan.stops, [&](const PlanStop& s) { return s.order_id == stop.order_id; });
  unplanned.user_id.reset();
  unplanned.sequence = 0;
  unplanned.arrival_minute = unplanned.start_minute = unplanned.end_minute = 0;
  unplanned.reason = std::move(reason);
  plan.stops.push_back(std::move(unplanned));
}

Status SaveRevision(StoreSession& session, StoredDayPlan& plan, const Principal& actor,
                    TimeMs now) {
  SortStops(plan);
  plan.km = 0;
  for (const PlanRoute& r : plan.routes) plan.km += r.km;
  plan.revision += 1;
  plan.planned_by = actor.user_id;
  plan.planned_at = now;
  auto id = session.DayPlans().Save(plan);
  if (!id) return Fail(id.error());
  return Ok();
}

Status Assign(WorkOrderService& work_orders, StoreSession& session, const Principal& actor,
              const PlanStop& stop, std::string note) {
  auto order = session.WorkOrders().FindById(stop.order_id);
  if (!order) return Fail(order.error());
  if (order->assignee_id == stop.user_id && order->state == WorkOrderState::kAssigned) return Ok();
  WorkOrderCommand assign;
  assign.action = WorkOrderAction::kAssign;
  assign.assignee_id = stop.user_id;
  assign.note = std::move(note);
  auto acted = work_orders.ActIn(session, actor, stop.order_id, assign);
  if (!acted) return Fail(acted.error());
  return Ok();
}

std::string PlanAssignmentNote(int day, const PlanStop& stop) {
  return "日计划派单 " + DayText(day) + " " + ClockText(stop.window_start_minute) + "–" +
         ClockText(stop.window_end_minute);
}

void Emit(StoreSession& session, std::string type, const StoredDayPlan& plan, Fields extra) {
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
}

}  // namespace lifeline::dispatch::plan_steps
