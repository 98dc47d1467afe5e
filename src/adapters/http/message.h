// HTTP requests and responses as plain values, so handlers, the router and their tests never
// see Boost.Beast. The server converts at the edge.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lifeline::http {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

std::string_view MethodName(Method method);
Method ParseMethod(std::string_view name);

struct Request {
  Method method = Method::kGet;
  std::string target;                                        // as received: path and query
  std::string path;                                          // decoded path, without the query
  std::string query;                                         // raw query string, without '?'
  std::vector<std::pair<std::string, std::string>> headers;  // names in lowercase
  std::string body;
  std::string remote_address;

  std::optional<std::string_view> Header(std::string_view lowercase_name) const;
  // The first value of a query parameter, percent-decoded; nullopt when absent.
  std::optional<std::string> QueryParam(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

Response JsonResponse(int status, std::string body);
Response NoContent();

// Splits "a/b?x=1" and percent-decodes the path; false when the target is malformed.
bool SplitTarget(std::string_view target, std::string& path, std::string& query);
std::string PercentDecode(std::string_view text, bool plus_is_space);
// "a,b,,c" → {"a", "b", "c"}: list-valued query parameters.
std::vector<std::string> SplitCommaList(std::string_view list);

}  // namespace lifeline::http
