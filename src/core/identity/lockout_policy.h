// Lock-out after repeated failed logins: a pure policy over the user record, so the rules can be
// tested without a database and applied inside the login transaction.
#pragma once

#include "core/common/time.h"
#include "core/identity/user.h"

namespace lifeline {

struct LockoutPolicy {
  int max_failed_logins = 5;
  TimeMs lock_duration = 15 * kMinuteMs;
};

inline bool IsLocked(const User& user, TimeMs now) {
  return user.locked_until.has_value() && *user.locked_until > now;
}

// Counts a failed attempt; returns true when this attempt locks the account.
inline bool RecordLoginFailure(User& user, const LockoutPolicy& policy, TimeMs now) {
  if (user.locked_until && *user.locked_until <= now) {
    // A lock that has run out starts a fresh count.
    user.locked_until.reset();
    user.failed_logins = 0;
  }
  ++user.failed_logins;
  if (user.failed_logins >= policy.max_failed_logins) {
    user.locked_until = now + policy.lock_duration;
    return true;
  }
  return false;
}

inline void RecordLoginSuccess(User& user) {
  user.failed_logins = 0;
  user.locked_until.reset();
}

}  // namespace lifeline
