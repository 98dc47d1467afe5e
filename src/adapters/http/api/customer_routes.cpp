#include "adapters/http/api/api_support.h"
#include "adapters/http/api/interaction_json.h"
#include "adapters/http/api/json_views.h"
#include "adapters/http/api/outage_json.h"
#include "adapters/http/api/routes.h"

namespace lifeline::http {

namespace {

constexpr std::size_t kRecentContacts = 5;  // the screen pop's slice of the timeline

}  // namespace

void AddCustomerRoutes(Router& router, ApiDependencies& deps) {
  CustomerService& customers = deps.customers;
  OutageService& outages = deps.outages;
  InteractionService& interactions = deps.interactions;
  Store& store = deps.store;

  // The screen pop: everything an agent needs about a caller, in one request.
  router.Add(Method::kGet, "/api/v1/customers", RouteAccess::kAuthenticated,
             RouteExecution::kWorker, [&customers, &outages, &interactions](RouteContext& c) {
               auto phone = c.request.QueryParam("phone");
               if (!phone) return ProblemFor(c, Error::Invalid("phone", "phone is required"));
               auto found = customers.LookupByPhone(c.user(), *phone);
               if (!found) return ProblemFor(c, found.error());
               json::JsonWriter out;
               out.BeginObject().Key("items").BeginArray();
               for (const Customer& customer : *found) {
                 auto affected = outages.Affecting(c.user(), customer);
                 if (!affected) return ProblemFor(c, affected.error());
                 out.BeginObject();
                 WriteCustomerFields(out, customer);
                 out.Key("outages");
                 WriteAccountOutages(out, *affected);
                 auto recent = interactions.RecentFor(c.user(), customer, kRecentContacts);
                 if (!recent) return ProblemFor(c, recent.error());
                 out.Key("recent_contacts");
                 WriteInteractions(out, *recent);
                 out.EndObject();
               }
               out.EndArray().EndObject();
               return JsonResponse(200, out.Take());
             });
  // The search box: registered before /customers/{id}, which would otherwise take "search".
  router.Add(Method::kGet, "/api/v1/customers/search", RouteAccess::kAuthenticated,
             RouteExecution::kWorker, [&customers](RouteContext& c) {
               auto limit = IntQuery(c, "limit", 1, 50);
               if (!limit) return ProblemFor(c, limit.error());
               auto hits = customers.Search(c.user(), c.request.QueryParam("q").value_or(""),
                                            static_cast<std::size_t>(limit->value_or(20)));
               if (!hits) return ProblemFor(c, hits.error());
               json::JsonWriter out;
               out.BeginObject().Key("items").BeginArray();
               for (const SearchHit& hit : *hits) {
                 out.BeginObject();
                 WriteCustomerFields(out, hit.customer);
                 out.Field("matched_by", hit.matched_by).EndObject();
               }
               out.EndArray().EndObject();
               return JsonResponse(200, out.Take());
             });
  router.Add(Method::kGet, "/api/v1/customers/{id}", RouteAccess::kAuthenticated,
             RouteExecution::kWorker, [&customers](RouteContext& c) {
               auto id = IdParam(c, "id");
               if (!id) return ProblemFor(c, id.error());
               auto customer = customers.Get(c.user(), *id);
               if (!customer) return ProblemFor(c, customer.error());
               json::JsonWriter out;
               WriteCustomer(out, *customer);
               return JsonResponse(200, out.Take());
             });

  // "我家欠多少钱？" from the billing system (built-in or the utility's, docs/design/billing.md).
  BillingService& billing = deps.billing;
  router.Add(Method::kGet, "/api/v1/accounts/{account_no}/billing", RouteAccess::kAuthenticated,
             RouteExecution::kWorker, [&billing](RouteContext& c) {
               return Reply(c, billing.ForAccount(c.user(), c.Param("account_no")),
                            BillingSnapshotJson);
             });

  router.Add(Method::kGet, "/api/v1/topology/districts", RouteAccess::kAuthenticated,
             RouteExecution::kWorker, [&store](RouteContext& c) {
               std::vector<TopologyNode> districts;
               Status read = store.Read([&](StoreSession& session) -> Status {
                 auto nodes = session.Topology().ListNodes(NodeKind::kDistrict);
                 if (!nodes) return Fail(nodes.error());
                 districts = std::move(*nodes);
                 return Ok();
               });
               if (!read) return ProblemFor(c, read.error());
               Json items = Json::array();
               for (const TopologyNode& node : districts) items.push_back(TopologyNodeJson(node));
               return JsonOk({{"items", items}});
             });
}

}  // namespace lifeline::http
