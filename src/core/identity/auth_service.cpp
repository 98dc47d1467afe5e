#include "core/identity/auth_service.h"

#include <string>
#include <utility>

#include "core/common/retry.h"
#include "core/identity/data_scope.h"

namespace lifeline {

namespace {

constexpr int kTokenBytes = 32;
constexpr int kMaxOrgDepth = 8;
constexpr int kConflictRetries = 3;
constexpr std::string_view kWrongCredentials = "wrong username or password";

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

Error LockedError(TimeMs until) {
  return {
      ErrorCode::kLocked,
      "account locked after repeated failed logins until " + std::to_string(until) + " (epoch ms)",
      ""};
}

DomainEvent AuthEvent(std::string type, const User& user, std::string_view remote_address) {
  return {"auth",
          std::move(type),
          "user/" + std::to_string(user.id),
          {{"user_id", user.id},
           {"username", user.username},
           {"remote_address", std::string(remote_address)}}};
}

}  // namespace

AuditActor ActorOf(const Principal& principal) {
  AuditActor actor;
  if (principal.user_id != 0) actor.user_id = principal.user_id;
  actor.name = principal.api_key_id ? "api-key:" + std::to_string(*principal.api_key_id)
                                    : principal.username;
  actor.remote_address = principal.remote_address;
  return actor;
}

Result<Principal> LoadPrincipal(StoreSession& session, const User& user) {
  auto unit = session.OrgUnits().FindById(user.org_unit_id);
  if (!unit) return Fail(unit.error());
  std::vector<OrgUnit> ancestors;
  std::optional<std::int64_t> parent = unit->parent_id;
  for (int depth = 0; parent && depth < kMaxOrgDepth; ++depth) {
    auto next = session.OrgUnits().FindById(*parent);
    if (!next) return Fail(next.error());
    parent = next->parent_id;
    ancestors.push_back(std::move(*next));
  }
  Principal principal;
  principal.user_id = user.id;
  principal.username = user.username;
  principal.display_name = user.display_name;
  principal.role = user.role;
  principal.org_unit_id = user.org_unit_id;
  principal.scope = ResolveDataScope(*unit, ancestors);
  principal.permissions = RolePermissions(user.role);
  return principal;
}

AuthService::AuthService(Store& store, const PasswordHasher& hasher, SecureRandom& random,
                         const Digest& digest, const Clock& clock, AuthSettings settings)
    : store_(store),
      hasher_(hasher),
      random_(random),
      digest_(digest),
      clock_(clock),
      settings_(settings),
      cache_(settings.principal_cache_ttl, settings.principal_cache_entries),
      dummy_hash_(hasher.Hash(random.Token(kTokenBytes))) {}

Result<LoginResult> AuthService::Login(std::string_view username, std::string_view password,
                                       std::string_view remote_address) {
  if (username.empty()) return Fail(Error::Invalid("username", "username is required"));
  if (password.empty()) return Fail(Error::Invalid("password", "password is required"));

  std::optional<User> user;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto found = session.Users().FindByUsername(username);
    if (found) {
      user = std::move(*found);
    } else if (found.error().code != ErrorCode::kNotFound) {
      return Fail(found.error());
    }
    return Ok();
  });
  if (!read) return Fail(read.error());

  if (!user) {
    (void)hasher_.Verify(dummy_hash_, password);  // same cost as a real check
    return Fail(Error::Unauthenticated(std::string(kWrongCredentials)));
  }
  if (IsLocked(*user, clock_.NowMs())) return Fail(LockedError(*user->locked_until));
  if (!hasher_.Verify(user->password_hash, password)) {
    if (auto recorded = RecordFailedLogin(user->id, remote_address); !recorded) {
      return Fail(recorded.error());
    }
    return Fail(Error::Unauthenticated(std::string(kWrongCredentials)));
  }
  if (user->disabled) return Fail(Error::Forbidden("account disabled"));
  return OpenSession(user->id, remote_address);
}

Status AuthService::RecordFailedLogin(std::int64_t user_id, std::string_view remote_address) {
  std::optional<TimeMs> locked_until;
  Status written = RetryOnConflict(kConflictRetries, [&] {
    return store_.Write([&](StoreSession& session) -> Status {
      auto user = session.Users().FindById(user_id);
      if (!user) return Fail(user.error());
      const TimeMs now = clock_.NowMs();
      const bool locked = RecordLoginFailure(*user, settings_.lockout, now);
      if (auto s = session.Users().Update(*user); !s) return s;
      AuditActor actor{user->id, user->username, std::string(remote_address)};
      if (auto s = session.Audit().Append(actor,
                                          {"auth.login_failed",
                                           "user",
                                           std::to_string(user->id),
                                           {},
                                           {{"failed_logins", std::int64_t{user->failed_logins}}}},
                                          now);
          !s) {
        return s;
      }
      if (locked) {
        locked_until = user->locked_until;
        session.Events().Emit(AuthEvent("user.locked", *user, remote_address));
      }
      return Ok();
    });
  });
  if (!written) return written;
  if (locked_until) return Fail(LockedError(*locked_until));
  return Ok();
}

Result<LoginResult> AuthService::OpenSession(std::int64_t user_id,
                                             std::string_view remote_address) {
  LoginResult result;
  result.token = std::string(kSessionTokenPrefix) + random_.Token(kTokenBytes);
  const std::string token_hash = digest_.Sha256Hex(result.token);
  Status written = RetryOnConflict(kConflictRetries, [&] {
    return store_.Write([&](StoreSession& session) -> Status {
      auto user = session.Users().FindById(user_id);
      if (!user) return Fail(user.error());
      const TimeMs now = clock_.NowMs();
      if (user->failed_logins != 0 || user->locked_until) {
        RecordLoginSuccess(*user);
        if (auto s = session.Users().Update(*user); !s) return s;
      }
      result.expires_at = now + settings_.session_ttl;
      Session record{token_hash,        user->id,     now,
                     result.expires_at, std::nullopt, std::string(remote_address)};
      if (auto s = session.Sessions().Insert(record); !s) return s;
      auto principal = LoadPrincipal(session, *user);
      if (!principal) return Fail(principal.error());
      principal->remote_address = std::string(remote_address);
      result.principal = std::move(*principal);
      if (auto s =
              session.Audit().Append(ActorOf(result.principal),
                                     {"auth.login", "user", std::to_string(user->id), {}, {}}, now);
          !s) {
        return s;
      }
      session.Events().Emit(AuthEvent("auth.login", *user, remote_address));
      return Ok();
    });
  });
  if (!written) return Fail(written.error());
  cache_.Put(token_hash, result.principal, result.expires_at, clock_.NowMs());
  return result;
}

Result<Principal> AuthService::Authenticate(std::string_view credential) {
  const bool is_session = StartsWith(credential, kSessionTokenPrefix);
  if (!is_session && !StartsWith(credential, kApiKeyPrefix)) {
    return Fail(Error::Unauthenticated("not a Lifeline token"));
  }
  const std::string hash = digest_.Sha256Hex(credential);
  const TimeMs now = clock_.NowMs();
  if (auto cached = cache_.Find(hash, now)) return std::move(*cached);
  return is_session ? AuthenticateSession(hash, now) : AuthenticateApiKey(hash, now);
}

Result<Principal> AuthService::AuthenticateSession(const std::string& hash, TimeMs now) {
  Principal principal;
  TimeMs valid_until = 0;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto record = session.Sessions().FindByTokenHash(hash);
    if (!record) {
      if (record.error().code == ErrorCode::kNotFound) {
        return Fail(Error::Unauthenticated("unknown session"));
      }
      return Fail(record.error());
    }
    if (record->revoked_at) return Fail(Error::Unauthenticated("session ended"));
    if (record->expires_at <= now) return Fail(Error::Unauthenticated("session expired"));
    auto user = session.Users().FindById(record->user_id);
    if (!user) return Fail(user.error());
    if (user->disabled) return Fail(Error::Unauthenticated("account disabled"));
    auto loaded = LoadPrincipal(session, *user);
    if (!loaded) return Fail(loaded.error());
    principal = std::move(*loaded);
    valid_until = record->expires_at;
    return Ok();
  });
  if (!read) return Fail(read.error());
  cache_.Put(hash, principal, valid_until, now);
  return principal;
}

Result<Principal> AuthService::AuthenticateApiKey(const std::string& hash, TimeMs now) {
  Principal principal;
  TimeMs valid_until = now + settings_.principal_cache_ttl;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto key = session.ApiKeys().FindByHash(hash);
    if (!key) {
      if (key.error().code == ErrorCode::kNotFound) {
        return Fail(Error::Unauthenticated("unknown API key"));
      }
      return Fail(key.error());
    }
    if (key->revoked_at) return Fail(Error::Unauthenticated("API key revoked"));
    if (key->expires_at && *key->expires_at <= now) {
      return Fail(Error::Unauthenticated("API key expired"));
    }
    auto user = session.Users().FindById(key->user_id);
    if (!user) return Fail(user.error());
    if (user->disabled) return Fail(Error::Unauthenticated("API key owner disabled"));
    auto loaded = LoadPrincipal(session, *user);
    if (!loaded) return Fail(loaded.error());
    principal = std::move(*loaded);
    PermissionSet scopes;
    for (Permission p : key->scopes) scopes.Add(p);
    principal.permissions = principal.permissions.Intersect(scopes);
    principal.api_key_id = key->id;
    if (key->expires_at) valid_until = *key->expires_at;
    return Ok();
  });
  if (!read) return Fail(read.error());
  cache_.Put(hash, principal, valid_until, now);
  return principal;
}

Status AuthService::Logout(const Principal& principal, std::string_view token) {
  const std::string hash = digest_.Sha256Hex(token);
  cache_.Evict(hash);
  return store_.Write([&](StoreSession& session) -> Status {
    const TimeMs now = clock_.NowMs();
    if (auto s = session.Sessions().Revoke(hash, now); !s) return s;
    if (auto s = session.Audit().Append(
            ActorOf(principal), {"auth.logout", "user", std::to_string(principal.user_id), {}, {}},
            now);
        !s) {
      return s;
    }
    session.Events().Emit({"auth",
                           "auth.logout",
                           "user/" + std::to_string(principal.user_id),
                           {{"user_id", principal.user_id}, {"username", principal.username}}});
    return Ok();
  });
}

Result<CreatedApiKey> AuthService::CreateApiKey(const Principal& actor, NewApiKey request) {
  if (auto s = actor.Require(Permission::kApiKeyManage); !s) return Fail(s.error());
  if (request.name.empty() || request.name.size() > 100) {
    return Fail(Error::Invalid("name", "name must be 1 to 100 characters"));
  }
  if (request.scopes.empty())
    return Fail(Error::Invalid("scopes", "at least one scope is required"));

  CreatedApiKey created;
  created.secret = std::string(kApiKeyPrefix) + random_.Token(kTokenBytes);
  ApiKey& key = created.key;
  key.name = std::move(request.name);
  key.key_hash = digest_.Sha256Hex(created.secret);
  key.prefix = created.secret.substr(0, 12);
  key.user_id = request.owner_user_id;
  key.scopes = std::move(request.scopes);
  key.expires_at = request.expires_at;
  Status written = store_.Write([&](StoreSession& session) -> Status {
    if (auto owner = session.Users().FindById(key.user_id); !owner) {
      if (owner.error().code == ErrorCode::kNotFound) {
        return Fail(Error::Invalid("owner_user_id", "no such user"));
      }
      return Fail(owner.error());
    }
    key.created_at = clock_.NowMs();
    auto id = session.ApiKeys().Insert(key);
    if (!id) return Fail(id.error());
    key.id = *id;
    Fields after{{"name", key.name}, {"owner_user_id", key.user_id}, {"prefix", key.prefix}};
    if (auto s = session.Audit().Append(
            ActorOf(actor), {"api_key.create", "api_key", std::to_string(key.id), {}, after},
            key.created_at);
        !s) {
      return s;
    }
    session.Events().Emit({"auth", "api_key.created", "api_key/" + std::to_string(key.id), after});
    return Ok();
  });
  if (!written) return Fail(written.error());
  return created;
}

Result<std::vector<ApiKey>> AuthService::ListApiKeys(const Principal& actor) {
  if (auto s = actor.Require(Permission::kApiKeyManage); !s) return Fail(s.error());
  std::vector<ApiKey> keys;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto listed = session.ApiKeys().List();
    if (!listed) return Fail(listed.error());
    keys = std::move(*listed);
    return Ok();
  });
  if (!read) return Fail(read.error());
  return keys;
}

Status AuthService::RevokeApiKey(const Principal& actor, std::int64_t id) {
  if (auto s = actor.Require(Permission::kApiKeyManage); !s) return s;
  Status written = store_.Write([&](StoreSession& session) -> Status {
    const TimeMs now = clock_.NowMs();
    if (auto s = session.ApiKeys().Revoke(id, now); !s) return s;
    if (auto s = session.Audit().Append(
            ActorOf(actor), {"api_key.revoke", "api_key", std::to_string(id), {}, {}}, now);
        !s) {
      return s;
    }
    session.Events().Emit(
        {"auth", "api_key.revoked", "api_key/" + std::to_string(id), {{"id", id}}});
    return Ok();
  });
  if (written) cache_.EvictApiKey(id);
  return written;
}

}  // namespace lifeline
