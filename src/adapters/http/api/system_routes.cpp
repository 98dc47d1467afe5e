#include "adapters/http/api/api_support.h"
#include "adapters/http/api/routes.h"

namespace lifeline::http {

void AddSystemRoutes(Router& router, ApiDependencies& deps) {
  // Liveness: the process is serving. Never touches the database.
  router.Add(Method::kGet, "/healthz", RouteAccess::kPublic, RouteExecution::kInline,
             [](RouteContext&) {
               return JsonOk({{"status", "ok"}});
             });

  // Readiness: the database answers. Load balancers stop sending traffic when it does not.
  router.Add(Method::kGet, "/readyz", RouteAccess::kPublic, RouteExecution::kWorker,
             [&deps](RouteContext& context) {
               Status ready = deps.store.Read([](StoreSession& session) -> Status {
                 auto latest = session.Events().LatestId();
                 if (!latest) return Fail(latest.error());
                 return Ok();
               });
               if (!ready) return ProblemFor(context, ready.error());
               return JsonOk({{"status", "ready"}});
             });

  // Prometheus text format; bind the server to a private address if this must not be public.
  router.Add(Method::kGet, "/metrics", RouteAccess::kPublic, RouteExecution::kInline,
             [&deps](RouteContext&) {
               Response response;
               response.content_type = "text/plain; version=0.0.4; charset=utf-8";
               for (const MetricsSection& section : deps.metrics) section(response.body);
               return response;
             });
}

}  // namespace lifeline::http
