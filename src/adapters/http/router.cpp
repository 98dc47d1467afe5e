#include "adapters/http/router.h"

#include <algorithm>

namespace lifeline::http {

namespace {

std::vector<std::string> Split(std::string_view path) {
  std::vector<std::string> segments;
  std::size_t start = 1;  // paths start with '/'
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    const std::size_t end = slash == std::string_view::npos ? path.size() : slash;
    segments.emplace_back(path.substr(start, end - start));
    start = end + 1;
  }
  return segments;
}

bool IsParameter(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool MatchSegments(const std::vector<std::string>& pattern, const std::vector<std::string>& path,
                   std::vector<std::pair<std::string, std::string>>& params) {
  if (pattern.size() != path.size()) return false;
  params.clear();
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (IsParameter(pattern[i])) {
      if (path[i].empty()) return false;
      params.emplace_back(pattern[i].substr(1, pattern[i].size() - 2), path[i]);
    } else if (pattern[i] != path[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string_view RouteContext::Param(std::string_view name) const {
  for (const auto& [key, value] : params) {
    if (key == name) return value;
  }
  return {};
}

void Router::Add(Method method, std::string pattern, RouteAccess access, RouteExecution execution,
                 Handler handler, std::size_t body_limit) {
  // Resolving a credential may read the database, so authenticated routes never run inline.
  if (access == RouteAccess::kAuthenticated) execution = RouteExecution::kWorker;
  segments_.push_back(Split(pattern));
  routes_.push_back({method, std::move(pattern), access, execution, std::move(handler),
                     static_cast<int>(routes_.size()), body_limit});
}

std::size_t Router::BodyLimit(Method method, std::string_view path, std::size_t fallback) const {
  const RouteMatch match = Match(method, path);
  if (match.route == nullptr || match.route->body_limit == 0) return fallback;
  return match.route->body_limit;
}

std::size_t Router::LargestBodyLimit() const {
  std::size_t largest = 0;
  for (const Route& route : routes_) largest = std::max(largest, route.body_limit);
  return largest;
}

RouteMatch Router::Match(Method method, std::string_view path) const {
  RouteMatch match;
  const std::vector<std::string> segments = Split(path);
  std::vector<std::pair<std::string, std::string>> params;
  const Method wanted = method == Method::kHead ? Method::kGet : method;
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    if (!MatchSegments(segments_[i], segments, params)) continue;
    if (routes_[i].method == wanted) {
      match.route = &routes_[i];
      match.params = std::move(params);
      match.allowed.clear();
      return match;
    }
    match.allowed.push_back(routes_[i].method);
  }
  return match;
}

}  // namespace lifeline::http
