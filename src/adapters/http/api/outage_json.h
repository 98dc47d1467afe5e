// How outages and announcements look in API responses.
#pragma once

#include <span>

#include "adapters/http/api/api_support.h"
#include "adapters/json/json_writer.h"
#include "core/outages/outage_service.h"

namespace lifeline::http {

Json OutageJson(const Outage& outage);
// For the public routes: no author, no internal ids beyond the outage's own.
Json PublicOutageJson(const Outage& outage);
Json AnnouncementJson(const Announcement& announcement);

// The screen pop's "outages" array: each open outage once, with the accounts it reaches.
void WriteAccountOutages(json::JsonWriter& out, std::span<const AccountOutages> affected);

}  // namespace lifeline::http
