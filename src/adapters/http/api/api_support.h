// Shared by the route files: turning core results into responses, reading path and query
// parameters with errors that name them.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "adapters/http/json_body.h"
#include "adapters/http/problem.h"
#include "adapters/http/router.h"
#include "core/common/error.h"

namespace lifeline::http {

using Json = nlohmann::ordered_json;

Response ProblemFor(const RouteContext& context, const Error& error);
Response JsonOk(const Json& body, int status = 200);

// A path parameter that must be a positive id.
Result<std::int64_t> IdParam(const RouteContext& context, std::string_view name);
// An optional integer query parameter within [min, max].
Result<std::optional<std::int64_t>> IntQuery(const RouteContext& context, std::string_view name,
                                             std::int64_t min, std::int64_t max);

// A required number query parameter within [min, max].
Result<double> NumberQuery(const RouteContext& context, std::string_view name, double min,
                           double max);

// Maps a Result to a response: the value through `render`, or the error as a problem.
template <class T, class Render>
Response Reply(const RouteContext& context, const Result<T>& result, Render&& render,
               int status = 200) {
  if (!result) return ProblemFor(context, result.error());
  return JsonOk(render(*result), status);
}

// Parses the JSON body, reads it into a request with `read` (Result<T>(const JsonBody&)) and
// hands that to `act`; parse and read errors become problems naming the field.
template <class Read, class Act>
Response WithBody(RouteContext& context, Read read, Act act) {
  auto body = JsonBody::Parse(context.request.body);
  if (!body) return ProblemFor(context, body.error());
  auto parsed = read(*body);
  if (!parsed) return ProblemFor(context, parsed.error());
  return act(std::move(*parsed));
}

inline Response ReplyEmpty(const RouteContext& context, const Status& status) {
  if (!status) return ProblemFor(context, status.error());
  return NoContent();
}

}  // namespace lifeline::http
