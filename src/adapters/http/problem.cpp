#include "adapters/http/problem.h"

#include <nlohmann/json.hpp>

namespace lifeline::http {

Locale PickLocale(std::string_view accept_language) {
  // Good enough for the two languages we ship: the first tag decides.
  const std::string_view first = accept_language.substr(0, accept_language.find_first_of(",;"));
  return first.starts_with("en") ? Locale::kEn : Locale::kZhCn;
}

std::string_view LocaleTag(Locale locale) {
  return locale == Locale::kEn ? "en" : "zh-CN";
}

int HttpStatusOf(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return 400;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kForbidden:
      return 403;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kTooLarge:
      return 413;
    case ErrorCode::kLocked:
      return 423;
    case ErrorCode::kRateLimited:
      return 429;
    case ErrorCode::kAborted:
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kInternal:
      return 500;
    case ErrorCode::kUnsupportedMediaType:
      return 415;
  }
  return 500;
}

std::string_view ProblemTitle(ErrorCode code, Locale locale) {
  const bool en = locale == Locale::kEn;
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return en ? "Invalid request" : "请求内容有误";
    case ErrorCode::kUnauthenticated:
      return en ? "Please sign in" : "请先登录";
    case ErrorCode::kForbidden:
      return en ? "Not allowed" : "没有权限";
    case ErrorCode::kNotFound:
      return en ? "Not found" : "未找到";
    case ErrorCode::kConflict:
      return en ? "Conflict with the current state" : "与当前状态冲突";
    case ErrorCode::kTooLarge:
      return en ? "Request too large" : "请求内容过大";
    case ErrorCode::kLocked:
      return en ? "Account locked" : "账号已锁定";
    case ErrorCode::kRateLimited:
      return en ? "Too many requests" : "请求过于频繁";
    case ErrorCode::kAborted:
      return en ? "Please try again" : "请重试";
    case ErrorCode::kUnavailable:
      return en ? "Service temporarily unavailable" : "服务暂时不可用";
    case ErrorCode::kInternal:
      return en ? "Internal error" : "系统内部错误";
    case ErrorCode::kUnsupportedMediaType:
      return en ? "Unsupported file type" : "不支持的文件类型";
  }
  return en ? "Internal error" : "系统内部错误";
}

Response ProblemResponse(const Error& error, Locale locale, std::string_view instance, int status) {
  if (status == 0) status = HttpStatusOf(error.code);
  nlohmann::ordered_json body{
      {"type", "urn:lifeline:problem:" + std::string(ErrorCodeName(error.code))},
      {"title", ProblemTitle(error.code, locale)},
      {"status", status},
      {"code", ErrorCodeName(error.code)},
  };
  // Internal errors say nothing about the inside; the log has the details.
  body["detail"] =
      error.code == ErrorCode::kInternal ? std::string("see the server log") : error.message;
  if (!error.field.empty()) body["field"] = error.field;
  if (!instance.empty()) body["instance"] = instance;
  Response response;
  response.status = status;
  response.content_type = "application/problem+json; charset=utf-8";
  response.body = body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  if (error.code == ErrorCode::kUnauthenticated) {
    response.headers.emplace_back("WWW-Authenticate", "Bearer");
  }
  if (status == 503) response.headers.emplace_back("Retry-After", "1");
  return response;
}

}  // namespace lifeline::http
