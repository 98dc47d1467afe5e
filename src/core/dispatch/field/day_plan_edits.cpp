// Editing a stored day plan by hand: moving one job to another technician or place in their
// day, and an emergency pre-empting a technician's day. Both answer first what the change would
// do, and apply it only when asked. Design: docs/design/dispatch.md ("The stored day plan").
#include <algorithm>
#include <set>

#include "core/dispatch/field/day_plan_service.h"
#include "core/dispatch/field/day_plan_steps.h"
#include "core/workorders/order_location.h"

namespace lifeline::dispatch {

using plan_steps::Assign;
using plan_steps::CrewOf;
using plan_steps::Emit;
using plan_steps::FindStop;
using plan_steps::kDefaultMinutes;
using plan_steps::kPreempted;
using plan_steps::LabelOf;
using plan_steps::PlanAssignmentNote;
using plan_steps::PutRoute;
using plan_steps::SaveRevision;
using plan_steps::TimedStopOf;
using plan_steps::TimedStopsOf;
using plan_steps::Unplan;

namespace {

constexpr int kEmergencyStartWithin = 120;  // minutes: an emergency is attended at once

// The technician's stops (without `except_order`) that start at or after `from` when `ahead`,
// before it otherwise, in order, with their planned times.
std::vector<TimedStop> StopsFrom(const StoredDayPlan& plan, std::int64_t user_id,
                                 std::int64_t except_order, int from, bool ahead) {
  std::vector<TimedStop> stops = TimedStopsOf(plan, user_id, except_order);
  std::erase_if(stops, [&](const TimedStop& s) { return (s.start_minute >= from) != ahead; });
  return stops;
}

// The emergency as a stop of the plan: its window is the time within which it must start.
PlanStop EmergencyStop(const TimedStop& emergency) {
  PlanStop stop;
  stop.order_id = emergency.order_id;
  stop.location = emergency.location;
  stop.window_start_minute = emergency.window_start_minute;
  stop.window_end_minute = emergency.window_end_minute;
  stop.duration_minutes = emergency.duration_minutes;
  stop.trade = emergency.trade;
  return stop;
}

}  // namespace

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
    const Technician* to = crew->Find(request.to_user_id);
    if (to == nullptr) {
      return Fail(Error::Invalid("to_user_id", "not a technician of the team"));
    }
    answer.from_user_id = moving->user_id;
    std::vector<TimedStop> stops = TimedStopsOf(plan, to->user_id, request.order_id);
    const std::size_t at = std::min<std::size_t>(
        static_cast<std::size_t>(std::max(0, request.position)), stops.size());
    stops.insert(stops.begin() + static_cast<std::ptrdiff_t>(at), TimedStopOf(*moving));
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
      if (const Technician* source = crew->Find(*from); source != nullptr) {
        PutRoute(plan, *source, TimeRoute(*source, TimedStopsOf(plan, *from, request.order_id)),
                 originals);
      }
    }
    PutRoute(plan, *to, answer.route, originals);
    if (auto s = SaveRevision(session, plan, actor, clock_.NowMs()); !s) return s;
    const PlanStop& moved = *FindStop(plan, request.order_id);
    if (auto s =
            Assign(work_orders_, session, actor, moved, PlanAssignmentNote(request.day, moved));
        !s) {
      return s;
    }
    answer.applied = true;
    Emit(session, "dayplan.changed", plan,
         {{"order_id", request.order_id}, {"to_user_id", request.to_user_id}});
    return Ok();
  };
  Status done = request.apply ? store_.Write([&](StoreSession& s) { return decide(s, true); })
                              : store_.Read([&](StoreSession& s) { return decide(s, false); });
  if (!done) return Fail(done.error());
  return answer;
}

Result<PreemptAnswer> DayPlanService::Preempt(const Principal& actor,
                                              const PreemptRequest& request) {
  if (auto s = actor.Require(Permission::kDispatchPlan); !s) return Fail(s.error());
  if (request.apply) {
    if (auto s = actor.Require(Permission::kWorkOrderDispatch); !s) return Fail(s.error());
  }
  const auto tree = work_orders_.categories();
  const bool today = request.day == Today();
  const int now_minute = NowMinute();
  PreemptAnswer answer;
  auto decide = [&](StoreSession& session, bool write) -> Status {
    auto found = session.DayPlans().Find(request.team_id, request.day);
    if (!found) return Fail(found.error());
    if (!*found) return Fail(Error::NotFound("the day is not planned yet"));
    StoredDayPlan plan = std::move(**found);
    auto crew = CrewOf(session, request.team_id);
    if (!crew) return Fail(crew.error());
    const Technician* to = crew->Find(request.to_user_id);
    if (to == nullptr) return Fail(Error::Invalid("to_user_id", "not a technician of the team"));
    auto order = session.WorkOrders().FindById(request.order_id);
    if (!order) {
      if (order.error().code == ErrorCode::kNotFound) {
        return Fail(Error::Invalid("order_id", "no such work order"));
      }
      return Fail(order.error());
    }
    auto location = OrderLocation(session, *order);
    if (!location) return Fail(location.error());
    if (!*location) return Fail(Error::Invalid("order_id", "the order has no location"));
    const int start = today ? now_minute : to->shift.start_minute;
    const TimedStop emergency{
        order->id,       **location,
        start,           start + kEmergencyStartWithin,
        kDefaultMinutes, tree->TradeFor(order->category).value_or(Trade::kPipeRepair)};
    const Point at = to->position && today ? *to->position : to->depot;
    answer.preemption = PreemptKeepingWindows(*to, at, start, emergency,
                                              StopsFrom(plan, to->user_id, order->id, start, true));
    // The route's stops and the jobs pushed out of it, each read once.
    std::set<std::int64_t> named;
    for (const TimedStop& s : answer.preemption.route.stops) named.insert(s.order_id);
    for (const PreemptedStop& m : answer.preemption.moved) named.insert(m.order_id);
    for (const std::int64_t id : named) {
      auto label = LabelOf(session, id);
      if (!label) return Fail(label.error());
      answer.orders.emplace(id, std::move(*label));
    }
    if (!write) return Ok();
    return ApplyPreemption(session, actor, plan, *crew, *to, start, answer);
  };
  Status done = request.apply ? store_.Write([&](StoreSession& s) { return decide(s, true); })
                              : store_.Read([&](StoreSession& s) { return decide(s, false); });
  if (!done) return Fail(done.error());
  return answer;
}

// The emergency becomes the technician's next stop: what they began before `start` stays, the
// stops that keep their windows follow it re-timed, the others leave their day unplanned
// ("preempted"), and the emergency is assigned to them.
Status DayPlanService::ApplyPreemption(StoreSession& session, const Principal& actor,
                                       StoredDayPlan& plan, const plan_steps::Crew& crew,
                                       const Technician& to, int start, PreemptAnswer& answer) {
  const Preemption& preemption = answer.preemption;
  const TimedStop& emergency = preemption.route.stops.front();
  std::map<std::int64_t, PlanStop> originals;
  for (const PlanStop& s : plan.stops) originals.emplace(s.order_id, s);
  originals.insert_or_assign(emergency.order_id, EmergencyStop(emergency));
  // Someone else's job until now: their day is re-timed without it.
  if (const PlanStop* was = FindStop(plan, emergency.order_id);
      was != nullptr && was->user_id && *was->user_id != to.user_id) {
    if (const Technician* other = crew.Find(*was->user_id); other != nullptr) {
      PutRoute(plan, *other,
               TimeRoute(*other, TimedStopsOf(plan, other->user_id, emergency.order_id)),
               originals);
    }
  }
  for (const PreemptedStop& m : preemption.moved) {
    if (!m.window_kept) Unplan(plan, originals.at(m.order_id), kPreempted);
  }
  TimedRoute day = preemption.route;
  std::vector<TimedStop> begun = StopsFrom(plan, to.user_id, emergency.order_id, start, false);
  if (!begun.empty()) {
    const auto route = std::ranges::find(plan.routes, to.user_id, &PlanRoute::user_id);
    if (route != plan.routes.end()) day.departure_minute = route->departure_minute;
    day.stops.insert(day.stops.begin(), begun.begin(), begun.end());
  }
  PutRoute(plan, to, day, originals);
  if (auto s = SaveRevision(session, plan, actor, clock_.NowMs()); !s) return s;
  const PlanStop& assigned = *FindStop(plan, emergency.order_id);
  if (auto s = Assign(work_orders_, session, actor, assigned,
                      "紧急插单 " + DayText(plan.day) + " " + ClockText(emergency.start_minute));
      !s) {
    return s;
  }
  answer.applied = true;
  const auto preempted = std::ranges::count(preemption.moved, false, &PreemptedStop::window_kept);
  Emit(session, "dayplan.changed", plan,
       {{"order_id", emergency.order_id},
        {"to_user_id", to.user_id},
        {"emergency", true},
        {"preempted", static_cast<std::int64_t>(preempted)}});
  return Ok();
}

}  // namespace lifeline::dispatch
