// The last line of defence before a plan leaves the solver: when the search found nothing
// feasible (an over-full day), take clients out of every violating route until it is feasible,
// then put unassigned clients back wherever they fit without any violation, trying every
// position. What still does not fit is returned as unassigned ("no room in plan"). The result
// is always feasible.
#pragma once

#include "core/dispatch/search/working_solution.h"

namespace lifeline::dispatch::search {

void RepairFeasibility(WorkingSolution& solution);

}  // namespace lifeline::dispatch::search
