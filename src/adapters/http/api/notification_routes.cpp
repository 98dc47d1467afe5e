// The staff inbox, the customer-message outbox and customer opt-outs:
// docs/design/notifications.md. Texts are rendered in the caller's language (Accept-Language,
// Chinese unless English is preferred) from the stored codes and params.
#include "adapters/http/api/api_support.h"
#include "adapters/http/api/routes.h"
#include "adapters/json/fields_json.h"
#include "adapters/json/json_writer.h"
#include "core/notifications/message_templates.h"

namespace lifeline::http {

namespace {

TextLocale LocaleOf(const RouteContext& c) {
  return PickLocale(c.request.Header("accept-language").value_or("")) == Locale::kEn
             ? TextLocale::kEn
             : TextLocale::kZhCn;
}

void OptionalInt(json::JsonWriter& out, std::string_view key,
                 const std::optional<std::int64_t>& value) {
  out.Key(key);
  if (value) {
    out.Int(*value);
  } else {
    out.Null();
  }
}

void WriteNotification(json::JsonWriter& out, const StaffNotification& n, TextLocale locale) {
  out.BeginObject().Field("id", n.id).Field("kind", NotificationKindCode(n.kind));
  OptionalInt(out, "order_id", n.order_id);
  out.Key("params").Raw(json::FieldsToJson(n.params));
  out.Field("text", RenderNotification(n.kind, n.params, locale));
  out.Field("created_at", n.created_at);
  OptionalInt(out, "read_at", n.read_at);
  out.EndObject();
}

void WriteMessage(json::JsonWriter& out, const CustomerMessage& m, TextLocale locale) {
  out.BeginObject().Field("id", m.id);
  OptionalInt(out, "order_id", m.order_id);
  OptionalInt(out, "customer_id", m.customer_id);
  out.Field("channel", MessageChannelCode(m.channel))
      .Field("recipient", m.recipient)
      .Field("template", MessageTemplateCode(m.template_code));
  out.Key("params").Raw(json::FieldsToJson(m.params));
  out.Field("text", RenderMessage(m.template_code, m.params, locale))
      .Field("state", MessageStateCode(m.state));
  out.Key("suppressed");
  if (m.suppressed) {
    out.String(SuppressReasonCode(*m.suppressed));
  } else {
    out.Null();
  }
  out.Field("attempts", static_cast<std::int64_t>(m.attempts))
      .Field("last_error", m.last_error)
      .Field("created_at", m.created_at);
  OptionalInt(out, "sent_at", m.sent_at);
  out.EndObject();
}

Result<bool> UnreadQuery(const RouteContext& c) {
  const std::string value = c.request.QueryParam("unread").value_or("false");
  if (value != "true" && value != "false") {
    return Fail(Error::Invalid("unread", "unread is true or false"));
  }
  return value == "true";
}

struct Paging {
  std::int64_t offset = 0;
  std::int64_t limit = 50;
};

Result<Paging> PagingOf(const RouteContext& c) {
  auto offset = IntQuery(c, "offset", 0, 1'000'000);
  if (!offset) return Fail(offset.error());
  auto limit = IntQuery(c, "limit", 1, 200);
  if (!limit) return Fail(limit.error());
  return Paging{offset->value_or(0), limit->value_or(50)};
}

// {"ids": [1, 2]} or {"all": true}; exactly one of them.
Result<std::vector<std::int64_t>> ReadIds(const JsonBody& body) {
  auto ids = body.IntList("ids", 500);
  if (ids && !ids->empty()) return ids;
  auto all = body.Bool("all");
  if (all && *all) return std::vector<std::int64_t>{};
  return Fail(Error::Invalid("ids", "give the ids to mark read, or \"all\": true"));
}

Result<CustomerMessageFilter> ReadMessageFilter(const RouteContext& c) {
  CustomerMessageFilter filter;
  auto order = IntQuery(c, "order_id", 1, INT64_MAX);
  if (!order) return Fail(order.error());
  filter.order_id = *order;
  auto customer = IntQuery(c, "customer_id", 1, INT64_MAX);
  if (!customer) return Fail(customer.error());
  filter.customer_id = *customer;
  if (auto state = c.request.QueryParam("state")) {
    filter.state = ParseMessageState(*state);
    if (!filter.state) {
      return Fail(Error::Invalid("state", "state is queued, sent, failed or suppressed"));
    }
  }
  auto paging = PagingOf(c);
  if (!paging) return Fail(paging.error());
  filter.offset = paging->offset;
  filter.limit = paging->limit;
  return filter;
}

Response OptOutReply(std::int64_t customer_id, bool opted_out) {
  json::JsonWriter out;
  out.BeginObject().Field("customer_id", customer_id).Field("opted_out", opted_out).EndObject();
  return JsonResponse(200, out.Take());
}

}  // namespace

void AddNotificationRoutes(Router& router, ApiDependencies& deps) {
  NotificationService& notifications = deps.notifications;
  const auto authed = RouteAccess::kAuthenticated;
  const auto worker = RouteExecution::kWorker;
  router.Add(Method::kGet, "/api/v1/notifications", authed, worker,
             [&notifications](RouteContext& c) {
               auto unread = UnreadQuery(c);
               if (!unread) return ProblemFor(c, unread.error());
               auto paging = PagingOf(c);
               if (!paging) return ProblemFor(c, paging.error());
               auto page = notifications.Inbox(c.user(), *unread, paging->offset, paging->limit);
               if (!page) return ProblemFor(c, page.error());
               json::JsonWriter out;
               out.BeginObject().Key("items").BeginArray();
               for (const StaffNotification& n : page->items)
                 WriteNotification(out, n, LocaleOf(c));
               out.EndArray()
                   .Field("total", page->total)
                   .Field("unread", page->unread)
                   .Field("offset", paging->offset)
                   .Field("limit", paging->limit)
                   .EndObject();
               return JsonResponse(200, out.Take());
             });
  router.Add(Method::kPost, "/api/v1/notifications/read", authed, worker,
             [&notifications](RouteContext& c) {
               return WithBody(c, ReadIds, [&](std::vector<std::int64_t> ids) {
                 auto marked = notifications.MarkRead(c.user(), ids);
                 if (!marked) return ProblemFor(c, marked.error());
                 json::JsonWriter out;
                 out.BeginObject().Field("marked", *marked).EndObject();
                 return JsonResponse(200, out.Take());
               });
             });
  router.Add(Method::kGet, "/api/v1/customer-messages", authed, worker,
             [&notifications](RouteContext& c) {
               auto filter = ReadMessageFilter(c);
               if (!filter) return ProblemFor(c, filter.error());
               auto page = notifications.Messages(c.user(), *filter);
               if (!page) return ProblemFor(c, page.error());
               json::JsonWriter out;
               out.BeginObject().Key("items").BeginArray();
               for (const CustomerMessage& m : page->items) WriteMessage(out, m, LocaleOf(c));
               out.EndArray()
                   .Field("total", page->total)
                   .Field("offset", filter->offset)
                   .Field("limit", filter->limit)
                   .EndObject();
               return JsonResponse(200, out.Take());
             });
  router.Add(Method::kGet, "/api/v1/customers/{id}/message-opt-out", authed, worker,
             [&notifications](RouteContext& c) {
               auto id = IdParam(c, "id");
               if (!id) return ProblemFor(c, id.error());
               auto opted_out = notifications.OptedOut(c.user(), *id);
               if (!opted_out) return ProblemFor(c, opted_out.error());
               return OptOutReply(*id, *opted_out);
             });
  router.Add(Method::kPut, "/api/v1/customers/{id}/message-opt-out", authed, worker,
             [&notifications](RouteContext& c) {
               auto id = IdParam(c, "id");
               if (!id) return ProblemFor(c, id.error());
               return WithBody(
                   c, [](const JsonBody& body) { return body.Bool("opted_out"); },
                   [&](bool opted_out) {
                     if (auto s = notifications.SetOptOut(c.user(), *id, opted_out); !s) {
                       return ProblemFor(c, s.error());
                     }
                     return OptOutReply(*id, opted_out);
                   });
             });
}

}  // namespace lifeline::http
