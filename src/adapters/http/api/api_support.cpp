#include "adapters/http/api/api_support.h"

#include <charconv>
#include <cstdlib>
#include <string>

namespace lifeline::http {

namespace {

Result<std::int64_t> ParseInt(std::string_view text, std::string_view name, std::int64_t min,
                              std::int64_t max) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || value < min ||
      value > max) {
    return Fail(
        Error::Invalid(std::string(name), std::string(name) + " must be an integer between " +
                                              std::to_string(min) + " and " + std::to_string(max)));
  }
  return value;
}

}  // namespace

Response ProblemFor(const RouteContext& context, const Error& error) {
  const Locale locale = context.locale == "en" ? Locale::kEn : Locale::kZhCn;
  return ProblemResponse(error, locale, context.request.path);
}

Response JsonOk(const Json& body, int status) {
  return JsonResponse(status, body.dump(-1, ' ', false, Json::error_handler_t::replace));
}

Result<std::int64_t> IdParam(const RouteContext& context, std::string_view name) {
  return ParseInt(context.Param(name), name, 1, INT64_MAX);
}

Result<std::optional<std::int64_t>> IntQuery(const RouteContext& context, std::string_view name,
                                             std::int64_t min, std::int64_t max) {
  auto raw = context.request.QueryParam(name);
  if (!raw) return std::optional<std::int64_t>{};
  auto value = ParseInt(*raw, name, min, max);
  if (!value) return Fail(value.error());
  return std::optional<std::int64_t>(*value);
}

Result<double> NumberQuery(const RouteContext& context, std::string_view name, double min,
                           double max) {
  auto raw = context.request.QueryParam(name);
  const std::string field(name);
  if (!raw) return Fail(Error::Invalid(field, field + " is required"));
  const std::string text(*raw);
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || !(value >= min && value <= max)) {
    return Fail(Error::Invalid(field, field + " must be a number between " + std::to_string(min) +
                                          " and " + std::to_string(max)));
  }
  return value;
}

}  // namespace lifeline::http
