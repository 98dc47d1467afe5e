#include "adapters/http/api/api_support.h"
#include "adapters/http/api/json_views.h"
#include "adapters/http/api/routes.h"
#include "adapters/http/dispatcher.h"
#include "adapters/http/json_body.h"

namespace lifeline::http {

namespace {

Response Login(RouteContext& context, AuthService& auth) {
  auto body = JsonBody::Parse(context.request.body);
  if (!body) return ProblemFor(context, body.error());
  auto username = body->String("username", 64);
  if (!username) return ProblemFor(context, username.error());
  auto password = body->String("password", 128);
  if (!password) return ProblemFor(context, password.error());
  auto login = auth.Login(*username, *password, context.request.remote_address);
  return Reply(context, login, [](const LoginResult& r) {
    return Json{
        {"token", r.token}, {"expires_at", r.expires_at}, {"user", PrincipalJson(r.principal)}};
  });
}

Response CreateApiKey(RouteContext& context, AuthService& auth) {
  auto body = JsonBody::Parse(context.request.body);
  if (!body) return ProblemFor(context, body.error());
  NewApiKey request;
  auto name = body->String("name", 100);
  if (!name) return ProblemFor(context, name.error());
  request.name = std::move(*name);
  auto owner = body->Int("owner_user_id", 1, INT64_MAX);
  if (!owner) return ProblemFor(context, owner.error());
  request.owner_user_id = *owner;
  auto scopes = body->StringList("scopes", 32, 40);
  if (!scopes) return ProblemFor(context, scopes.error());
  for (const std::string& code : *scopes) {
    auto permission = ParsePermission(code);
    if (!permission) return ProblemFor(context, Error::Invalid("scopes", "unknown scope: " + code));
    request.scopes.push_back(*permission);
  }
  auto expires = body->OptionalInt("expires_at", 0, INT64_MAX);
  if (!expires) return ProblemFor(context, expires.error());
  request.expires_at = *expires;
  auto created = auth.CreateApiKey(context.user(), std::move(request));
  return Reply(
      context, created,
      [](const CreatedApiKey& k) {
        Json json = ApiKeyJson(k.key);
        json["secret"] = k.secret;  // the only time it is ever shown
        return json;
      },
      201);
}

}  // namespace

void AddAuthRoutes(Router& router, ApiDependencies& deps) {
  AuthService& auth = deps.auth;
  router.Add(Method::kPost, "/api/v1/auth/login", RouteAccess::kPublic, RouteExecution::kWorker,
             [&auth](RouteContext& c) { return Login(c, auth); });
  router.Add(Method::kPost, "/api/v1/auth/logout", RouteAccess::kAuthenticated,
             RouteExecution::kWorker, [&auth](RouteContext& c) {
               return ReplyEmpty(c, auth.Logout(c.user(), BearerCredential(c.request)));
             });
  router.Add(Method::kGet, "/api/v1/auth/me", RouteAccess::kAuthenticated, RouteExecution::kInline,
             [](RouteContext& c) { return JsonOk(PrincipalJson(c.user())); });

  router.Add(Method::kGet, "/api/v1/api-keys", RouteAccess::kAuthenticated, RouteExecution::kWorker,
             [&auth](RouteContext& c) {
               return Reply(c, auth.ListApiKeys(c.user()), [](const std::vector<ApiKey>& keys) {
                 Json items = Json::array();
                 for (const ApiKey& k : keys) items.push_back(ApiKeyJson(k));
                 return Json{{"items", items}};
               });
             });
  router.Add(Method::kPost, "/api/v1/api-keys", RouteAccess::kAuthenticated,
             RouteExecution::kWorker, [&auth](RouteContext& c) { return CreateApiKey(c, auth); });
  router.Add(Method::kDelete, "/api/v1/api-keys/{id}", RouteAccess::kAuthenticated,
             RouteExecution::kWorker, [&auth](RouteContext& c) {
               auto id = IdParam(c, "id");
               if (!id) return ProblemFor(c, id.error());
               return ReplyEmpty(c, auth.RevokeApiKey(c.user(), *id));
             });
}

}  // namespace lifeline::http
