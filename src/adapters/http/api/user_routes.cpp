#include "adapters/http/api/api_support.h"
#include "adapters/http/api/json_views.h"
#include "adapters/http/api/routes.h"
#include "adapters/http/json_body.h"

namespace lifeline::http {

namespace {

Response AddUser(RouteContext& context, UserService& users) {
  auto body = JsonBody::Parse(context.request.body);
  if (!body) return ProblemFor(context, body.error());
  NewUser request;
  auto username = body->String("username", 32);
  if (!username) return ProblemFor(context, username.error());
  auto display_name = body->String("display_name", 150);
  if (!display_name) return ProblemFor(context, display_name.error());
  auto role_code = body->String("role", 20);
  if (!role_code) return ProblemFor(context, role_code.error());
  auto role = ParseRole(*role_code);
  if (!role) return ProblemFor(context, Error::Invalid("role", "unknown role: " + *role_code));
  auto org_unit = body->Int("org_unit_id", 1, INT64_MAX);
  if (!org_unit) return ProblemFor(context, org_unit.error());
  auto password = body->String("password", 128);
  if (!password) return ProblemFor(context, password.error());
  request = {std::move(*username), std::move(*display_name), *role, *org_unit,
             std::move(*password)};
  return Reply(context, users.AddUser(context.user(), std::move(request)), UserJson, 201);
}

Response ChangePassword(RouteContext& context, UserService& users) {
  auto body = JsonBody::Parse(context.request.body);
  if (!body) return ProblemFor(context, body.error());
  auto password = body->String("new_password", 128);
  if (!password) return ProblemFor(context, password.error());
  return ReplyEmpty(context,
                    users.ChangePassword(context.user(), context.Param("username"), *password));
}

Response AddOrgUnit(RouteContext& context, OrgService& orgs) {
  auto body = JsonBody::Parse(context.request.body);
  if (!body) return ProblemFor(context, body.error());
  OrgUnit unit;
  auto kind_code = body->String("kind", 20);
  if (!kind_code) return ProblemFor(context, kind_code.error());
  auto kind = ParseOrgUnitKind(*kind_code);
  if (!kind) return ProblemFor(context, Error::Invalid("kind", "unknown kind: " + *kind_code));
  unit.kind = *kind;
  auto parent = body->OptionalInt("parent_id", 1, INT64_MAX);
  if (!parent) return ProblemFor(context, parent.error());
  unit.parent_id = *parent;
  auto code = body->String("code", 40);
  if (!code) return ProblemFor(context, code.error());
  unit.code = std::move(*code);
  auto name = body->String("name", 150);
  if (!name) return ProblemFor(context, name.error());
  unit.name = std::move(*name);
  auto areas = body->IntList("area_district_ids", 64);
  if (!areas) return ProblemFor(context, areas.error());
  unit.area_district_ids = std::move(*areas);
  return Reply(context, orgs.Add(context.user(), std::move(unit)), OrgUnitJson, 201);
}

}  // namespace

void AddUserRoutes(Router& router, ApiDependencies& deps) {
  UserService& users = deps.users;
  OrgService& orgs = deps.orgs;
  const auto authed = RouteAccess::kAuthenticated;
  const auto worker = RouteExecution::kWorker;

  router.Add(Method::kGet, "/api/v1/users", authed, worker, [&users](RouteContext& c) {
    return Reply(c, users.List(c.user()), [](const std::vector<User>& list) {
      Json items = Json::array();
      for (const User& u : list) items.push_back(UserJson(u));
      return Json{{"items", items}};
    });
  });
  router.Add(Method::kPost, "/api/v1/users", authed, worker,
             [&users](RouteContext& c) { return AddUser(c, users); });
  router.Add(Method::kGet, "/api/v1/users/{id}", authed, worker, [&users](RouteContext& c) {
    auto id = IdParam(c, "id");
    if (!id) return ProblemFor(c, id.error());
    return Reply(c, users.Get(c.user(), *id), UserJson);
  });
  router.Add(Method::kPost, "/api/v1/users/{username}/password", authed, worker,
             [&users](RouteContext& c) { return ChangePassword(c, users); });
  router.Add(Method::kPost, "/api/v1/users/{username}/disable", authed, worker,
             [&users](RouteContext& c) {
               return ReplyEmpty(c, users.SetDisabled(c.user(), c.Param("username"), true));
             });
  router.Add(Method::kPost, "/api/v1/users/{username}/enable", authed, worker,
             [&users](RouteContext& c) {
               return ReplyEmpty(c, users.SetDisabled(c.user(), c.Param("username"), false));
             });
  router.Add(Method::kPost, "/api/v1/users/{username}/unlock", authed, worker,
             [&users](RouteContext& c) {
               return ReplyEmpty(c, users.Unlock(c.user(), c.Param("username")));
             });

  router.Add(Method::kGet, "/api/v1/org-units", authed, worker, [&orgs](RouteContext& c) {
    return Reply(c, orgs.List(c.user()), [](const std::vector<OrgUnit>& units) {
      Json items = Json::array();
      for (const OrgUnit& u : units) items.push_back(OrgUnitJson(u));
      return Json{{"items", items}};
    });
  });
  router.Add(Method::kPost, "/api/v1/org-units", authed, worker,
             [&orgs](RouteContext& c) { return AddOrgUnit(c, orgs); });
}

}  // namespace lifeline::http
