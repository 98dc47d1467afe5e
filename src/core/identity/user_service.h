// Managing staff accounts: create, change password, disable and enable, unlock, list.
// Every change is audited and emits a "user.*" event in the same transaction.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.h"
#include "core/identity/auth_service.h"
#include "core/identity/principal.h"
#include "core/identity/user.h"
#include "core/ports/clock.h"
#include "core/ports/password_hasher.h"
#include "core/ports/store.h"

namespace lifeline {

struct NewUser {
  std::string username;
  std::string display_name;
  Role role = Role::kAgent;
  std::int64_t org_unit_id = 0;
  std::string password;
};

[[nodiscard]] Status ValidateUsername(std::string_view username);
[[nodiscard]] Status ValidatePassword(std::string_view password,
                                      std::string_view field = "password");

class UserService {
 public:
  UserService(Store& store, const PasswordHasher& hasher, const Clock& clock, AuthService& auth)
      : store_(store), hasher_(hasher), clock_(clock), auth_(auth) {}

  [[nodiscard]] Result<User> AddUser(const Principal& actor, NewUser request);
  // Users may change their own password; anyone else's needs users:manage. Ends every session
  // of the user.
  [[nodiscard]] Status ChangePassword(const Principal& actor, std::string_view username,
                                      std::string_view new_password);
  [[nodiscard]] Status SetDisabled(const Principal& actor, std::string_view username,
                                   bool disabled);
  [[nodiscard]] Status Unlock(const Principal& actor, std::string_view username);
  [[nodiscard]] Result<std::vector<User>> List(const Principal& actor);
  [[nodiscard]] Result<User> Get(const Principal& actor, std::int64_t id);

 private:
  struct UserChange {
    std::string_view audit_action;  // "user.disable"
    std::string_view event_type;    // "user.disabled"
  };

  // Loads the user, applies `change`, writes it with an audit record and an event.
  template <class Change>
  Status Modify(const Principal& actor, std::string_view username, const UserChange& what,
                Change&& change);

  Store& store_;
  const PasswordHasher& hasher_;
  const Clock& clock_;
  AuthService& auth_;
};

}  // namespace lifeline
