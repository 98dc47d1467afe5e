// Outages (停水/停热/停气) and announcements (公告): docs/design/outages.md.
#include "adapters/http/api/api_support.h"
#include "adapters/http/api/outage_json.h"
#include "adapters/http/api/routes.h"
#include "adapters/http/json_body.h"
#include "core/outages/outage_service.h"

namespace lifeline::http {

namespace {

constexpr std::int64_t kMaxTime = 4'102'444'800'000;  // 2100-01-01, in epoch milliseconds

// A required enum field read through its code parser, the error naming the field.
template <class Parse>
auto EnumField(const JsonBody& body, std::string_view field, Parse parse)
    -> Result<typename decltype(parse(std::string_view{}))::value_type> {
  auto code = body.String(field, 20);
  if (!code) return Fail(code.error());
  auto value = parse(*code);
  if (!value)
    return Fail(Error::Invalid(std::string(field), "unknown " + std::string(field) + ": " + *code));
  return *value;
}

Result<Outage> ReadOutage(const JsonBody& body) {
  Outage o;
  auto utility = EnumField(body, "utility", ParseUtility);
  if (!utility) return Fail(utility.error());
  o.utility = *utility;
  auto kind = EnumField(body, "kind", ParseOutageKind);
  if (!kind) return Fail(kind.error());
  o.kind = *kind;
  auto title = body.String("title", 300);
  if (!title) return Fail(title.error());
  o.title = std::move(*title);
  auto reason = body.OptionalString("reason", 3000);
  if (!reason) return Fail(reason.error());
  o.reason = reason->value_or("");
  auto starts = body.Int("starts_at", 1, kMaxTime);
  if (!starts) return Fail(starts.error());
  o.starts_at = *starts;
  auto restore = body.OptionalInt("expected_restore_at", 1, kMaxTime);
  if (!restore) return Fail(restore.error());
  o.expected_restore_at = *restore;
  auto nodes = body.IntList("node_ids", 500);
  if (!nodes) return Fail(nodes.error());
  o.node_ids = std::move(*nodes);
  return o;
}

Result<OutageChange> ReadChange(const JsonBody& body) {
  OutageChange change;
  auto version = body.Int("version", 1, INT64_MAX);
  if (!version) return Fail(version.error());
  change.expected_version = *version;
  auto action = body.OptionalString("action", 20);
  if (!action) return Fail(action.error());
  if (*action) {
    change.action = ParseOutageAction(**action);
    if (!change.action) return Fail(Error::Invalid("action", "unknown action: " + **action));
  }
  auto restore = body.OptionalInt("expected_restore_at", 1, kMaxTime);
  if (!restore) return Fail(restore.error());
  change.expected_restore_at = *restore;
  auto note = body.OptionalString("note", 1500);
  if (!note) return Fail(note.error());
  change.note = note->value_or("");
  return change;
}

Result<Announcement> ReadAnnouncement(const JsonBody& body) {
  Announcement a;
  auto title = body.String("title", 300);
  if (!title) return Fail(title.error());
  a.title = std::move(*title);
  auto text = body.String("body", 15000);
  if (!text) return Fail(text.error());
  a.body = std::move(*text);
  auto audience = body.OptionalString("audience", 20);
  if (!audience) return Fail(audience.error());
  if (*audience) {
    auto parsed = ParseAudience(**audience);
    if (!parsed) return Fail(Error::Invalid("audience", "unknown audience: " + **audience));
    a.audience = *parsed;
  }
  auto utility = body.OptionalString("utility", 20);
  if (!utility) return Fail(utility.error());
  if (*utility) {
    a.utility = ParseUtility(**utility);
    if (!a.utility) return Fail(Error::Invalid("utility", "unknown utility: " + **utility));
  }
  auto outage = body.OptionalInt("outage_id", 1, INT64_MAX);
  if (!outage) return Fail(outage.error());
  a.outage_id = *outage;
  auto from = body.OptionalInt("valid_from", 1, kMaxTime);
  if (!from) return Fail(from.error());
  a.valid_from = from->value_or(0);
  auto until = body.Int("valid_until", 1, kMaxTime);
  if (!until) return Fail(until.error());
  a.valid_until = *until;
  return a;
}

Result<OutageFilter> ReadFilter(const RouteContext& context) {
  OutageFilter filter;
  filter.open_only = context.request.QueryParam("open").value_or("") == "true";
  if (auto utility = context.request.QueryParam("utility")) {
    filter.utility = ParseUtility(*utility);
    if (!filter.utility) return Fail(Error::Invalid("utility", "unknown utility"));
  }
  auto limit = IntQuery(context, "limit", 1, 500);
  if (!limit) return Fail(limit.error());
  filter.limit = limit->value_or(100);
  return filter;
}

Json OutageList(const std::vector<Outage>& outages) {
  Json items = Json::array();
  for (const Outage& o : outages) items.push_back(OutageJson(o));
  return {{"items", items}};
}

Json AnnouncementList(const std::vector<Announcement>& announcements) {
  Json items = Json::array();
  for (const Announcement& a : announcements) items.push_back(AnnouncementJson(a));
  return {{"items", items}};
}

void AddOutageRecordRoutes(Router& router, OutageService& outages) {
  const auto authed = RouteAccess::kAuthenticated;
  const auto worker = RouteExecution::kWorker;
  router.Add(Method::kGet, "/api/v1/outages", authed, worker, [&outages](RouteContext& c) {
    auto filter = ReadFilter(c);
    if (!filter) return ProblemFor(c, filter.error());
    return Reply(c, outages.List(c.user(), *filter), OutageList);
  });
  router.Add(Method::kPost, "/api/v1/outages", authed, worker, [&outages](RouteContext& c) {
    return WithBody(c, ReadOutage, [&](Outage draft) {
      return Reply(c, outages.Create(c.user(), std::move(draft)), OutageJson, 201);
    });
  });
  router.Add(Method::kGet, "/api/v1/outages/{id}", authed, worker, [&outages](RouteContext& c) {
    auto id = IdParam(c, "id");
    if (!id) return ProblemFor(c, id.error());
    return Reply(c, outages.Get(c.user(), *id), OutageJson);
  });
  router.Add(Method::kPatch, "/api/v1/outages/{id}", authed, worker, [&outages](RouteContext& c) {
    auto id = IdParam(c, "id");
    if (!id) return ProblemFor(c, id.error());
    return WithBody(c, ReadChange, [&](const OutageChange& change) {
      return Reply(c, outages.Change(c.user(), *id, change), OutageJson);
    });
  });
}

void AddAnnouncementRoutes(Router& router, OutageService& outages) {
  const auto authed = RouteAccess::kAuthenticated;
  const auto worker = RouteExecution::kWorker;
  router.Add(Method::kGet, "/api/v1/announcements", authed, worker, [&outages](RouteContext& c) {
    return Reply(c, outages.CurrentAnnouncements(&c.user()), AnnouncementList);
  });
  router.Add(Method::kPost, "/api/v1/announcements", authed, worker, [&outages](RouteContext& c) {
    return WithBody(c, ReadAnnouncement, [&](Announcement draft) {
      return Reply(c, outages.Publish(c.user(), std::move(draft)), AnnouncementJson, 201);
    });
  });
  router.Add(Method::kDelete, "/api/v1/announcements/{id}", authed, worker,
             [&outages](RouteContext& c) {
               auto id = IdParam(c, "id");
               if (!id) return ProblemFor(c, id.error());
               return ReplyEmpty(c, outages.Withdraw(c.user(), *id));
             });
}

// No login: the portal and the IVR. Outage titles and windows are public notices anyway;
// the answer says nothing about who holds the account.
void AddPublicOutageRoutes(Router& router, OutageService& outages) {
  const auto open = RouteAccess::kPublic;
  const auto worker = RouteExecution::kWorker;
  router.Add(Method::kGet, "/api/v1/public/announcements", open, worker,
             [&outages](RouteContext& c) {
               return Reply(c, outages.CurrentAnnouncements(nullptr), AnnouncementList);
             });
  router.Add(Method::kGet, "/api/v1/public/outages", open, worker, [&outages](RouteContext& c) {
    auto account_no = c.request.QueryParam("account_no");
    if (!account_no || account_no->empty() || account_no->size() > 32) {
      return ProblemFor(c, Error::Invalid("account_no", "account_no (户号) is required"));
    }
    return Reply(c, outages.AffectingAccountNo(*account_no), [](const std::vector<Outage>& list) {
      Json items = Json::array();
      for (const Outage& o : list) items.push_back(PublicOutageJson(o));
      return Json{{"affected", !list.empty()}, {"items", items}};
    });
  });
}

}  // namespace

void AddOutageRoutes(Router& router, ApiDependencies& deps) {
  AddOutageRecordRoutes(router, deps.outages);
  AddAnnouncementRoutes(router, deps.outages);
  AddPublicOutageRoutes(router, deps.outages);
}

}  // namespace lifeline::http
