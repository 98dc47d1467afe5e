#include "core/identity/user_service.h"

#include <string>
#include <utility>

#include "core/common/retry.h"

namespace lifeline {

namespace {

constexpr std::size_t kMaxUsernameLength = 32;
constexpr std::size_t kMinPasswordLength = 8;
constexpr std::size_t kMaxPasswordLength = 128;
constexpr std::size_t kMaxDisplayNameBytes = 150;  // 50 Chinese characters in UTF-8
constexpr int kConflictRetries = 3;

bool IsUsernameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

Fields UserFields(const User& user) {
  return {{"username", user.username},
          {"display_name", user.display_name},
          {"role", std::string(RoleCode(user.role))},
          {"org_unit_id", user.org_unit_id},
          {"disabled", user.disabled}};
}

DomainEvent UserEvent(std::string type, const User& user) {
  return {"user", std::move(type), "user/" + std::to_string(user.id), UserFields(user)};
}

}  // namespace

Status ValidateUsername(std::string_view username) {
  if (username.size() < 2 || username.size() > kMaxUsernameLength) {
    return Fail(Error::Invalid("username", "username must be 2 to 32 characters"));
  }
  for (char c : username) {
    if (!IsUsernameChar(c)) {
      return Fail(
          Error::Invalid("username", "username may contain only a-z, 0-9, '.', '_' and '-'"));
    }
  }
  return Ok();
}

Status ValidatePassword(std::string_view password, std::string_view field) {
  if (password.size() < kMinPasswordLength || password.size() > kMaxPasswordLength) {
    return Fail(Error::Invalid(std::string(field), "password must be 8 to 128 characters"));
  }
  bool has_letter = false;
  bool has_digit = false;
  for (char c : password) {
    has_letter |= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    has_digit |= c >= '0' && c <= '9';
  }
  if (!has_letter || !has_digit) {
    return Fail(Error::Invalid(std::string(field), "password needs both letters and digits"));
  }
  return Ok();
}

Result<User> UserService::AddUser(const Principal& actor, NewUser request) {
  if (auto s = actor.Require(Permission::kUserManage); !s) return Fail(s.error());
  if (auto s = ValidateUsername(request.username); !s) return Fail(s.error());
  if (request.display_name.empty() || request.display_name.size() > kMaxDisplayNameBytes) {
    return Fail(Error::Invalid("display_name", "display name must be 1 to 50 characters"));
  }
  if (auto s = ValidatePassword(request.password); !s) return Fail(s.error());

  User user;
  user.username = std::move(request.username);
  user.display_name = std::move(request.display_name);
  user.role = request.role;
  user.org_unit_id = request.org_unit_id;
  user.password_hash = hasher_.Hash(request.password);  // slow: outside the transaction
  Status written = store_.Write([&](StoreSession& session) -> Status {
    if (auto unit = session.OrgUnits().FindById(user.org_unit_id); !unit) {
      if (unit.error().code == ErrorCode::kNotFound) {
        return Fail(Error::Invalid("org_unit_id", "no such org unit"));
      }
      return Fail(unit.error());
    }
    user.created_at = user.updated_at = clock_.NowMs();
    auto id = session.Users().Insert(user);
    if (!id) return Fail(id.error());
    user.id = *id;
    if (auto s = session.Audit().Append(
            ActorOf(actor), {"user.create", "user", std::to_string(user.id), {}, UserFields(user)},
            user.created_at);
        !s) {
      return s;
    }
    session.Events().Emit(UserEvent("user.created", user));
    return Ok();
  });
  if (!written) return Fail(written.error());
  return user;
}

template <class Change>
Status UserService::Modify(const Principal& actor, std::string_view username,
                           const UserChange& what, Change&& change) {
  std::int64_t user_id = 0;
  Status written = RetryOnConflict(kConflictRetries, [&] {
    return store_.Write([&](StoreSession& session) -> Status {
      auto user = session.Users().FindByUsername(username);
      if (!user) return Fail(user.error());
      const Fields before = UserFields(*user);
      const TimeMs now = clock_.NowMs();
      if (auto s = change(session, *user, now); !s) return s;
      user->updated_at = now;
      if (auto s = session.Users().Update(*user); !s) return s;
      if (auto s = session.Audit().Append(ActorOf(actor),
                                          {std::string(what.audit_action), "user",
                                           std::to_string(user->id), before, UserFields(*user)},
                                          now);
          !s) {
        return s;
      }
      session.Events().Emit(UserEvent(std::string(what.event_type), *user));
      user_id = user->id;
      return Ok();
    });
  });
  if (written) auth_.ForgetUser(user_id);
  return written;
}

Status UserService::ChangePassword(const Principal& actor, std::string_view username,
                                   std::string_view new_password) {
  if (actor.username != username) {
    if (auto s = actor.Require(Permission::kUserManage); !s) return s;
  }
  if (auto s = ValidatePassword(new_password, "new_password"); !s) return s;
  const std::string hash = hasher_.Hash(new_password);
  return Modify(actor, username, {"user.password_change", "user.password_changed"},
                [&](StoreSession& session, User& user, TimeMs now) -> Status {
                  user.password_hash = hash;
                  RecordLoginSuccess(user);
                  return session.Sessions().RevokeAllForUser(user.id, now);
                });
}

Status UserService::SetDisabled(const Principal& actor, std::string_view username, bool disabled) {
  if (auto s = actor.Require(Permission::kUserManage); !s) return s;
  if (disabled && actor.username == username) {
    return Fail(Error::Conflict("you cannot disable your own account"));
  }
  return Modify(actor, username,
                disabled ? UserChange{"user.disable", "user.disabled"}
                         : UserChange{"user.enable", "user.enabled"},
                [&](StoreSession& session, User& user, TimeMs now) -> Status {
                  user.disabled = disabled;
                  if (!disabled) return Ok();
                  return session.Sessions().RevokeAllForUser(user.id, now);
                });
}

Status UserService::Unlock(const Principal& actor, std::string_view username) {
  if (auto s = actor.Require(Permission::kUserManage); !s) return s;
  return Modify(actor, username, {"user.unlock", "user.unlocked"},
                [](StoreSession&, User& user, TimeMs) -> Status {
                  RecordLoginSuccess(user);
                  return Ok();
                });
}

Result<std::vector<User>> UserService::List(const Principal& actor) {
  if (auto s = actor.Require(Permission::kUserRead); !s) return Fail(s.error());
  std::vector<User> users;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto listed = session.Users().List();
    if (!listed) return Fail(listed.error());
    users = std::move(*listed);
    return Ok();
  });
  if (!read) return Fail(read.error());
  return users;
}

Result<User> UserService::Get(const Principal& actor, std::int64_t id) {
  if (actor.user_id != id) {
    if (auto s = actor.Require(Permission::kUserRead); !s) return Fail(s.error());
  }
  std::optional<User> user;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto found = session.Users().FindById(id);
    if (!found) return Fail(found.error());
    user = std::move(*found);
    return Ok();
  });
  if (!read) return Fail(read.error());
  return std::move(*user);
}

}  // namespace lifeline
