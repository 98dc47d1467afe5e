// Contacts on the customer's timeline: docs/design/interactions.md.
#include "adapters/http/api/api_support.h"
#include "adapters/http/api/interaction_json.h"
#include "adapters/http/api/routes.h"
#include "adapters/http/json_body.h"

namespace lifeline::http {

namespace {

constexpr std::int64_t kMaxTime = 4'102'444'800'000;  // 2100-01-01, in epoch milliseconds

Result<Interaction> ReadInteraction(const JsonBody& body) {
  Interaction i;
  auto channel_code = body.String("channel", 20);
  if (!channel_code) return Fail(channel_code.error());
  auto channel = ParseChannel(*channel_code);
  if (!channel) return Fail(Error::Invalid("channel", "unknown channel: " + *channel_code));
  i.channel = *channel;
  auto direction_code = body.OptionalString("direction", 20);
  if (!direction_code) return Fail(direction_code.error());
  if (*direction_code) {
    auto direction = ParseDirection(**direction_code);
    if (!direction) return Fail(Error::Invalid("direction", "direction is inbound or outbound"));
    i.direction = *direction;
  }
  auto customer = body.OptionalInt("customer_id", 1, INT64_MAX);
  if (!customer) return Fail(customer.error());
  i.customer_id = *customer;
  auto account = body.OptionalInt("account_id", 1, INT64_MAX);
  if (!account) return Fail(account.error());
  i.account_id = *account;
  auto contact = body.OptionalString("contact", 200);
  if (!contact) return Fail(contact.error());
  i.contact = contact->value_or("");
  auto summary = body.String("summary", 6000);
  if (!summary) return Fail(summary.error());
  i.summary = std::move(*summary);
  auto started = body.OptionalInt("started_at", 1, kMaxTime);
  if (!started) return Fail(started.error());
  i.started_at = started->value_or(0);
  auto ended = body.OptionalInt("ended_at", 1, kMaxTime);
  if (!ended) return Fail(ended.error());
  i.ended_at = ended->value_or(0);
  return i;
}

}  // namespace

void AddInteractionRoutes(Router& router, ApiDependencies& deps) {
  InteractionService& interactions = deps.interactions;
  router.Add(Method::kPost, "/api/v1/interactions", RouteAccess::kAuthenticated,
             RouteExecution::kWorker, [&interactions](RouteContext& c) {
               auto body = JsonBody::Parse(c.request.body);
               if (!body) return ProblemFor(c, body.error());
               auto draft = ReadInteraction(*body);
               if (!draft) return ProblemFor(c, draft.error());
               auto recorded = interactions.Record(c.user(), std::move(*draft));
               if (!recorded) return ProblemFor(c, recorded.error());
               json::JsonWriter out;
               WriteInteraction(out, *recorded);
               return JsonResponse(201, out.Take());
             });
  router.Add(Method::kGet, "/api/v1/interactions/{id}", RouteAccess::kAuthenticated,
             RouteExecution::kWorker, [&interactions](RouteContext& c) {
               auto id = IdParam(c, "id");
               if (!id) return ProblemFor(c, id.error());
               auto found = interactions.Get(c.user(), *id);
               if (!found) return ProblemFor(c, found.error());
               json::JsonWriter out;
               WriteInteraction(out, *found);
               return JsonResponse(200, out.Take());
             });
  router.Add(Method::kGet, "/api/v1/customers/{id}/timeline", RouteAccess::kAuthenticated,
             RouteExecution::kWorker, [&interactions](RouteContext& c) {
               auto id = IdParam(c, "id");
               if (!id) return ProblemFor(c, id.error());
               auto limit = IntQuery(c, "limit", 1, 500);
               if (!limit) return ProblemFor(c, limit.error());
               auto timeline = interactions.Timeline(c.user(), *id,
                                                     static_cast<std::size_t>(limit->value_or(50)));
               if (!timeline) return ProblemFor(c, timeline.error());
               json::JsonWriter out;
               out.BeginObject().Key("items");
               WriteInteractions(out, *timeline);
               out.EndObject();
               return JsonResponse(200, out.Take());
             });
}

}  // namespace lifeline::http
