#include "adapters/http/api/api_support.h"
#include "adapters/http/api/json_views.h"
#include "adapters/http/api/routes.h"

namespace lifeline::http {

namespace {

Result<AuditQuery> ReadAuditQuery(const RouteContext& context) {
  AuditQuery query;
  const Request& r = context.request;
  query.actor = r.QueryParam("actor");
  query.action_prefix = r.QueryParam("action");
  query.entity_type = r.QueryParam("entity_type");
  query.entity_id = r.QueryParam("entity_id");
  auto from = IntQuery(context, "from", 0, INT64_MAX);
  if (!from) return Fail(from.error());
  query.from = *from;
  auto to = IntQuery(context, "to", 0, INT64_MAX);
  if (!to) return Fail(to.error());
  query.to = *to;
  auto before = IntQuery(context, "before_id", 1, INT64_MAX);
  if (!before) return Fail(before.error());
  query.before_id = *before;
  auto limit = IntQuery(context, "limit", 1, 500);
  if (!limit) return Fail(limit.error());
  query.limit = static_cast<int>(limit->value_or(50));
  return query;
}

}  // namespace

void AddAuditRoutes(Router& router, ApiDependencies& deps) {
  AuditService& audit = deps.audit;
  router.Add(Method::kGet, "/api/v1/audit", RouteAccess::kAuthenticated, RouteExecution::kWorker,
             [&audit](RouteContext& c) {
               auto query = ReadAuditQuery(c);
               if (!query) return ProblemFor(c, query.error());
               return Reply(c, audit.Search(c.user(), std::move(*query)),
                            [](const std::vector<AuditRecord>& records) {
                              Json items = Json::array();
                              for (const AuditRecord& r : records)
                                items.push_back(AuditRecordJson(r));
                              return Json{{"items", items}};
                            });
             });
  router.Add(Method::kGet, "/api/v1/audit/verify", RouteAccess::kAuthenticated,
             RouteExecution::kWorker, [&audit](RouteContext& c) {
               if (auto s = c.user().Require(Permission::kAuditRead); !s)
                 return ProblemFor(c, s.error());
               return Reply(c, audit.Verify(), [](const AuditVerification& v) {
                 return Json{{"intact", v.intact()},
                             {"rows_checked", v.rows_checked},
                             {"problem", v.problem ? Json(*v.problem) : Json(nullptr)}};
               });
             });
}

}  // namespace lifeline::http
