#include "adapters/storage/repositories/sql_user_repository.h"

#include "adapters/storage/sql_helpers.h"

namespace lifeline::storage {

namespace {

#define LIFELINE_USER_COLUMNS                                                                   \
  "id, username, display_name, role, org_unit_id, password_hash, failed_logins, locked_until, " \
  "disabled, created_at, updated_at, version"

constexpr Query kByUsername{"users.by_username",
                            "SELECT " LIFELINE_USER_COLUMNS " FROM users WHERE username = $1"};
constexpr Query kById{"users.by_id", "SELECT " LIFELINE_USER_COLUMNS " FROM users WHERE id = $1"};
constexpr Query kList{"users.list",
                      "SELECT " LIFELINE_USER_COLUMNS " FROM users ORDER BY username"};
constexpr Query kInsert{
    "users.insert",
    "INSERT INTO users (username, display_name, role, org_unit_id, password_hash, failed_logins,"
    " locked_until, disabled, created_at, updated_at, version)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1) RETURNING id"};
constexpr Query kUpdate{
    "users.update",
    "UPDATE users SET display_name = $2, role = $3, org_unit_id = $4, password_hash = $5,"
    " failed_logins = $6, locked_until = $7, disabled = $8, updated_at = $9,"
    " version = version + 1 WHERE id = $1 AND version = $10"};

#undef LIFELINE_USER_COLUMNS

Result<User> MapUser(const Row& row) {
  User user;
  user.id = row.Int(0);
  user.username = row.Str(1);
  user.display_name = row.Str(2);
  auto role = ParseRole(row.Text(3));
  if (!role) return Fail(UnknownCode("role", row.Text(3)));
  user.role = *role;
  user.org_unit_id = row.Int(4);
  user.password_hash = row.Str(5);
  user.failed_logins = static_cast<int>(row.Int(6));
  user.locked_until = row.OptInt(7);
  user.disabled = row.Bool(8);
  user.created_at = row.Int(9);
  user.updated_at = row.Int(10);
  user.version = row.Int(11);
  return user;
}

}  // namespace

Result<User> SqlUserRepository::FindByUsername(std::string_view username) {
  return FetchOne<User>(connection_, kByUsername, {username}, MapUser, "user");
}

Result<User> SqlUserRepository::FindById(std::int64_t id) {
  return FetchOne<User>(connection_, kById, {id}, MapUser, "user");
}

Result<std::vector<User>> SqlUserRepository::List() {
  return FetchAll<User>(connection_, kList, {}, MapUser);
}

Result<std::int64_t> SqlUserRepository::Insert(const User& user) {
  auto id = InsertReturningId(
      connection_, kInsert,
      {user.username, user.display_name, RoleCode(user.role), user.org_unit_id, user.password_hash,
       user.failed_logins, user.locked_until, user.disabled, user.created_at, user.updated_at});
  if (!id && id.error().code == ErrorCode::kConflict) {
    // The only unique column besides the id; a missing org unit is checked by the service.
    return Fail(Error{ErrorCode::kConflict, "username already taken", "username"});
  }
  return id;
}

Status SqlUserRepository::Update(const User& user) {
  auto changed =
      connection_.Exec(kUpdate, {user.id, user.display_name, RoleCode(user.role), user.org_unit_id,
                                 user.password_hash, user.failed_logins, user.locked_until,
                                 user.disabled, user.updated_at, user.version});
  if (!changed) return Fail(changed.error());
  if (*changed == 0) {
    return Fail(Error::Conflict("user " + user.username + " was changed by someone else"));
  }
  return Ok();
}

}  // namespace lifeline::storage
