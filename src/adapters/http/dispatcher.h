// The request path after parsing: authenticate, run the route's handler, turn any failure into
// a problem response. It never throws and never blocks on anything but the handler itself,
// which the server runs on the worker pool when the route says so.
#pragma once

#include <optional>

#include "adapters/http/message.h"
#include "adapters/http/problem.h"
#include "adapters/http/router.h"
#include "core/common/rate_limiter.h"
#include "core/identity/auth_service.h"

namespace lifeline::http {

class Dispatcher {
 public:
  // `public_limiter`, when given, meters the public portal and tracking routes
  // (/api/v1/public/…, /api/v1/track/…) per client address; a client over its budget gets 429
  // with Retry-After.
  Dispatcher(const Router& router, AuthService& auth, RateLimiter* public_limiter = nullptr)
      : router_(router), auth_(auth), public_limiter_(public_limiter) {}

  RouteMatch Match(const Request& request) const {
    return router_.Match(request.method, request.path);
  }
  const Router& router() const { return router_; }
  Response Handle(const Request& request, const RouteMatch& match);

 private:
  std::optional<Response> Throttle(const Request& request, const Route& route, Locale locale);

  const Router& router_;
  AuthService& auth_;
  RateLimiter* public_limiter_;
};

// "Bearer <token>" from the Authorization header; empty when absent or of another scheme.
std::string_view BearerCredential(const Request& request);

}  // namespace lifeline::http
