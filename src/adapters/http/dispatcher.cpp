#include "adapters/http/dispatcher.h"

#include <spdlog/spdlog.h>

#include <exception>

#include "adapters/http/problem.h"

namespace lifeline::http {

namespace {

Response MethodNotAllowed(const RouteMatch& match, Locale locale, std::string_view path) {
  Response response = ProblemResponse(
      {ErrorCode::kInvalidArgument, "method not allowed for this path", ""}, locale, path, 405);
  std::string allow;
  for (Method method : match.allowed) {
    if (!allow.empty()) allow += ", ";
    allow += MethodName(method);
  }
  response.headers.emplace_back("Allow", allow);
  return response;
}

}  // namespace

std::string_view BearerCredential(const Request& request) {
  auto header = request.Header("authorization");
  if (!header) return {};
  constexpr std::string_view kScheme = "Bearer ";
  if (header->size() <= kScheme.size() || !header->starts_with(kScheme)) return {};
  return header->substr(kScheme.size());
}

Response Dispatcher::Handle(const Request& request, const RouteMatch& match) {
  const Locale locale = PickLocale(request.Header("accept-language").value_or(""));
  if (match.route == nullptr) {
    if (!match.allowed.empty()) return MethodNotAllowed(match, locale, request.path);
    return ProblemResponse(Error::NotFound("no such resource"), locale, request.path);
  }
  RouteContext context{request, nullptr, match.params, LocaleTag(locale)};
  std::optional<Principal> principal;
  if (match.route->access == RouteAccess::kAuthenticated) {
    const std::string_view credential = BearerCredential(request);
    if (credential.empty()) {
      return ProblemResponse(Error::Unauthenticated("an Authorization: Bearer token is required"),
                             locale, request.path);
    }
    auto authenticated = auth_.Authenticate(credential);
    if (!authenticated) return ProblemResponse(authenticated.error(), locale, request.path);
    principal = std::move(*authenticated);
    principal->remote_address = request.remote_address;
    context.principal = &*principal;
  }
  try {
    return match.route->handler(context);
  } catch (const std::exception& e) {
    // The request boundary: a bug in a handler costs one request, not the process.
    spdlog::error("handler for {} {} failed: {}", MethodName(request.method), request.path,
                  e.what());
    return ProblemResponse(Error::Internal(e.what()), locale, request.path);
  }
}

}  // namespace lifeline::http
