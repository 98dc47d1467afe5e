// A short-lived in-memory cache from credential hash to Principal, so an authenticated request
// costs a hash and a map lookup rather than a database round trip. Entries live for at most
// `ttl`, which bounds how long a revocation made on another node takes to apply here
// (revocations on this node evict at once).
#pragma once

#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/common/time.h"
#include "core/identity/principal.h"

namespace lifeline {

class PrincipalCache {
 public:
  PrincipalCache(TimeMs ttl, std::size_t max_entries) : ttl_(ttl), max_entries_(max_entries) {}

  std::optional<Principal> Find(const std::string& credential_hash, TimeMs now);
  // `valid_until` is when the credential itself expires; the entry expires no later.
  void Put(const std::string& credential_hash, const Principal& principal, TimeMs valid_until,
           TimeMs now);
  void Evict(const std::string& credential_hash);
  void EvictUser(std::int64_t user_id);
  void EvictApiKey(std::int64_t api_key_id);

 private:
  struct Entry {
    Principal principal;
    TimeMs expires_at;
  };

  TimeMs ttl_;
  std::size_t max_entries_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace lifeline
