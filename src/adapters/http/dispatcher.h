// The request path after parsing: authenticate, run the route's handler, turn any failure into
// a problem response. It never throws and never blocks on anything but the handler itself,
// which the server runs on the worker pool when the route says so.
#pragma once

#include "adapters/http/message.h"
#include "adapters/http/router.h"
#include "core/identity/auth_service.h"

namespace lifeline::http {

class Dispatcher {
 public:
  Dispatcher(const Router& router, AuthService& auth) : router_(router), auth_(auth) {}

  RouteMatch Match(const Request& request) const {
    return router_.Match(request.method, request.path);
  }
  const Router& router() const { return router_; }
  Response Handle(const Request& request, const RouteMatch& match);

 private:
  const Router& router_;
  AuthService& auth_;
};

// "Bearer <token>" from the Authorization header; empty when absent or of another scheme.
std::string_view BearerCredential(const Request& request);

}  // namespace lifeline::http
