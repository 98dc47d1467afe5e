// Logging in, resolving credentials to a Principal, logging out, and API keys.
//
// Sessions are opaque random tokens ("lls_…"); API keys are the same shape ("llk_…"). Only
// their SHA-256 is stored. Password checks (Argon2id, slow on purpose) run outside any database
// transaction; the transaction afterwards records the outcome, the lock-out count and the audit
// record together.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.h"
#include "core/identity/lockout_policy.h"
#include "core/identity/principal.h"
#include "core/identity/principal_cache.h"
#include "core/ports/clock.h"
#include "core/ports/digest.h"
#include "core/ports/password_hasher.h"
#include "core/ports/secure_random.h"
#include "core/ports/store.h"

namespace lifeline {

struct AuthSettings {
  LockoutPolicy lockout;
  TimeMs session_ttl = 12 * kHourMs;  // one long shift
  TimeMs principal_cache_ttl = 30 * kSecondMs;
  std::size_t principal_cache_entries = 100'000;
};

struct LoginResult {
  std::string token;
  TimeMs expires_at = 0;
  Principal principal;
};

struct NewApiKey {
  std::string name;
  std::int64_t owner_user_id = 0;
  std::vector<Permission> scopes;
  std::optional<TimeMs> expires_at;
};

struct CreatedApiKey {
  ApiKey key;
  std::string secret;  // shown once, never stored
};

inline constexpr std::string_view kSessionTokenPrefix = "lls_";
inline constexpr std::string_view kApiKeyPrefix = "llk_";

class AuthService {
 public:
  AuthService(Store& store, const PasswordHasher& hasher, SecureRandom& random,
              const Digest& digest, const Clock& clock, AuthSettings settings);

  [[nodiscard]] Result<LoginResult> Login(std::string_view username, std::string_view password,
                                          std::string_view remote_address);
  // Resolves a bearer credential (session token or API key) to who is calling.
  [[nodiscard]] Result<Principal> Authenticate(std::string_view credential);
  [[nodiscard]] Status Logout(const Principal& principal, std::string_view token);

  [[nodiscard]] Result<CreatedApiKey> CreateApiKey(const Principal& actor, NewApiKey request);
  [[nodiscard]] Result<std::vector<ApiKey>> ListApiKeys(const Principal& actor);
  [[nodiscard]] Status RevokeApiKey(const Principal& actor, std::int64_t id);

  // Drops cached principals of a user whose rights just changed (disabled, new password).
  void ForgetUser(std::int64_t user_id) { cache_.EvictUser(user_id); }

 private:
  Status RecordFailedLogin(std::int64_t user_id, std::string_view remote_address);
  Result<LoginResult> OpenSession(std::int64_t user_id, std::string_view remote_address);
  Result<Principal> AuthenticateSession(const std::string& hash, TimeMs now);
  Result<Principal> AuthenticateApiKey(const std::string& hash, TimeMs now);

  Store& store_;
  const PasswordHasher& hasher_;
  SecureRandom& random_;
  const Digest& digest_;
  const Clock& clock_;
  AuthSettings settings_;
  PrincipalCache cache_;
  std::string dummy_hash_;  // verified against when the user does not exist, to equalise timing
};

// Builds the Principal of `user`: role permissions and the data scope of its org unit.
[[nodiscard]] Result<Principal> LoadPrincipal(StoreSession& session, const User& user);

AuditActor ActorOf(const Principal& principal);

}  // namespace lifeline
