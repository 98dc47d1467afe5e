#include "adapters/storage/repositories/sql_credential_repositories.h"

#include "adapters/storage/sql_helpers.h"

namespace lifeline::storage {

namespace {

constexpr Query kInsertSession{
    "sessions.insert",
    "INSERT INTO sessions (token_hash, user_id, created_at, expires_at, revoked_at, remote_address)"
    " VALUES ($1, $2, $3, $4, $5, $6)"};
constexpr Query kSessionByHash{
    "sessions.by_hash",
    "SELECT token_hash, user_id, created_at, expires_at, revoked_at, remote_address"
    " FROM sessions WHERE token_hash = $1"};
constexpr Query kRevokeSession{
    "sessions.revoke",
    "UPDATE sessions SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL"};
constexpr Query kRevokeUserSessions{
    "sessions.revoke_user",
    "UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL"};
constexpr Query kDeleteExpired{"sessions.delete_expired",
                               "DELETE FROM sessions WHERE expires_at < $1"};

constexpr Query kInsertKey{
    "api_keys.insert",
    "INSERT INTO api_keys (name, key_hash, prefix, user_id, scopes, created_at, expires_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id"};
constexpr Query kKeyByHash{
    "api_keys.by_hash",
    "SELECT id, name, key_hash, prefix, user_id, scopes, created_at, expires_at, revoked_at"
    " FROM api_keys WHERE key_hash = $1"};
constexpr Query kListKeys{
    "api_keys.list",
    "SELECT id, name, key_hash, prefix, user_id, scopes, created_at, expires_at, revoked_at"
    " FROM api_keys ORDER BY id"};
constexpr Query kRevokeKey{
    "api_keys.revoke", "UPDATE api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL"};

Result<Session> MapSession(const Row& row) {
  return Session{row.Str(0), row.Int(1), row.Int(2), row.Int(3), row.OptInt(4), row.Str(5)};
}

std::string JoinScopes(const std::vector<Permission>& scopes) {
  std::string out;
  for (Permission p : scopes) {
    if (!out.empty()) out += ' ';
    out += PermissionCode(p);
  }
  return out;
}

Result<ApiKey> MapKey(const Row& row) {
  ApiKey key;
  key.id = row.Int(0);
  key.name = row.Str(1);
  key.key_hash = row.Str(2);
  key.prefix = row.Str(3);
  key.user_id = row.Int(4);
  std::string_view scopes = row.Text(5);
  while (!scopes.empty()) {
    const std::size_t space = scopes.find(' ');
    const std::string_view code = scopes.substr(0, space);
    auto permission = ParsePermission(code);
    if (!permission) return Fail(UnknownCode("permission", code));
    key.scopes.push_back(*permission);
    scopes = space == std::string_view::npos ? std::string_view{} : scopes.substr(space + 1);
  }
  key.created_at = row.Int(6);
  key.expires_at = row.OptInt(7);
  key.revoked_at = row.OptInt(8);
  return key;
}

Status Changed(Result<std::int64_t> changed, std::string_view what) {
  if (!changed) return Fail(changed.error());
  if (*changed == 0)
    return Fail(Error::NotFound(std::string(what) + " not found or already ended"));
  return Ok();
}

}  // namespace

Status SqlSessionRepository::Insert(const Session& s) {
  auto inserted = connection_.Exec(kInsertSession, {s.token_hash, s.user_id, s.created_at,
                                                    s.expires_at, s.revoked_at, s.remote_address});
  if (!inserted) return Fail(inserted.error());
  return Ok();
}

Result<Session> SqlSessionRepository::FindByTokenHash(std::string_view token_hash) {
  return FetchOne<Session>(connection_, kSessionByHash, {token_hash}, MapSession, "session");
}

Status SqlSessionRepository::Revoke(std::string_view token_hash, TimeMs at) {
  return Changed(connection_.Exec(kRevokeSession, {token_hash, at}), "session");
}

Status SqlSessionRepository::RevokeAllForUser(std::int64_t user_id, TimeMs at) {
  auto changed = connection_.Exec(kRevokeUserSessions, {user_id, at});
  if (!changed) return Fail(changed.error());
  return Ok();
}

Result<std::int64_t> SqlSessionRepository::DeleteExpired(TimeMs before) {
  return connection_.Exec(kDeleteExpired, {before});
}

Result<std::int64_t> SqlApiKeyRepository::Insert(const ApiKey& key) {
  return InsertReturningId(connection_, kInsertKey,
                           {key.name, key.key_hash, key.prefix, key.user_id, JoinScopes(key.scopes),
                            key.created_at, key.expires_at});
}

Result<ApiKey> SqlApiKeyRepository::FindByHash(std::string_view key_hash) {
  return FetchOne<ApiKey>(connection_, kKeyByHash, {key_hash}, MapKey, "API key");
}

Result<std::vector<ApiKey>> SqlApiKeyRepository::List() {
  return FetchAll<ApiKey>(connection_, kListKeys, {}, MapKey);
}

Status SqlApiKeyRepository::Revoke(std::int64_t id, TimeMs at) {
  return Changed(connection_.Exec(kRevokeKey, {id, at}), "API key");
}

}  // namespace lifeline::storage
