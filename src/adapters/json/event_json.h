#pragma once

#include <string>

#include "core/events/domain_event.h"

namespace lifeline::json {

// {"id":…,"at":…,"topic":…,"type":…,"subject":…,"data":{…}} — the event as subscribers see it.
std::string EventToJson(const StoredEvent& event);

}  // namespace lifeline::json
