#include "adapters/http/dispatcher.h"

#include <spdlog/spdlog.h>

#include <chrono>
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

// Monotonic milliseconds: a wall-clock step must not refill or drain every bucket.
TimeMs SteadyNowMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

}  // namespace

std::optional<Response> Dispatcher::Throttle(const Request& request, const Route& route,
                                             Locale locale) {
  // The anonymous portal only. The login is guarded per account (lock-out) instead: a service
  // centre's agents often share one address behind NAT and all sign in at 08:00.
  const bool portal =
      request.path.starts_with("/api/v1/public/") || request.path.starts_with("/api/v1/track/");
  if (public_limiter_ == nullptr || route.access != RouteAccess::kPublic || !portal) {
    return std::nullopt;
  }
  const auto decision = public_limiter_->Take(request.remote_address, SteadyNowMs());
  if (decision.allowed) return std::nullopt;
  Response response = ProblemResponse(
      {ErrorCode::kRateLimited, "too many requests from this address; try again shortly", ""},
      locale, request.path);
  response.headers.emplace_back("Retry-After", std::to_string(decision.retry_after_seconds));
  return response;
}

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
  if (auto refused = Throttle(request, *match.route, locale)) return std::move(*refused);
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
