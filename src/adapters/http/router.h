// Routes: method + path pattern ("/api/v1/users/{id}") → handler, with who may call it and
// where it runs. Matching is a linear scan over split segments: there are a few dozen routes,
// and the scan costs less than a hash of the path would.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "adapters/http/message.h"
#include "core/identity/principal.h"

namespace lifeline::http {

enum class RouteAccess {
  kPublic,         // no credentials needed
  kAuthenticated,  // a session token or API key; handlers check permissions themselves
};

enum class RouteExecution {
  kInline,  // cheap and non-blocking: runs on the I/O thread
  kWorker,  // touches the database or hashes passwords: runs on the worker pool
};

struct RouteContext {
  const Request& request;
  const Principal* principal = nullptr;  // set for authenticated routes
  std::vector<std::pair<std::string, std::string>> params;
  std::string_view locale = "zh-CN";

  std::string_view Param(std::string_view name) const;
  const Principal& user() const { return *principal; }
};

using Handler = std::function<Response(RouteContext&)>;

struct Route {
  Method method = Method::kGet;
  std::string pattern;
  RouteAccess access = RouteAccess::kAuthenticated;
  RouteExecution execution = RouteExecution::kWorker;
  Handler handler;
  int index = 0;  // position in the router, used as the metrics label
  // The largest request body this route takes; 0: the server's (server.body_limit_bytes).
  // Upload routes raise it; the server reads the headers first and applies the route's limit.
  std::size_t body_limit = 0;
};

struct RouteMatch {
  const Route* route = nullptr;  // null: no route for this method and path
  std::vector<std::pair<std::string, std::string>> params;
  std::vector<Method> allowed;  // when route is null but the path exists: 405 with Allow
};

class Router {
 public:
  void Add(Method method, std::string pattern, RouteAccess access, RouteExecution execution,
           Handler handler, std::size_t body_limit = 0);
  RouteMatch Match(Method method, std::string_view path) const;
  // The body limit for a request to `path`: its route's, or `fallback` when the route keeps the
  // server's or no route matches.
  std::size_t BodyLimit(Method method, std::string_view path, std::size_t fallback) const;
  // The largest limit any route sets (0 when none raises it).
  std::size_t LargestBodyLimit() const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
  std::vector<std::vector<std::string>> segments_;
};

}  // namespace lifeline::http
