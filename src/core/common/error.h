// Expected failures as values. Every fallible operation in Lifeline returns Result<T>; the
// error carries a stable code (mapped once to an HTTP status at the edge), a message for
// people, and the offending field when the failure is about input.
#pragma once

#include <expected>
#include <string>
#include <string_view>
#include <utility>

namespace lifeline {

enum class ErrorCode {
  kInvalidArgument,  // the input is malformed or breaks a rule; `field` names which
  kUnauthenticated,  // no valid credentials
  kForbidden,        // authenticated, but not allowed
  kNotFound,
  kConflict,  // duplicate, stale version, or a state that does not allow the action
  kLocked,    // account locked after repeated failed logins
  kTooLarge,  // payload over a configured limit
  kRateLimited,
  kAborted,               // lost a race with a concurrent transaction: safe to retry at once
  kUnavailable,           // database busy or full, dependency down: retry later
  kInternal,              // a bug: logged and counted
  kUnsupportedMediaType,  // a body of a type the route does not take, or lying about it
};

std::string_view ErrorCodeName(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::string field;  // JSON pointer-ish path of the offending input field, empty if none

  static Error Invalid(std::string field, std::string message) {
    return {ErrorCode::kInvalidArgument, std::move(message), std::move(field)};
  }
  static Error NotFound(std::string message) {
    return {ErrorCode::kNotFound, std::move(message), {}};
  }
  static Error Conflict(std::string message) {
    return {ErrorCode::kConflict, std::move(message), {}};
  }
  static Error Forbidden(std::string message) {
    return {ErrorCode::kForbidden, std::move(message), {}};
  }
  static Error Unauthenticated(std::string message) {
    return {ErrorCode::kUnauthenticated, std::move(message), {}};
  }
  static Error Unavailable(std::string message) {
    return {ErrorCode::kUnavailable, std::move(message), {}};
  }
  static Error Internal(std::string message) {
    return {ErrorCode::kInternal, std::move(message), {}};
  }
  static Error UnsupportedMediaType(std::string field, std::string message) {
    return {ErrorCode::kUnsupportedMediaType, std::move(message), std::move(field)};
  }
  static Error TooLarge(std::string message) {
    return {ErrorCode::kTooLarge, std::move(message), {}};
  }
};

template <class T>
using Result = std::expected<T, Error>;

// Result<void> with a readable name for functions that only succeed or fail.
using Status = std::expected<void, Error>;

inline std::unexpected<Error> Fail(Error error) {
  return std::unexpected<Error>(std::move(error));
}

inline Status Ok() {
  return {};
}

}  // namespace lifeline
