// Errors on the wire: RFC 9457 problem details (application/problem+json). Each Error maps to
// one status here and nowhere else; the title is localised (zh-CN first, English second), the
// detail is the error's own message, and `field` names the offending input.
#pragma once

#include <string_view>

#include "adapters/http/message.h"
#include "core/common/error.h"

namespace lifeline::http {

enum class Locale { kZhCn, kEn };

// From an Accept-Language header: English when it prefers English, Chinese otherwise.
Locale PickLocale(std::string_view accept_language);
std::string_view LocaleTag(Locale locale);

int HttpStatusOf(ErrorCode code);
std::string_view ProblemTitle(ErrorCode code, Locale locale);

// `status` overrides the error code's usual status (405 is an invalid request of its own kind).
Response ProblemResponse(const Error& error, Locale locale, std::string_view instance = {},
                         int status = 0);

}  // namespace lifeline::http
