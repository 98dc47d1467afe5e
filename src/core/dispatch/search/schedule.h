// Turns a route of the search into the plan's timetable: departure, then arrival, start and end
// of every stop, the return and the distance, in the problem's own job and vehicle numbers.
#pragma once

#include "core/dispatch/plan.h"
#include "core/dispatch/search/route.h"

namespace lifeline::dispatch::search {

// The route must serve at least one client.
RoutePlan ScheduleRoute(const Instance& instance, const Route& route);

}  // namespace lifeline::dispatch::search
