#include "adapters/http/api/api_support.h"
#include "adapters/http/api/routes.h"
#include "adapters/json/event_json.h"
#include "core/events/topic_access.h"

namespace lifeline::http {

void AddEventRoutes(Router& router, ApiDependencies& deps) {
  events::EventHub& hub = deps.events;
  // The same stream as the WebSocket at this path, one page at a time, for integrations that
  // prefer polling: pass the returned `next` as `after` to continue.
  router.Add(Method::kGet, "/api/v1/events", RouteAccess::kAuthenticated, RouteExecution::kWorker,
             [&hub](RouteContext& c) {
               auto topics = ResolveTopics(
                   c.user(), SplitCommaList(c.request.QueryParam("topics").value_or("")));
               if (!topics) return ProblemFor(c, topics.error());
               auto after = IntQuery(c, "after", 0, INT64_MAX);
               if (!after) return ProblemFor(c, after.error());
               auto limit = IntQuery(c, "limit", 1, 1000);
               if (!limit) return ProblemFor(c, limit.error());
               auto batch = hub.Fetch(after->value_or(0), {std::move(*topics), c.user().user_id},
                                      static_cast<int>(limit->value_or(100)));
               if (!batch) return ProblemFor(c, batch.error());
               std::string body = "{\"events\":[";
               for (std::size_t i = 0; i < batch->events.size(); ++i) {
                 if (i > 0) body += ',';
                 body += json::EventToJson(batch->events[i]);
               }
               body += "],\"next\":" + std::to_string(batch->cursor) + "}";
               return JsonResponse(200, std::move(body));
             });
}

}  // namespace lifeline::http
